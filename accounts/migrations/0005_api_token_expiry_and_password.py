import hashlib
from datetime import timedelta

from django.db import migrations, models

# The default lifetime when tokens got one; a token older than that has expired.
LIFETIME = timedelta(days=90)


def expire_and_fingerprint_existing_tokens(apps, schema_editor):
    """Give each token an expiry counted from its creation, and its owner's present password.

    The fingerprint is the one `accounts.models.password_fingerprint` computes, frozen here as a
    migration must be: tokens keep working until their owner's password next changes.
    """
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.select_related("user").iterator():
        token.expires_at = token.created_at + LIFETIME
        token.password_fingerprint = hashlib.sha256(token.user.password.encode()).hexdigest()
        token.save(update_fields=["expires_at", "password_fingerprint"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_api_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="password_fingerprint",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="fingerprint of the password"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="expires"),
        ),
        migrations.RunPython(expire_and_fingerprint_existing_tokens, migrations.RunPython.noop),
    ]
