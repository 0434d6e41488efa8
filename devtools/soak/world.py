"""The soak's people and the map of the site they use (run inside Django, by `manage.py soak_world`).

Fifty colleagues in the six municipalities, ordinary employees who sign in with a password, are added to the
demo intranet. What they may do is read from the database with the apps' own rules (which categories each may see,
which events are open for registration), so that every write the load generator sends is one the site should
accept: a refused write would prove nothing about losing acknowledged ones.
"""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from accounts.models import Municipality, Sector, User
from events.models import EventPage
from events.services import registration_closed_reason
from forum.mentions import handles_of
from forum.models import Category, Post, Thread
from knowledge.models import MethodIndexPage, MethodPage

EMAIL_DOMAIN = "soak.kunskapsforum.example"  # reserved for examples (RFC 2606): mail to it goes nowhere
FIRST_NAMES = [
    "Agnes", "Alva", "Anton", "Arvid", "Astrid", "Axel", "Björn", "Cecilia", "Dalia", "Ebba",
    "Edvin", "Elin", "Elsa", "Emil", "Erik", "Frida", "Gustav", "Hanna", "Hugo", "Ida",
    "Ines", "Isak", "Jonna", "Josef", "Karin", "Klara", "Leo", "Linnea", "Lova", "Ludvig",
    "Maja", "Malte", "Meja", "Nils", "Noah", "Nora", "Olle", "Otto", "Rasmus", "Rut",
    "Sigrid", "Signe", "Sixten", "Stina", "Tove", "Tyra", "Vera", "Viggo", "Vilma", "Yusuf",
]  # fmt: skip
LAST_NAME = "Provsson"  # one family name: each person is told apart by the first name
# Words that find something in the demo content, as people type them.
SEARCHES = [
    "samverkan",
    "oro för barn",
    "hedersrelaterat våld",
    "skola",
    "våldsutövare",
    "föräldrar",
    "orosanmälan",
    "barn som upplever våld",
    "kampanjmånaden",
    "metod",
]


def soak_email(number):
    return f"soak.person{number:02d}@{EMAIL_DOMAIN}"


def soak_people():
    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


def create_people(password, count):
    """The simulated colleagues, all with the same password (hashed once: hashing is slow on purpose)."""
    if count > len(FIRST_NAMES):
        raise ValueError(f"At most {len(FIRST_NAMES)} people: each has a first name of their own.")
    municipalities = list(Municipality.objects.order_by("pk"))
    sectors = list(Sector.objects.order_by("pk"))
    hashed = make_password(password)
    people = User.objects.bulk_create(
        User(
            email=soak_email(number),
            password=hashed,
            first_name=FIRST_NAMES[number - 1],
            last_name=LAST_NAME,
            municipality=municipalities[number % len(municipalities)],
            sector=sectors[number % len(sectors)] if sectors else None,
            job_title="Socialsekreterare",
        )
        for number in range(1, count + 1)
    )
    Group.objects.get(name=roles.EMPLOYEE).user_set.add(*people)
    return people


def categories_open_to_all(people):
    """The categories every one of the people may see: there anyone may mention anyone."""
    open_to_all = None
    for person in people:
        visible = set(Category.objects.visible_to(person).values_list("pk", flat=True))
        open_to_all = visible if open_to_all is None else open_to_all & visible
    return list(Category.objects.filter(pk__in=open_to_all or []).in_order())


def describe(people):
    """What the load generator needs to know: who signs in, where they may write, what they may read."""
    categories = categories_open_to_all(people)
    threads = Thread.objects.filter(category__in=categories, is_hidden=False, is_locked=False)
    now = timezone.now()
    events = [
        event
        for event in EventPage.objects.live().public().filter(starts_at__gt=now).order_by("starts_at")
        if registration_closed_reason(event, now) is None
    ]
    reading = [page.url for page in MethodIndexPage.objects.live()]
    reading += [page.url for page in MethodPage.objects.live().order_by("pk")[:8]]
    handles = handles_of(people)
    return {
        "people": [{"email": person.email, "handle": handles[person.pk]} for person in people],
        "categories": [{"pk": category.pk, "slug": category.slug} for category in categories],
        "threads": list(threads.order_by("pk").values_list("pk", flat=True)),
        "posts": Post.objects.filter(thread__in=threads, is_hidden=False).count(),
        "events": [{"pk": event.pk, "url": event.url} for event in events],
        "pages": reading,
        "searches": SEARCHES,
    }
