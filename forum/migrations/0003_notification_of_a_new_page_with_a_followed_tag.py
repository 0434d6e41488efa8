"""Notifications that name a page (a new event with a tag someone follows), not only a thread; exactly one of the two."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0002_seed_categories_and_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="page",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.page",
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="kind",
            field=models.CharField(
                choices=[
                    ("reply", "New reply in a thread you follow"),
                    ("mention", "You were mentioned"),
                    ("quote", "Your post was quoted"),
                    ("answer", "Your post was marked as the answer"),
                    ("category", "New thread in a category you follow"),
                    ("tag", "New thread with a tag you follow"),
                    ("page_tag", "New with a tag you follow"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="thread",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="forum.thread"
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("page__isnull", True), ("thread__isnull", False)),
                    models.Q(("page__isnull", False), ("thread__isnull", True)),
                    _connector="OR",
                ),
                name="notification_names_a_thread_or_a_page",
            ),
        ),
    ]
