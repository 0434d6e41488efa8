"""Forms for knowledge pages in Wagtail: municipal scope, on top of the personal-data guard on every text."""

from wagtail.admin.panels import FieldPanel

from accounts import roles
from accounts.models import Municipality
from privacy.admin_forms import GuardedPageForm
from privacy.forms import CONFIRMATION_FIELD


class MunicipalPageForm(GuardedPageForm):
    """Offers only the municipalities the person works for; their own is chosen for them.

    Every text on the page, inline forms included, passes the personal-data
    guard; the page's panels show the confirmation box with PersonalDataPanel.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("municipality")
        user = self.for_user
        if field is None or user is None or roles.acts_for_all_municipalities(user):
            return
        field.queryset = Municipality.objects.filter(pk=user.municipality_id)
        if not self.instance.municipality_id and user.municipality_id:
            self.initial["municipality"] = user.municipality_id


class PersonalDataPanel(FieldPanel):
    """The box to confirm that a text holds no personal data, shown only when the guard has warned."""

    def __init__(self, field_name=CONFIRMATION_FIELD, **kwargs):
        kwargs.setdefault("disable_comments", True)
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and bool(getattr(self.form, "personal_data_warnings", ()))
