"""A person's roles and permissions, kept between requests in each process's memory.

Every signed-in page asks for the person's roles (`roles.group_names`: the campaign link, the forum's categories)
and whether they may use the admin (`has_perm`, the user menu): three queries, the same for the person until an
administrator changes something. Here they are read once per person, process and `ACCESS_VERSION` token
(common/versions.py, one round trip per request shared with the other tokens every page reads). Every change of
what they are made of renews the token (accounts/signals.py): a person's groups or own permissions, a group's
permissions, a group's Wagtail page permissions, a group or permission saved or deleted, and every migration (which
adds permissions and grants them without the signals). Superuser and active status are part of the key: they are
columns of the person's own row, which the session reads afresh on every request.

Django's ModelBackend keeps what it reads on the user object (`_user_perm_cache`, `_group_perm_cache`,
`_perm_cache`) for the life of that object; `prime` fills in those same attributes before it looks, so the backend's
own rule still decides, and AUTHENTICATION_BACKENDS keep their paths (a changed path would end every session).
"""

from dataclasses import dataclass

from django.contrib.auth import load_backend

from common import versions
from common.kept import KeptInProcess

ACCESS_VERSION = versions.read_on_every_page("access")
# Loaded by its path when first needed: its module asks for the user model, which is not ready when accounts.models
# imports this module.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
# People kept per process; the one asked for longest ago goes first. An entry is a few hundred bytes.
KEPT_PEOPLE = KeptInProcess(size=5000)


@dataclass(frozen=True)
class Access:
    role_names: frozenset
    user_permissions: frozenset
    group_permissions: frozenset
    # The codenames of the Wagtail page permissions the person's groups hold anywhere in the tree ("add_page" …).
    page_permissions: frozenset


def _read(user):
    backend = load_backend(MODEL_BACKEND)
    return Access(
        role_names=frozenset(user.groups.values_list("name", flat=True)),
        # ModelBackend's rule: nothing for an inactive account, everything for a superuser.
        user_permissions=frozenset(backend.get_user_permissions(user)),
        group_permissions=frozenset(backend.get_group_permissions(user)),
        # Through the groups' reverse relation to Wagtail's GroupPagePermission: accounts.models imports this
        # module before Wagtail's models may be imported.
        page_permissions=frozenset(
            user.groups.filter(page_permissions__isnull=False).values_list(
                "page_permissions__permission__codename", flat=True
            )
        ),
    )


def access_of(user):
    """The person's roles and permissions as kept for the current token; read from the database on a miss."""
    kept = getattr(user, "_kept_access", None)
    if kept is not None:
        return kept
    (token,) = versions.tokens(ACCESS_VERSION)
    access = KEPT_PEOPLE.get((user.pk, user.is_active, user.is_superuser, token), lambda: _read(user))
    user._kept_access = access
    return access


def prime(user):
    """Fill in the roles and ModelBackend's permission caches on this user object, once."""
    if getattr(user, "_access_primed", False) or not user.is_authenticated:
        return
    access = access_of(user)
    user._access_primed = True
    user._role_names = access.role_names
    user._user_perm_cache = set(access.user_permissions)
    user._group_perm_cache = set(access.group_permissions)
    user._perm_cache = user._user_perm_cache | user._group_perm_cache


def renew(*args, **kwargs):
    """Everyone's access may have changed; connected to the writes named in the module's docstring."""
    versions.renew(ACCESS_VERSION)


def renew_after_m2m(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        renew()
