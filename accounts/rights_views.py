"""The person's own rights pages: "Mina uppgifter" (what is kept, and a download of all of it) and closing the
account. The download is always of the person signed in; asking for anyone else's is refused and logged."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from common.params import positive_int

from . import audit, rights
from .forms import CloseAccountForm

# A download names someone only through this parameter; anyone but the person signed in is refused.
PERSON_PARAMETER = "person"
LARGEST_ID = 2**63 - 1


def json_attachment(data, person):
    filename = f"kunskapsforum-mina-uppgifter-{person.pk}-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def refuse_someone_elses_data(request, asked_for):
    """The answer to a request for another person's data: a clear page, nothing of them, the attempt logged."""
    pk = positive_int(asked_for)
    person = get_user_model().objects.filter(pk=pk).first() if pk and pk <= LARGEST_ID else None
    audit.log_data_export_refused(person, request.user)
    return render(request, "accounts/rights_refused.html", status=403)


def asks_for_someone_else(request):
    asked_for = request.POST.get(PERSON_PARAMETER) or request.GET.get(PERSON_PARAMETER)
    return asked_for if asked_for not in (None, "", str(request.user.pk)) else None


@never_cache
def my_data(request):
    """What the intranet keeps about the person, why and for how long, with the download and the closing."""
    if asked_for := asks_for_someone_else(request):
        return refuse_someone_elses_data(request, asked_for)
    return render(request, "accounts/my_data.html")


@never_cache
@require_POST
def download_my_data(request):
    """All the person's data as one JSON file; the download is logged."""
    if asked_for := asks_for_someone_else(request):
        return refuse_someone_elses_data(request, asked_for)
    return json_attachment(rights.export_personal_data(request.user, by=request.user), request.user)


@never_cache
@require_http_methods(["GET", "POST"])
def close_account(request):
    """Ask (GET), then, with the password confirmed, close the person's own account and sign them out."""
    person = request.user
    form = CloseAccountForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        rights.close_account(person, by=person)
        logout(request)
        messages.success(
            request,
            _(
                "Your account is closed. Your name and contact details have been removed; what you wrote in the "
                "forum stays, shown as written by a former colleague."
            ),
        )
        return redirect(reverse("accounts:login"))
    return render(request, "accounts/close_account.html", {"form": form})
