"""Give every tag whose name made no slug (such as "ʼʼ") an address, so that no page links to /taggar//."""

from django.db import migrations

from knowledge.tagging import give_empty_slugs_a_slug


def forwards(apps, schema_editor):
    give_empty_slugs_a_slug(apps.get_model("taggit", "Tag"))


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0004_taxonomies_and_board"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
