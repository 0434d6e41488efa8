"""A method with no local use at all gets a row for its owner's municipality: the owner counts as using it
unless the contributor says otherwise. The row goes into the page's latest and live revisions too, so that
publishing either keeps it."""

from django.db import migrations

ESTABLISHED = "införd"


def owner_uses_its_methods(apps, schema_editor):
    method_model = apps.get_model("knowledge", "MethodPage")
    use_model = apps.get_model("knowledge", "MethodLocalUse")
    revision_model = apps.get_model("wagtailcore", "Revision")
    unused = method_model.objects.exclude(pk__in=use_model.objects.values("page_id"))
    for method in unused.iterator():
        use = use_model.objects.create(
            page_id=method.pk, municipality_id=method.municipality_id, status=ESTABLISHED, confirmed=True, sort_order=0
        )
        row = {
            "pk": use.pk,
            "sort_order": 0,
            "page": method.pk,
            "municipality": method.municipality_id,
            "unit": "",
            "status": ESTABLISHED,
            "since_year": None,
            "contact_role": "",
            "confirmed": True,
        }
        revision_ids = {method.latest_revision_id, method.live_revision_id} - {None}
        for revision in revision_model.objects.filter(pk__in=revision_ids):
            if not revision.content.get("local_uses"):
                revision.content["local_uses"] = [row]
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0010_term_explanations")]

    operations = [migrations.RunPython(owner_uses_its_methods, migrations.RunPython.noop)]
