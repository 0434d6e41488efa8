from wagtail.admin.forms import WagtailAdminPageForm

from accounts import roles
from accounts.models import Municipality


class MunicipalPageForm(WagtailAdminPageForm):
    """Offers only the municipalities the person works for; their own is chosen for them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("municipality")
        user = self.for_user
        if field is None or user is None or roles.acts_for_all_municipalities(user):
            return
        field.queryset = Municipality.objects.filter(pk=user.municipality_id)
        if not self.instance.municipality_id and user.municipality_id:
            self.initial["municipality"] = user.municipality_id
