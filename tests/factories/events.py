"""The campaign month: a campaign year under the one index page, and its events, published."""

from datetime import date, timedelta

import factory
import wagtail_factories

from django.utils import timezone

from events.models import CampaignPage, EventPage, EventType
from events.services import ensure_campaign_index
from knowledge.tagging import normalise_tag_names


class PublishedPageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    slug = ""  # Wagtail makes it from the title, as in the editor

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


class CampaignPageFactory(PublishedPageFactory):
    class Meta:
        model = CampaignPage

    parent = factory.LazyFunction(ensure_campaign_index)
    year = factory.Sequence(lambda n: 2026 + n)
    title = factory.LazyAttribute(lambda page: f"En månad fri från våld {page.year}")
    theme = "Barn och unga"
    starts_on = factory.LazyAttribute(lambda page: date(page.year, 11, 1))
    ends_on = factory.LazyAttribute(lambda page: date(page.year, 11, 30))


def campaign():
    return CampaignPage.objects.order_by("-year").first() or CampaignPageFactory()


class EventPageFactory(PublishedPageFactory):
    """An event a week from now, two hours long, in Sigtuna's town hall, with `capacity` places (None: no limit)."""

    class Meta:
        model = EventPage

    parent = factory.LazyFunction(campaign)
    title = factory.Sequence(lambda n: f"Workshop om trygga samtal {n}")
    event_type = EventType.WORKSHOP
    summary = "Vi övar samtal med barn som lever med våld."
    starts_at = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda page: page.starts_at + timedelta(hours=2))
    place = "Kommunhuset, Sigtuna"
    capacity = 20


def make_event(title, *, tags=(), methods=(), publish=True, parent=None, **fields):
    """An event as EventPageFactory makes it, with `tags` (names as typed) and `methods`; `publish=False`
    leaves a draft that was never live."""
    defaults = {
        "event_type": EventType.WORKSHOP,
        "summary": "Vi övar samtal med barn som lever med våld.",
        "starts_at": timezone.now().replace(microsecond=0) + timedelta(days=7),
        "place": "Kommunhuset, Sigtuna",
    }
    values = {**defaults, **fields}
    values.setdefault("ends_at", values["starts_at"] + timedelta(hours=2))
    page = EventPage(title=title, live=publish, **values)
    page.tags.add(*normalise_tag_names(tags))
    page.methods = list(methods)
    (parent or campaign()).add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
