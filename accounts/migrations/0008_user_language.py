# The language a person chose is kept on the account (issue 14): it follows them to another browser and past a logout.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_administrators_do_not_edit_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="language",
            field=models.CharField(
                blank=True,
                choices=[("sv", "Svenska"), ("en", "English")],
                help_text="The language the intranet is shown in. Empty until the person chooses one: then Swedish.",
                max_length=10,
                verbose_name="language",
            ),
        ),
    ]
