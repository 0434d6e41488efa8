"""Suggestions while typing (@mentions and tags): small JSON answers for the compose script."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from knowledge.models.tags import tags_offered_to
from knowledge.vocabulary import named_or_called

from ..services import mention_handle

SUGGESTIONS = 8


@require_safe
def people(request):
    """Colleagues whose name or address starts with what was typed after @."""
    typed = request.GET.get("q", "").strip()[:50]
    if len(typed) < 2:
        return JsonResponse({"results": []})
    words = typed.split()
    matches = get_user_model().objects.filter(is_active=True).select_related("municipality")
    for word in words:
        matches = matches.filter(
            Q(first_name__istartswith=word) | Q(last_name__istartswith=word) | Q(email__istartswith=word)
        )
    people = list(matches.order_by("first_name", "last_name")[:SUGGESTIONS])
    local_parts = [person.email.split("@", 1)[0] for person in people]
    namesakes = Counter()
    if local_parts:
        same_start = Q()
        for local_part in local_parts:
            same_start |= Q(email__istartswith=f"{local_part}@")
        namesakes.update(
            email.split("@", 1)[0]
            for email in get_user_model().objects.filter(same_start).values_list("email", flat=True)
        )
    results = [
        {
            "name": str(person),
            "municipality": person.municipality.name if person.municipality else "",
            "handle": mention_handle(person, unique=namesakes[local_part] <= 1),
        }
        for person, local_part in zip(people, local_parts, strict=True)
    ]
    return JsonResponse({"results": results})


@require_safe
def tags(request):
    """Tags from the shared vocabulary that start with, or contain, what was typed (in their name or a synonym's),
    as far as the person may be told of them (knowledge.models.tags.tags_offered_to): never a tag used only in a
    closed category or on a draft."""
    typed = request.GET.get("q", "").strip()[:50]
    if not typed:
        return JsonResponse({"results": []})
    found = (
        tags_offered_to(request.user)
        .filter(named_or_called(typed))
        .annotate(starts=Count("pk", filter=Q(name__istartswith=typed)))
        .order_by("-starts", "name")[:SUGGESTIONS]
    )
    return JsonResponse({"results": [tag.name for tag in found]})
