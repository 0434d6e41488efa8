"""People: an account with a municipality, a known password and the roles asked for."""

import factory

from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import Municipality, Sector, User
from people.directory import profile_of
from people.services import save_profile

TEST_PASSWORD = "ett-testlosenord-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@kommun.example")
    first_name = "Kim"
    last_name = factory.Sequence(lambda n: f"Testsson{n}")
    job_title = "Socialsekreterare"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(slug="sigtuna"))
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
        if create:
            self.save()


def colleague(slug, first_name, last_name=None, *, sector="skola", expertise=(), job_title="", **profile):
    """An employee of the municipality `slug` with a profile in the directory: sector, expertise (tag names of
    the shared vocabulary) and any other field of people.models.Profile."""
    names = {"first_name": first_name} | ({"last_name": last_name} if last_name else {})
    person = UserFactory(
        **names,
        job_title=job_title,
        municipality=Municipality.objects.get(slug=slug),
        sector=Sector.objects.get(slug=sector),
        roles=[roles.EMPLOYEE],
    )
    entry = profile_of(person)
    for name, value in profile.items():
        setattr(entry, name, value)
    save_profile(entry, expertise=expertise)
    return person
