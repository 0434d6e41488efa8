"""Wagtail's bulk actions on accounts, held to the same rules as the edit form, and logged.

They replace Wagtail's own, registered under the same names (see wagtail_hooks).
"""

from django.contrib.auth.models import Group

from wagtail.users.views.bulk_actions import AssignRoleBulkAction, DeleteBulkAction, SetActiveStateBulkAction

from . import access, roles


def may_change(bulk_action, person):
    return roles.may_administer(bulk_action.request.user, person)


class AssignRole(AssignRoleBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and may_change(self, obj)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            form.fields["role"].queryset = Group.objects.filter(name__in=roles.ROLES_ADMINISTRATORS_ASSIGN)
        return form

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, role=None, user=None, **kwargs):
        return access.give_role(objects, role, by=user), 0


class SetActiveState(SetActiveStateBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and may_change(self, obj)

    @classmethod
    def execute_action(cls, objects, mark_as_active=False, user=None, **kwargs):
        # Nobody deactivates themselves, as in Wagtail's own action.
        people = [person for person in objects if person.pk != user.pk]
        return access.set_active(people, mark_as_active, by=user), 0


class Delete(DeleteBulkAction):
    """Nobody deletes accounts: what people wrote stays with their name. Deactivate instead."""

    def check_perm(self, obj):
        return False
