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


def forum_category(slug="barn-och-unga"):
    from forum.models import Category

    return Category.objects.get(slug=slug)


def start_thread(
    author=None,
    *,
    category=None,
    title="Hur pratar ni med barn om våld hemma?",
    body="Vi vill lära av er.",
    kind="question",
    tags=(),
    **kwargs,
):
    """A thread with its first post, made through the forum's own service."""
    from forum import services

    return services.start_thread(
        author=author or UserFactory(),
        category=category or forum_category(),
        title=title,
        kind=kind,
        body=body,
        tags=tags,
        **kwargs,
    )


def add_replies(thread, count, *, author=None):
    from forum import services

    authors = [author or UserFactory() for _ in range(min(count, 3))]
    return [
        services.reply(thread, author=authors[index % len(authors)], body=f"Svar nummer {index + 1}.")
        for index in range(count)
    ]
