# Only superusers edit groups (accounts/viewsets.py); the permissions that suggested otherwise go.
from django.db import migrations

from accounts import roles

GROUP_PERMISSIONS = ["add_group", "change_group"]


def take_away(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    administrators = group_model.objects.filter(name=roles.ADMINISTRATOR).first()
    if administrators:
        administrators.permissions.remove(
            *permission_model.objects.filter(content_type__app_label="auth", codename__in=GROUP_PERMISSIONS)
        )


def give_back(apps, schema_editor):
    roles.grant(apps, roles.ADMINISTRATOR, [f"auth.{codename}" for codename in GROUP_PERMISSIONS])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_api_token_expiry_required"),
    ]

    operations = [migrations.RunPython(take_away, give_back)]
