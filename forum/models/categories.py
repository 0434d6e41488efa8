"""Forum categories: where threads live, and who may see them."""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts import roles
from common import versions
from common.kept import KeptInProcess
from privacy.admin_forms import GuardedAdminModelForm

from ..caching import ACCESS


class CategoryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The categories the person may see: open ones, and restricted ones whose every limit they meet."""
        if not user.is_authenticated:
            return self.none()
        if roles.is_moderator(user):
            return self
        return self.filter(_limits_met(category=OuterRef("pk"), person=user.pk, municipality=user.municipality_id))

    def in_order(self):
        return self.order_by("position", "name")


class Category(models.Model):
    """A room of the forum (Barn och unga, Hedersrelaterat våld …), managed by editors in the admin."""

    name = models.CharField(_("name (Swedish)"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    description = models.CharField(
        _("description"), max_length=300, blank=True, help_text=_("One sentence: what is discussed here.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))
    restricted_to_groups = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("only for these roles"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for everyone. Moderators always see every category."),
    )
    restricted_to_municipalities = models.ManyToManyField(
        "accounts.Municipality",
        verbose_name=_("only for these municipalities"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for all six municipalities."),
    )

    objects = CategoryQuerySet.as_manager()

    base_form_class = GuardedAdminModelForm  # the personal-data guard on every text, whatever the viewset's panels

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self):
        return self.label

    @property
    def label(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def is_restricted(self):
        return self.restricted_to_groups.exists() or self.restricted_to_municipalities.exists()

    def is_visible_to(self, user):
        return Category.objects.visible_to(user).filter(pk=self.pk).exists()


def visible_category_filter(user, prefix="category"):
    """A Q object limiting a query to rows in categories the person may see: their ids, from `visible_category_ids`."""
    return Q(**{f"{prefix}__in": visible_category_ids(user)})


# Every category's limits, as read for the last ACCESS tokens.
_KEPT_LIMITS = KeptInProcess(size=4)


def category_limits():
    """{category id: (names of the roles, ids of the municipalities it is limited to)} for every category.

    Read once per process and ACCESS token (forum/signals.py renews it when a category, its limits or a role is
    saved or deleted). The token is read first: a change committed after it renews the token again, so what is read
    here is never kept under a token newer than the data.
    """
    (token,) = versions.tokens(ACCESS)
    return _KEPT_LIMITS.get(token, _read_limits)


def _read_limits():
    limits = {}
    # One row per category, role and municipality it is limited to: a few rows, in one query.
    rows = Category.objects.values_list("pk", "restricted_to_groups__name", "restricted_to_municipalities")
    for pk, role_name, municipality_id in rows:
        names, ids = limits.setdefault(pk, (set(), set()))
        names.add(role_name)
        ids.add(municipality_id)
    return {pk: (frozenset(names) - {None}, frozenset(ids) - {None}) for pk, (names, ids) in limits.items()}


def visible_category_ids(user):
    """The ids of the categories the person may see: `visible_to`'s rule, asked in Python (`limits_admit`) of the
    limits this process keeps, with the person's roles as accounts/access_cache.py keeps them; no query once both are
    kept. Asked once per person object while what decides it holds. tests/forum/test_category_visibility.py holds
    it to `visible_to`."""
    if not user.is_authenticated:
        return frozenset()
    limits = category_limits()
    asked = (limits, user.is_superuser, roles.group_names(user), user.municipality_id)
    kept = getattr(user, "_visible_categories", None)
    if kept is not None and kept[0] == asked:
        return kept[1]
    visible = frozenset(
        pk
        for pk, (role_names, municipality_ids) in limits.items()
        if limits_admit(user, role_names=role_names, municipality_ids=municipality_ids)
    )
    user._visible_categories = (asked, visible)
    return visible


def may_see_category(*, category, person, municipality, is_superuser):
    """`visible_to` turned round: a condition on people (or on rows naming a person) rather than on categories.

    `category`, `person` and `municipality` are each a value or an OuterRef, and `is_superuser` the
    lookup of the person's flag, so that one query asks it of many people or many notifications.
    Moderators see everything, as `roles.is_moderator` says; SQL cannot call it, so it is asked here.
    """
    moderator = Group.objects.filter(name=roles.MODERATOR, user=person)
    return (
        Q(**{is_superuser: True})
        | Exists(moderator)
        | _limits_met(category=category, person=person, municipality=municipality)
    )


def _limits_met(*, category, person, municipality):
    """The rule itself: a category limited to roles or municipalities is seen only by those in one of each.

    A kind of limit the category does not have does not count. Each argument is a value or an OuterRef.
    """
    group_limits = Category.restricted_to_groups.through.objects.filter(category_id=category)
    municipality_limits = Category.restricted_to_municipalities.through.objects.filter(category_id=category)
    in_group = group_limits.filter(group__user=person)
    in_municipality = municipality_limits.filter(municipality_id=municipality)
    return (~Exists(group_limits) | Exists(in_group)) & (~Exists(municipality_limits) | Exists(in_municipality))


def limits_admit(person, *, role_names, municipality_ids):
    """The rule of `_limits_met` for a category held in memory, with its limits in hand: the importer's, not in the
    database yet (it checks a file's categories before it writes any of them), and those `visible_category_ids`
    keeps. `person` None stands for a new account: no role and no municipality.
    tests/forum/test_category_visibility.py holds the forms of the rule to the same answers.
    """
    if person is None:
        held_roles, municipality_id = frozenset(), None
    elif roles.is_moderator(person):
        return True
    else:
        held_roles, municipality_id = roles.group_names(person), person.municipality_id
    in_group = not role_names or bool(role_names & held_roles)
    in_municipality = not municipality_ids or municipality_id in municipality_ids
    return in_group and in_municipality
