"""Municipal scope on top of Wagtail's tree permissions.

Wagtail decides *what* a role may do (add, edit, publish) by the page tree;
this adds *whose* content: an editor in Sigtuna works on Sigtuna's pages,
the joint editorial board on everyone's.
"""

from wagtail.models import PagePermissionTester

from accounts import roles


class MunicipalPagePermissionTester(PagePermissionTester):
    def in_scope(self):
        return roles.may_work_on(self.user, getattr(self.page, "municipality_id", None))

    def can_edit(self):
        return self.in_scope() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self.in_scope() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self.in_scope() and super().can_unpublish()

    def can_publish(self):
        return self.in_scope() and super().can_publish()

    def can_lock(self):
        return self.in_scope() and super().can_lock()

    def can_unlock(self):
        return self.in_scope() and super().can_unlock()

    def can_move(self):
        return self.in_scope() and super().can_move()

    def can_view_revisions(self):
        return self.in_scope() and super().can_view_revisions()


def in_municipal_scope(pages, user):
    """The pages of the municipality the person works for; every page for the board and administrators.

    The queryset form of `roles.may_work_on`: a page without a municipality is the board's.
    """
    if roles.acts_for_all_municipalities(user):
        return pages
    if user.municipality_id is None:
        return pages.none()
    return pages.filter(municipality_id=user.municipality_id)


def keeps_methods_reviewed(user):
    """Editors, the joint board and administrators keep methods up to date (the report "Methods to review")."""
    return roles.acts_for_all_municipalities(user) or roles.EDITOR in roles.group_names(user)


class MunicipalScopeMixin:
    """For page models owned by one municipality (or, when it has none, by the joint editorial board)."""

    # Each such page names its municipality: read with the page when it is routed to (knowledge/routing.py).
    routed_with = ("municipality",)

    def permissions_for_user(self, user):
        return MunicipalPagePermissionTester(user, self)
