"""People: an account with a municipality, a known password and the roles asked for."""

import factory

from django.contrib.auth.models import Group

from accounts.models import Municipality, User

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
