import re

from django import template

from knowledge.models import AccessibilityStatementPage, SupportSettings
from knowledge.models.workflows import may_reach_editor

register = template.Library()


@register.simple_tag
def support_lines():
    """The support lines for the footer, as editors set them."""
    return [line.value for line in SupportSettings.load().lines]


@register.simple_tag
def accessibility_contact():
    """The address for reports of accessibility gaps, from the live statement; "" when there is none."""
    statement = AccessibilityStatementPage.objects.live().only("contact_email").first()
    return statement.contact_email if statement else ""


@register.filter
def phone_numbers(number):
    """Split "112 / 114 14" into (shown text, tel: value) pairs."""
    parts = [part.strip() for part in str(number).split("/") if part.strip()]
    return [(part, re.sub(r"[^\d+]", "", part)) for part in parts]


@register.filter
def editable_by(page, user):
    """Whether the person may edit the page; Wagtail's user bar is shown to them only, as it would cover the
    page's own buttons for everyone else. `may_reach_editor` answers most people without a query (Wagtail's
    tester reads the groups' page permissions and the page's review each time)."""
    return bool(
        user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and may_reach_editor(user, page)
        and page.permissions_for_user(user).can_edit()
    )
