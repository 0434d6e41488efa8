"""Where a mention of a colleague leads."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from knowledge.models import MunicipalityPage
from knowledge.visibility import visible_pages


@require_safe
def person(request, pk):
    """The best page there is about a colleague, until people have pages of their own: one's own profile, else the
    page of the colleague's municipality (who does what there), else the forum's threads from that municipality."""
    colleague = get_object_or_404(get_user_model().objects.select_related("municipality"), pk=pk)
    if colleague.pk == request.user.pk:
        return redirect("accounts:profile")
    if colleague.municipality is None:
        return redirect("forum:index")
    page = visible_pages(MunicipalityPage.objects.filter(municipality=colleague.municipality), request.user).first()
    if page:
        return redirect(page.url)
    return redirect(f"{reverse('forum:index')}?kommun={colleague.municipality.slug}")
