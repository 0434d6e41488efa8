"""Where a mention of a colleague leads (the address every mention used before people had pages of their own)."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from accounts.profiles import person_page_url
from knowledge.models import MunicipalityPage
from knowledge.visibility import visible_pages


@require_safe
def person(request, pk):
    """The best page there is about a colleague: their profile page (accounts.profiles); without one, one's own
    account page, else the page of the colleague's municipality, else the forum's threads from that municipality."""
    colleague = get_object_or_404(get_user_model().objects.select_related("municipality"), pk=pk)
    if colleague.is_active and (profile_url := person_page_url(colleague)):
        return redirect(profile_url)
    if colleague.pk == request.user.pk:
        return redirect("accounts:profile")
    if colleague.municipality is None:
        return redirect("forum:index")
    page = visible_pages(MunicipalityPage.objects.filter(municipality=colleague.municipality), request.user).first()
    if page:
        return redirect(page.url)
    return redirect(f"{reverse('forum:index')}?kommun={colleague.municipality.slug}")
