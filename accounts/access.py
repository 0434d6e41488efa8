"""What the user admin does to several accounts at once, or by mail: each act logged with its before and after."""

from wagtail.log_actions import log

from .audit import PASSWORD_RESET_SENT, access_of, log_access_change
from .forms import PasswordResetForm
from .models import User
from .sessions import Reason, end_sessions
from .views import PasswordResetView

# A change of these ends the person's sessions, so that the new access (and the second step it may need) holds
# from the next request on; a change of municipality alone does not.
ACCESS_THAT_ENDS_SESSIONS = ("roles", "superuser", "active")


def record_access_change(person, before, *, by, request=None):
    """Log how the person's access changed; a change of roles, superuser or active ends their sessions (but the
    one of `request`, when a person changes their own account). Returns whether anything changed."""
    if not log_access_change(person, before, by=by):
        return False
    after = access_of(person)
    if before and any(before.get(key) != after[key] for key in ACCESS_THAT_ENDS_SESSIONS):
        keep = request if request is not None and request.user.pk == person.pk else None
        end_sessions(person, reason=Reason.ACCESS_CHANGED, by=by, keep_request=keep)
    return True


def give_role(people, role, *, by):
    """Add the role (a group) to each person; return how many people there were."""
    before = {person.pk: access_of(person) for person in people}
    role.user_set.add(*people)
    for person in people:
        record_access_change(person, before[person.pk], by=by)
    return len(people)


def set_active(people, active, *, by):
    """Activate or deactivate each person; return how many people there were."""
    before = {person.pk: access_of(person) for person in people}
    for person in User.objects.filter(pk__in=before).select_related("municipality"):
        # Saved one by one, not updated in bulk: the save is what tells the pages that keep a person's name (and
        # whether it links to their page) to draw it anew.
        person.is_active = active
        person.save(update_fields=["is_active"])
        record_access_change(person, before[person.pk], by=by)
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
