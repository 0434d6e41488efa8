"""The four roles, as Django groups, and what each may do.

Migrations call `grant` so that a fresh database has working roles; later
apps add the permissions for their own models in their own migrations.
"""

from django.contrib.auth.management import create_permissions

from . import access_cache

EMPLOYEE = "Medarbetare"
EDITOR = "Redaktör"
MODERATOR = "Moderator"
ADMINISTRATOR = "Administratör"
# The joint editorial board edits and reviews content from every municipality.
BOARD = "Gemensam redaktion"

ROLES = [EMPLOYEE, EDITOR, MODERATOR, ADMINISTRATOR, BOARD]
# Roles whose members act for all six municipalities, not only their own.
CROSS_MUNICIPAL_ROLES = [ADMINISTRATOR, BOARD]


def group_names(user):
    """The names of the user's groups: kept on the user, and between requests in accounts/access_cache.py."""
    if not hasattr(user, "_role_names"):
        user._role_names = access_cache.access_of(user).role_names if user.is_authenticated else frozenset()
    return user._role_names


def acts_for_all_municipalities(user):
    return user.is_superuser or bool(group_names(user) & set(CROSS_MUNICIPAL_ROLES))


def is_moderator(user):
    """Moderators handle reports from every forum category, so a category's restrictions do not apply to them."""
    return user.is_superuser or MODERATOR in group_names(user)


def may_work_on(user, municipality_id):
    """Whether the user may edit or review content owned by this municipality."""
    return acts_for_all_municipalities(user) or (
        municipality_id is not None and user.municipality_id == municipality_id
    )


def may_review(user, municipality_id):
    """Editors review their own municipality's submissions; the joint board reviews everyone's."""
    if user.is_superuser or BOARD in group_names(user):
        return True
    return EDITOR in group_names(user) and user.municipality_id == municipality_id


def ensure_permissions(apps):
    """Create the permission rows now; Django otherwise adds them only after all migrations."""
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


# Who belongs where is decided by Administratörer; the roles that act for every
# municipality (and superuser status) are given and taken only by a superuser.
ROLES_ADMINISTRATORS_ASSIGN = [EMPLOYEE, EDITOR, MODERATOR]


def administers_access(user):
    """Whether the user decides roles, municipalities and who may see a forum category."""
    return user.is_superuser or ADMINISTRATOR in group_names(user)


def may_administer(user, person):
    """Whether the user may change this person's account: superusers anyone, Administratörer those
    whose every role they could give themselves (so never a superuser, another Administratör or the board)."""
    if user.is_superuser:
        return True
    if not administers_access(user) or person.is_superuser:
        return False
    return group_names(person) <= set(ROLES_ADMINISTRATORS_ASSIGN)
