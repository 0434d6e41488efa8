from django.db import migrations, models

from accounts import roles

# Wagtail registers these permissions for the group editor but gives them to no group.
PROMOTION_PERMISSIONS = [
    f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete", "view")
]


def grant_promotions(apps, schema_editor):
    roles.ensure_permissions(apps)
    for group_name in (roles.EDITOR, roles.BOARD, roles.ADMINISTRATOR):
        roles.grant(apps, group_name, PROMOTION_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0004_postgres_text_index"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchQueryDay",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.CharField(max_length=200, verbose_name="search words")),
                ("day", models.DateField(verbose_name="day")),
                ("searches", models.PositiveIntegerField(default=0, verbose_name="searches")),
                ("zero_results", models.PositiveIntegerField(default=0, verbose_name="searches without results")),
            ],
            options={
                "verbose_name": "search of the day",
                "verbose_name_plural": "searches per day",
                "indexes": [models.Index(fields=["day", "text"], name="site_search_query_day_text")],
                "constraints": [models.UniqueConstraint(fields=("text", "day"), name="site_search_query_per_day")],
            },
        ),
        migrations.RunPython(grant_promotions, migrations.RunPython.noop),
    ]
