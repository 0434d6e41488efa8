"""Take over ImportedPage and ImportedThread from intranet, keeping their tables, rows and permissions.

The models are created in Django's state only: their tables (intranet_importedpage and
intranet_importedthread) exist already and keep their names. The content types move to this
app's label, so that the permissions and log entries that point at them stay attached.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED_MODELS = ("importedpage", "importedthread")


def move_content_types(from_label, to_label):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
        # A content type the other label has already (made by hand, or by a half-run migration) is left alone.
        taken = list(content_types.filter(app_label=to_label, model__in=MOVED_MODELS).values_list("model", flat=True))
        content_types.filter(app_label=from_label, model__in=MOVED_MODELS).exclude(model__in=taken).update(
            app_label=to_label
        )

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("forum", "0002_seed_categories_and_permissions"),
        ("intranet", "0003_imported_models_move_to_importing"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportedPage",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("method", "Method"),
                                    ("experience", "Experience"),
                                    ("article", "Article"),
                                    ("topic", "Topic"),
                                ],
                                max_length=20,
                                verbose_name="kind of content",
                            ),
                        ),
                        ("source_id", models.CharField(max_length=200, verbose_name="id in the import file")),
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="import_source",
                                to="wagtailcore.page",
                                verbose_name="page created by the import",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "imported page",
                        "verbose_name_plural": "imported pages",
                        "db_table": "intranet_importedpage",
                        "constraints": [
                            models.UniqueConstraint(fields=("kind", "source_id"), name="unique_import_source")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ImportedThread",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "source_id",
                            models.CharField(max_length=200, unique=True, verbose_name="id in the import file"),
                        ),
                        ("post_numbers", models.JSONField(default=list, verbose_name="numbers of the imported posts")),
                        (
                            "thread",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="import_source",
                                to="forum.thread",
                                verbose_name="thread created by the import",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "imported thread",
                        "verbose_name_plural": "imported threads",
                        "db_table": "intranet_importedthread",
                    },
                ),
            ],
        ),
        migrations.RunPython(
            move_content_types(from_label="intranet", to_label="importing"),
            move_content_types(from_label="importing", to_label="intranet"),
        ),
    ]
