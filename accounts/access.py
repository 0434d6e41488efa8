"""What the user admin does to several accounts at once, or by mail: each act logged with its before and after."""

from wagtail.log_actions import log

from .audit import PASSWORD_RESET_SENT, access_of, log_access_change
from .forms import PasswordResetForm
from .models import User
from .views import PasswordResetView


def give_role(people, role, *, by):
    """Add the role (a group) to each person; return how many people there were."""
    before = {person.pk: access_of(person) for person in people}
    role.user_set.add(*people)
    for person in people:
        log_access_change(person, before[person.pk], by=by)
    return len(people)


def set_active(people, active, *, by):
    """Activate or deactivate each person; return how many people there were."""
    before = {person.pk: access_of(person) for person in people}
    User.objects.filter(pk__in=before).update(is_active=active)
    for person in User.objects.filter(pk__in=before).select_related("municipality"):
        log_access_change(person, before[person.pk], by=by)
    return len(people)


def send_password_reset(person, *, by, request):
    """Mail the person the site's own reset link, so nobody but them ever knows their password.

    Return False when no mail could go: Django mails only active accounts.
    """
    if not person.is_active:
        return False
    form = PasswordResetForm({"email": person.email})
    form.is_valid()
    form.save(
        request=request,
        use_https=request.is_secure(),
        email_template_name=PasswordResetView.email_template_name,
        subject_template_name=PasswordResetView.subject_template_name,
    )
    log(instance=person, action=PASSWORD_RESET_SENT, user=by)
    return True
