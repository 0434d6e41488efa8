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


class MunicipalScopeMixin:
    """For page models owned by one municipality."""

    def permissions_for_user(self, user):
        return MunicipalPagePermissionTester(user, self)
