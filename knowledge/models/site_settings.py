from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField

from common import versions
from knowledge.blocks import SupportLineBlock
from privacy.admin_forms import GuardedAdminModelForm

# The version token (common/versions.py) of the support lines, which every page's footer shows (kept rendered:
# templates/components/site_footer.html); renewed by every save of the setting (knowledge/signals.py).
SUPPORT_VERSION = versions.read_on_every_page("support")


@register_setting(icon="help")
class SupportSettings(BaseGenericSetting):
    """The support lines in the footer of every page ("Stöd och hjälp")."""

    lines = StreamField(
        [("line", SupportLineBlock())],
        verbose_name=_("support lines"),
        blank=True,
        help_text=_("Phone lines shown under “Support and help” at the bottom of every page."),
    )

    base_form_class = GuardedAdminModelForm  # the personal-data guard on every text
    panels = [FieldPanel("lines")]

    class Meta:
        verbose_name = _("support and help")
