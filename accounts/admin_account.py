"""Wagtail's account page with the personal-data guard on the name a person gives themselves there.

intranet/urls.py puts AccountView at Wagtail's address for the page; the other
panels (picture, notifications, language, password) stay Wagtail's own.
"""

from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views import account

from privacy.forms import PersonalDataGuardMixin


class GuardedNameEmailForm(PersonalDataGuardMixin, NameEmailForm):
    guarded_fields = ("first_name", "last_name")
    confirmable = False  # as on the site's own profile: a name has no room for a phone number or an address


class NameEmailSettingsPanel(account.NameEmailSettingsPanel):
    form_class = GuardedNameEmailForm


class AccountView(account.AccountView):
    def get_panels(self):
        return [
            NameEmailSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is account.NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]
