from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from . import directory
from .forms import ProfileForm
from .services import save_profile


@require_safe
def find_colleagues(request):
    """Hitta kollegor: filter people by municipality, sector and expertise, or search by name."""
    found = directory.find_colleagues(request.GET, request.user)
    return render(request, "people/directory.html", {"directory": found, "focus": bool(request.GET)})


@require_safe
def profile(request, pk):
    """A colleague's profile: who they are, what they know, how to reach them (as they chose), what they wrote."""
    person = get_object_or_404(directory.listed_people().select_related("municipality", "sector", "profile"), pk=pk)
    entry = directory.profile_of(person)
    expertise = directory.expertise_visible_to(request.user).filter(expertise_of__profile_id=person.pk)
    return render(
        request,
        "people/profile.html",
        {
            "person": person,
            "entry": entry,
            "expertise": list(expertise),
            "threads": directory.recent_threads(person, request.user),
            "methods": directory.contributed_methods(person, request.user),
            "experiences": directory.contributed_experiences(person, request.user),
            "is_own": person.pk == request.user.pk,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def edit_profile(request):
    """Redigera profil: the person edits their own entry, never anyone else's."""
    entry = directory.profile_of(request.user)
    form = ProfileForm(request.POST or None, instance=entry, user=request.user)
    if request.method == "POST" and form.is_valid():
        save_profile(form.save(commit=False), expertise=form.expertise_names)
        messages.success(request, _("Your profile has been saved."))
        return redirect("people:profile", pk=request.user.pk)
    return render(request, "people/edit_profile.html", {"form": form})
