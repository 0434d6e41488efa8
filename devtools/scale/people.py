"""The generated people who write the large data set, and the tags they use."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from taggit.models import Tag

from accounts import roles
from accounts.models import User

from .writer import WORDS

PEOPLE = 300
EMAIL_PREFIX = "anvandare"
EMAIL_DOMAIN_SUFFIX = ".example"  # reserved for examples (RFC 2606): mail to it goes nowhere


def scale_email(number, municipality):
    return f"{EMAIL_PREFIX}{number:04d}@{municipality.slug}{EMAIL_DOMAIN_SUFFIX}"


def scale_people():
    """The generated people; finding any means the data set is already in the database."""
    return User.objects.filter(email__startswith=EMAIL_PREFIX, email__endswith=EMAIL_DOMAIN_SUFFIX)


def role_names(rank):
    """Everyone is an employee; in each municipality every tenth is also an editor, every 25th a moderator."""
    names = [roles.EMPLOYEE]
    if rank % 10 == 1:
        names.append(roles.EDITOR)
    if rank % 25 == 0:
        names.append(roles.MODERATOR)
    return names


def create_people(rng, municipalities, sectors, count=PEOPLE):
    """Create the people, spread evenly over the municipalities, none of whom can sign in."""
    now = timezone.now()
    unusable = make_password(None)  # the same unusable hash for all: nobody signs in as a generated person
    people = []
    for index in range(count):
        municipality = municipalities[index % len(municipalities)]
        people.append(
            User(
                email=scale_email(index + 1, municipality),
                password=unusable,
                first_name=rng.choice(WORDS["first_names"]),
                last_name=rng.choice(WORDS["last_names"]),
                municipality=municipality,
                sector=rng.choice(sectors),
                job_title=rng.choice(WORDS["job_titles"]),
                date_joined=now - timedelta(days=3 * 365 + rng.randrange(365)),
            )
        )
    people = User.objects.bulk_create(people)
    groups = {
        group.name: group for group in Group.objects.filter(name__in=[roles.EMPLOYEE, roles.EDITOR, roles.MODERATOR])
    }
    memberships = [
        User.groups.through(user_id=person.pk, group_id=groups[name].pk)
        for index, person in enumerate(people)
        for name in role_names(index // len(municipalities))
    ]
    User.groups.through.objects.bulk_create(memberships)
    return people


def ensure_tags(names=WORDS["tags"]):
    """The field's tags, found by name whatever their case, created where missing."""
    return [Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name) for name in names]
