"""Form data for Wagtail's page editor, as a browser would post it for the knowledge bank's pages."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.models import Municipality

METHOD_INLINE_PANELS = ("ratings", "local_uses", "materials", "related_methods")


def method_form(**fields):
    """A new method in Sigtuna with one paragraph, ready to preview or save."""
    return nested_form_data(
        {
            "title": "Ny metod i förhandsvisning",
            "slug": "ny-metod",
            "summary": "Kort sammanfattning.",
            "municipality": Municipality.objects.get(slug="sigtuna").pk,
            "body": streamfield([("paragraph", rich_text("<p>Så gör vi.</p>"))]),
            "last_reviewed": "2026-11-01",
            **{name: inline_formset([]) for name in (*METHOD_INLINE_PANELS, "comments")},
            **fields,
        }
    )


def method_data(page, *, publish=False, **fields):
    """The edit form of an existing method as it stands, with `fields` changed."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "municipality": str(page.municipality_id),
        "last_reviewed": "2026-01-15",
        "tags": "",
        "body": streamfield([]),
        **{name: inline_formset([]) for name in METHOD_INLINE_PANELS},
        **fields,
    }
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def empty_inline_forms():
    """The management forms of a method's inline panels, each with no rows."""
    forms = {}
    for prefix in METHOD_INLINE_PANELS:
        forms.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0"})
        forms[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    return forms
