"""Moderation that closes the loop: notifications of what moderators did (pointing at the log entry, for the
reason), of the review of pages, and the author's request to show a hidden post again."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0003_notification_of_a_new_page_with_a_followed_tag"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="moderation_action",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="forum.moderationaction",
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
                    ("hidden", "Your post was hidden"),
                    ("restored", "Your post is shown again"),
                    ("kept_hidden", "Your post stays hidden"),
                    ("redacted", "Personal data was removed from your post"),
                    ("edited", "A moderator edited your post"),
                    ("moved", "Your thread was moved"),
                    ("report_handled", "Your report was handled"),
                    ("review_requested", "A page waits for your review"),
                    ("page_published", "Your page was approved and published"),
                    ("changes_requested", "Changes were requested in your page"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="reason",
            field=models.CharField(
                choices=[
                    ("personal_data", "Contains information about an individual"),
                    ("offensive", "Offensive or inappropriate"),
                    ("wrong_place", "Wrong category or off topic"),
                    ("other", "Something else"),
                    ("restore_request", "The author asks for it to be shown again"),
                ],
                max_length=20,
                verbose_name="reason",
            ),
        ),
    ]
