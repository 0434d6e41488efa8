"""Wagtail's user and group admin, narrowed to who may change whose access (see `roles.may_administer`).

Nobody deletes an account here: what a person wrote stays, so an account is deactivated instead.
"""

from django.contrib.auth.models import Group
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.users.views import groups, users

from . import access, audit, rights, roles, sessions
from .admin_forms import UserCreationForm, UserEditForm
from .models import SignInSession, User
from .rights_views import json_attachment


class AccountPermissionPolicy(ModelPermissionPolicy):
    """Django's permissions on the user model, narrowed per account by `roles.may_administer`; no deleting."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and roles.may_administer(user, instance)


class SuperusersOnlyPolicy(BasePermissionPolicy):
    """Groups carry permissions, so editing one could hand its members anything: only superusers do."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return User.objects.filter(is_active=True, is_superuser=True)


class AccountViewMixin:
    """For views of one account: refuse anyone who may not change it."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "change", self.object):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class IndexView(users.IndexView):
    def get_edit_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.get_edit_url(instance):
            url = reverse("wagtailusers_users:send_password_reset", args=[instance.pk])
            buttons.append(Button(_("Send password reset link"), url=url, icon_name="key", priority=30))
            url = reverse("wagtailusers_users:end_sessions", args=[instance.pk])
            buttons.append(Button(_("End sessions"), url=url, icon_name="logout", priority=40))
        return buttons


class CreateView(users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        person = super().save_instance()
        audit.log_access_change(person, {}, by=self.request.user)
        return person

    def get_success_buttons(self):
        # Nobody but a superuser chose a password, so the new person needs the link to sign in.
        url = reverse("wagtailusers_users:send_password_reset", args=[self.object.pk])
        return [*super().get_success_buttons(), messages.button(url, _("Send password reset link"))]


class EditView(AccountViewMixin, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.can_delete = False
        self.access_before = audit.access_of(self.object)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def save_instance(self):
        person = super().save_instance()
        access.record_access_change(person, self.access_before, by=self.request.user, request=self.request)
        return person

    @cached_property
    def header_more_buttons(self):
        pk = self.object.pk
        buttons = [
            Button(
                _("Send password reset link"),
                url=reverse("wagtailusers_users:send_password_reset", args=[pk]),
                icon_name="key",
            ),
            Button(_("End sessions"), url=reverse("wagtailusers_users:end_sessions", args=[pk]), icon_name="logout"),
            Button(
                _("Download personal data"),
                url=reverse("wagtailusers_users:export_personal_data", args=[pk]),
                icon_name="download",
            ),
        ]
        if not self.object.is_closed and pk != self.request.user.pk:
            buttons.append(
                Button(
                    _("Close account"), url=reverse("wagtailusers_users:close_account", args=[pk]), icon_name="warning"
                )
            )
        return [*super().header_more_buttons, *buttons]


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        return permission_denied(request)


class AccountOperationView(AccountViewMixin, WagtailAdminTemplateMixin, BaseOperationView):
    """Ask (GET), then act on one account (POST); only for those who may change it."""

    model = User
    success_url_name = "wagtailusers_users:edit"
    permission_policy = AccountPermissionPolicy(User)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailusers_users:index"), "label": capfirst(User._meta.verbose_name_plural)},
            {"url": reverse("wagtailusers_users:edit", args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(person=self.object))


class SendPasswordResetView(AccountOperationView):
    """Ask (GET), then mail the person the site's password reset link (POST)."""

    template_name = "wagtailusers/users/confirm_password_reset.html"
    page_title = gettext_lazy("Send password reset link")
    header_icon = "key"

    def perform_operation(self):
        self.sent = access.send_password_reset(self.object, by=self.request.user, request=self.request)
        if not self.sent:
            messages.error(self.request, _("The account is not active, so no link was sent. Activate it first."))

    def get_success_message(self):
        if self.sent:
            return _("A password reset link was sent to %(email)s.") % {"email": self.object.email}
        return None


class ExportPersonalDataView(AccountOperationView):
    """An administrator downloads everything about a person, for example to answer their request by post."""

    template_name = "wagtailusers/users/confirm_export_personal_data.html"
    page_title = gettext_lazy("Download personal data")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "change", self.object):
            if request.user.is_authenticated and request.user.is_active:
                audit.log_data_export_refused(self.object, request.user)
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        data = rights.export_personal_data(self.object, by=request.user)
        return json_attachment(data, self.object)


class CloseAccountView(AccountOperationView):
    """An administrator closes a person's account (rights.close_account): not their own, which is done from the
    profile with the password."""

    template_name = "wagtailusers/users/confirm_close_account.html"
    page_title = gettext_lazy("Close account")
    header_icon = "warning"

    def perform_operation(self):
        if self.object.pk == self.request.user.pk:
            self.closed = False
            messages.error(self.request, _("Close your own account from your profile page, with your password."))
            return
        self.closed = rights.close_account(self.object, by=self.request.user)
        if not self.closed:
            messages.error(self.request, _("The account was already closed."))

    def get_success_message(self):
        return _("The account is closed: its personal data has been removed.") if self.closed else None


class EndSessionsView(AccountOperationView):
    """Ask (GET), then sign the person out of every browser (POST), as when an account may be misused."""

    template_name = "wagtailusers/users/confirm_end_sessions.html"
    page_title = gettext_lazy("End sessions")
    header_icon = "logout"

    def get(self, request, *args, **kwargs):
        count = SignInSession.objects.of(self.object).active().count()
        return self.render_to_response(self.get_context_data(person=self.object, active_sessions=count))

    def perform_operation(self):
        self.ended = sessions.end_sessions(
            self.object, reason=sessions.Reason.BY_ADMINISTRATOR, by=self.request.user, keep_request=self.request
        )

    def get_success_message(self):
        return _("%(email)s has been signed out of %(count)s sessions.") % {
            "email": self.object.email,
            "count": self.ended,
        }


class UserViewSet(users.UserViewSet):
    # A copy would carry one person's roles and municipality over to another unseen; accounts are made new.
    copy_view_enabled = False
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    @cached_property
    def permission_policy(self):
        return AccountPermissionPolicy(self.model)

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm

    def get_urlpatterns(self):
        send_password_reset = SendPasswordResetView.as_view()
        return [
            *super().get_urlpatterns(),
            path("send-password-reset/<int:pk>/", send_password_reset, name="send_password_reset"),
            path("personal-data/<int:pk>/", ExportPersonalDataView.as_view(), name="export_personal_data"),
            path("close/<int:pk>/", CloseAccountView.as_view(), name="close_account"),
            path("end-sessions/<int:pk>/", EndSessionsView.as_view(), name="end_sessions"),
        ]


class GroupViewSet(groups.GroupViewSet):
    @cached_property
    def permission_policy(self):
        return SuperusersOnlyPolicy(Group)
