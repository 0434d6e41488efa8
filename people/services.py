"""Writing a person's own directory entry."""

from django.db import transaction

from taggit.models import Tag

from .caching import colleagues_changed
from .models import Expertise


@transaction.atomic
def save_profile(profile, *, expertise):
    """Save the profile and set its expertise to the tags named (already resolved by the shared vocabulary's rule)."""
    profile.save()
    wanted = {name.casefold(): name for name in expertise}
    tags = {tag.name.casefold(): tag for tag in Tag.objects.filter(name__in=list(wanted.values()))}
    for key, name in wanted.items():
        if key not in tags:  # a new word, from someone who keeps the vocabulary
            tags[key] = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
    keep = [tag.pk for key, tag in tags.items() if key in wanted]
    profile.expertise_rows.exclude(tag_id__in=keep).delete()
    present = set(profile.expertise_rows.values_list("tag_id", flat=True))
    Expertise.objects.bulk_create(Expertise(profile=profile, tag_id=pk) for pk in keep if pk not in present)
    colleagues_changed()  # bulk_create sends no signal
