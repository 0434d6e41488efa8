"""One small intranet with something of every kind that someone may not see, and one person per role.

The access matrix and the leak test walk every route as each of these people. Each secret carries a
marker word found nowhere else, so a response that leaks it can be found by that word alone.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Site, Workflow

from accounts import roles
from accounts.models import ApiToken, Municipality
from accounts.services import create_api_token
from events.models import EventPage, Registration, RegistrationStatus
from forum import moderation, services
from forum.models import Category, Notification, Report
from knowledge.models import MethodIndexPage, MethodPage, SupportSettings
from knowledge.services import ensure_sections
from tests.factories import EventPageFactory, UserFactory, forum_category
from tests.factories.events import campaign

# role name → (groups, municipality slug, superuser)
ROLES = {
    "anonymous": None,
    "member_elsewhere": ([roles.EMPLOYEE], "jarfalla", False),
    "member": ([roles.EMPLOYEE], "sigtuna", False),
    "moderator": ([roles.EMPLOYEE, roles.MODERATOR], "sigtuna", False),
    "editor": ([roles.EDITOR], "sigtuna", False),
    "editor_elsewhere": ([roles.EDITOR], "jarfalla", False),
    "administrator": ([roles.ADMINISTRATOR], "sigtuna", False),
    "superuser": ([], "sigtuna", True),
}

# The marker words; each names what it stands for and appears only in that secret.
RESTRICTED_THREAD = "Zirkonsamtal"  # a thread in a category only Järfälla may see
HIDDEN_POST = "Basaltinlagg"  # a reply a moderator hid
HIDDEN_THREAD = "Granitsamtal"  # a thread a moderator hid
DRAFT_PAGE = "Opalutkast"  # a method never published
RESTRICTED_PAGE = "Kobaltmetod"  # a published method only editors may view
PRIVATE_DOCUMENT = "Safirdokument"  # a document in a collection only editors may view
RESTRICTED_TAG = "zirkontagg"  # a tag used only on the restricted thread
RESTRICTED_EVENT = "Turmalinträff"  # a published event only editors may view
DRAFT_EVENT = "Jaspisutkast"  # an event never published


@dataclass
class World:
    people: dict = field(default_factory=dict)
    ids: dict = field(default_factory=dict)


def build_world():
    world = World()
    for name, spec in ROLES.items():
        if spec is None:
            continue
        groups, municipality, superuser = spec
        world.people[name] = UserFactory(
            email=f"{name.replace('_', '.')}@kommun.example",
            first_name=name.split("_")[0].capitalize(),
            municipality=Municipality.objects.get(slug=municipality),
            roles=groups,
            is_superuser=superuser,
            is_staff=superuser,
        )
    member, moderator = world.people["member"], world.people["moderator"]
    jarfalla = Municipality.objects.get(slug="jarfalla")

    open_thread = services.start_thread(
        author=member,
        category=forum_category(),
        title="Samverkan kring barn som bevittnat våld",
        kind="question",
        body="Hur gör ni?",
        tags=["samverkan"],
        rate_limited=False,
    )
    reply = services.reply(
        open_thread, author=world.people["member_elsewhere"], body="Vi har en rutin.", rate_limited=False
    )
    hidden = services.reply(open_thread, author=member, body=f"{HIDDEN_POST} med uppgifter", rate_limited=False)
    moderation.hide_post(hidden, by=moderator, reason="Uppgifter om enskild")
    report = Report.objects.create(post=reply, reporter=member, reason="other", explanation="Fel tråd")

    restricted_category = Category.objects.create(name="Järfällas rum", slug="jarfallas-rum")
    restricted_category.restricted_to_municipalities.set([jarfalla])
    restricted_thread = services.start_thread(
        author=world.people["member_elsewhere"],
        category=restricted_category,
        title=f"{RESTRICTED_THREAD} om ett ärende",
        kind="question",
        body=f"{RESTRICTED_THREAD} i texten",
        tags=[RESTRICTED_TAG],
        rate_limited=False,
    )
    hidden_thread = services.start_thread(
        author=member,
        category=forum_category(),
        title=f"{HIDDEN_THREAD} som doldes",
        kind="question",
        body="Dold tråd",
        rate_limited=False,
    )
    moderation.hide_thread(hidden_thread, by=moderator, reason="Fel forum")

    sections = ensure_sections()
    method_index = sections[MethodIndexPage]
    method = MethodPage(title="Trappan", summary="Samtal med barn.", municipality=member.municipality)
    method_index.add_child(instance=method)
    method.save_revision().publish()
    draft = MethodPage(
        title=f"{DRAFT_PAGE} i arbete", summary="Utkast.", municipality=member.municipality, live=False, owner=member
    )
    method_index.add_child(instance=draft)
    draft.save_revision(user=member)
    restricted_page = MethodPage(
        title=f"{RESTRICTED_PAGE} för redaktörer", summary=f"{RESTRICTED_PAGE}.", municipality=member.municipality
    )
    method_index.add_child(instance=restricted_page)
    restricted_page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=restricted_page, restriction_type="groups")
    restriction.groups.set(Group.objects.filter(name=roles.EDITOR))

    collection = Collection.get_first_root_node().add_child(name="Redaktionens interna")
    collection_restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
    collection_restriction.groups.set(Group.objects.filter(name=roles.EDITOR))
    private_document = Document.objects.create(
        title=f"{PRIVATE_DOCUMENT} rutin", collection=collection, file=ContentFile(b"intern", name="intern.txt")
    )
    public_document = Document.objects.create(title="Broschyr", file=ContentFile(b"broschyr", name="broschyr.txt"))

    restricted_event = EventPageFactory(title=f"{RESTRICTED_EVENT} för redaktörer", summary=f"{RESTRICTED_EVENT}.")
    event_restriction = PageViewRestriction.objects.create(page=restricted_event, restriction_type="groups")
    event_restriction.groups.set(Group.objects.filter(name=roles.EDITOR))
    draft_starts = timezone.now() + timedelta(days=7)
    draft_event = EventPage(
        title=f"{DRAFT_EVENT} i arbete",
        summary=f"{DRAFT_EVENT}.",
        starts_at=draft_starts,
        ends_at=draft_starts + timedelta(hours=2),
        place="Kommunhuset, Sigtuna",
        live=False,
        owner=member,
    )
    campaign().add_child(instance=draft_event)
    draft_event.save_revision(user=member)

    _token, _secret = create_api_token(member, name="Skript")
    notification = Notification.objects.filter(recipient=member).first()

    # The organiser's rooms (events/admin): an event Sigtuna hosts, with Sigtuna's member registered.
    organised_event = EventPageFactory(title="Workshop för arrangörer", municipality=member.municipality)
    Registration.objects.create(event=organised_event, person=member, status=RegistrationStatus.REGISTERED)

    world.ids = {
        "open_thread": open_thread.pk,
        "restricted_thread": restricted_thread.pk,
        "hidden_thread": hidden_thread.pk,
        "reply": reply.pk,
        "hidden_post": hidden.pk,
        "restricted_post": restricted_thread.posts.get(number=1).pk,
        "report": report.pk,
        "restricted_category": restricted_category.slug,
        "restricted_category_id": restricted_category.pk,
        "method": method.pk,
        "draft": draft.pk,
        "restricted_page": restricted_page.pk,
        "method_index": method_index.pk,
        "private_document": private_document.pk,
        "private_document_file": private_document.file.name,
        "private_document_filename": private_document.filename,
        "public_document": public_document.pk,
        "collection": collection.pk,
        "api_token": ApiToken.objects.get(user=member).pk,
        "notification": notification.pk if notification else 0,
        "member": member.pk,
        "superuser": world.people["superuser"].pk,
        "administrator_group": Group.objects.get(name=roles.ADMINISTRATOR).pk,
        "restricted_tag": restricted_thread.tags.get().slug,
        "municipality": jarfalla.pk,
        "support_settings": SupportSettings.load().pk,
        "site": Site.objects.get(is_default_site=True).pk,
        "draft_revision": draft.latest_revision_id,
        "workflow": Workflow.objects.get(name="Granskning").pk,
        "task": Workflow.objects.get(name="Granskning").tasks.get().pk,
        "page_restriction": restriction.pk,
        "collection_restriction": collection_restriction.pk,
        "organised_event": organised_event.pk,
        "restricted_event": restricted_event.pk,
        "draft_event": draft_event.pk,
    }
    return world
