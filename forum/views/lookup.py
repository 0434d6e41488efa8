"""Suggestions while typing (@mentions and tags): small JSON answers for the compose script."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from knowledge.models.tags import tags_offered_to
from knowledge.vocabulary import named_or_called

from ..mentions import handles_of

SUGGESTIONS = 8


def _starts_with(word):
    """A first name, last name or address that starts with the word; "åsa" finds "Åsa" on SQLite too, whose LIKE
    folds only a–z."""
    found = Q(email__istartswith=word)
    for spelling in {word, word.capitalize()}:
        found |= Q(first_name__istartswith=spelling) | Q(last_name__istartswith=spelling)
    return found


@require_safe
def people(request):
    """Colleagues whose name or address starts with what was typed after @ ("anna la" finds Anna Larsson, "Anna
    Larsson (Sig" the one in Sigtuna)."""
    typed = request.GET.get("q", "").strip()[:50]
    if len(typed) < 2:
        return JsonResponse({"results": []})
    name, _bracket, place = typed.partition("(")  # "Anna Larsson (Sig": the municipality as written in a mention
    matches = get_user_model().objects.filter(is_active=True).select_related("municipality")
    for word in name.split():
        matches = matches.filter(_starts_with(word))
    place = place.strip(" )")
    if place:
        matches = matches.filter(municipality__name__istartswith=place)
    people = list(matches.order_by("first_name", "last_name")[:SUGGESTIONS])
    handles = handles_of(people)
    results = [
        {
            "name": str(person),
            "municipality": person.municipality.name if person.municipality else "",
            "handle": handles[person.pk],
        }
        for person in people
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
