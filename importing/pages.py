"""Filling a page from an item's checked fields, and linking it to the pages it refers to."""

from datetime import date

from wagtail.rich_text import RichText

from knowledge.models import ExperiencePage, MethodLocalUse, MethodPage, MethodRating, RelatedMethod, TopicPin

METHOD_TEXTS = ["method_owner", "contact_role", "staff", "training", "sessions"]
EXPERIENCE_HEADINGS = [name for name, _label in ExperiencePage.HEADINGS]


def paragraph(html):
    return [("paragraph", RichText(html))] if html else []


def fill_title_and_summary(page, data):
    page.title = data["title"]
    page.summary = data["summary"]


def fill_classification(page, data):
    page.municipality = data["municipality"]
    page.target_groups.set(data.get("target_groups", []))
    page.age_groups.set(data.get("age_groups", []))
    page.violence_types.set(data.get("violence_types", []))
    page.sectors.set(data.get("sectors", []))
    page.tags.set(data.get("tags", []))


def fill_method(page, data):
    fill_title_and_summary(page, data)
    fill_classification(page, data)
    page.body = paragraph(data["body"])
    for name in METHOD_TEXTS:
        setattr(page, name, data.get(name, ""))
    page.cost_level = data.get("cost_level", "")
    page.prevention_level = data.get("prevention_level")
    page.evidence_level = data.get("evidence_level")
    if "last_reviewed" in data:
        page.last_reviewed = data["last_reviewed"]
        page.next_review_due = None  # MethodPage.save counts it from the new review date
    page.local_uses = in_file_order(
        MethodLocalUse(
            municipality=use["municipality"],
            unit=use.get("unit", ""),
            status=use["status"],
            since_year=use.get("since"),
            contact_role=use.get("contact_role", ""),
        )
        for use in local_uses_of(data)
    )
    page.ratings = in_file_order(
        MethodRating(
            registry=rating["registry"], rating=rating["rating"], rated_on=rating.get("date"), url=rating.get("url", "")
        )
        for rating in data.get("ratings", [])
    )


def in_file_order(rows):
    """A page's ordered rows (Orderable) numbered as the file lists them: rows without a number come back in no
    particular order from PostgreSQL."""
    rows = list(rows)
    for number, row in enumerate(rows):
        row.sort_order = number
    return rows


def local_uses_of(data):
    """The method's local use as the item gives it; without the field, its owner's municipality uses it
    (an empty list says that no municipality does)."""
    if "local_use" in data:
        return data["local_use"]
    return [{"municipality": data["municipality"], "status": MethodLocalUse.ESTABLISHED}]


def link_method(page, data, page_ids):
    page.related_methods = in_file_order(
        RelatedMethod(related_id=page_ids["method", source_id]) for source_id in data.get("related", [])
    )


def fill_experience(page, data):
    fill_title_and_summary(page, data)
    fill_classification(page, data)
    page.unit = data.get("unit", "")
    page.contact_role = data.get("contact_role", "")
    page.period_start = data.get("period_start")
    page.period_end = data.get("period_end")
    for name in EXPERIENCE_HEADINGS:
        setattr(page, name, data.get(name, ""))
    if "body" in data:
        page.what_was_done = data["body"]


def link_experience(page, data, page_ids):
    source_ids = ([data["method"]] if "method" in data else []) + data.get("methods", [])
    page.methods.set(MethodPage.objects.filter(pk__in=[page_ids["method", source_id] for source_id in source_ids]))


def fill_article(page, data):
    fill_title_and_summary(page, data)
    page.body = paragraph(data["body"])
    page.municipality = data.get("municipality")
    # Without a date in the file, a new article is dated today and an updated one keeps its date.
    page.date = data.get("date") or page.date or date.today()
    page.tags.set(data.get("tags", []))


def fill_topic(page, data):
    fill_title_and_summary(page, data)
    page.body = paragraph(data.get("body"))


def link_topic(page, data, page_ids):
    pinned = [
        page_ids[kind_name, source_id]
        for kind_name, list_name in (("method", "methods"), ("experience", "experiences"), ("article", "articles"))
        for source_id in data.get(list_name, [])
    ]
    page.pins = in_file_order(TopicPin(pinned_id=page_id) for page_id in pinned)


def no_links(page, data, page_ids):
    pass
