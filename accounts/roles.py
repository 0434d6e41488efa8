"""The four roles, as Django groups, and what each may do.

Migrations call `grant` so that a fresh database has working roles; later
apps add the permissions for their own models in their own migrations.
"""

EMPLOYEE = "Medarbetare"
EDITOR = "Redaktör"
MODERATOR = "Moderator"
ADMINISTRATOR = "Administratör"

ROLES = [EMPLOYEE, EDITOR, MODERATOR, ADMINISTRATOR]


def ensure_permissions(apps):
    """Create the permission rows now; Django otherwise adds them only after all migrations."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, group_name, permission_names):
    """Give a group permissions named "app_label.codename"; missing ones are an error."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.get_or_create(name=group_name)
    for name in permission_names:
        app_label, codename = name.split(".", 1)
        permission = permission_model.objects.get(content_type__app_label=app_label, codename=codename)
        group.permissions.add(permission)
    return group
