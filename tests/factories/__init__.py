"""What the tests make their world from: people, knowledge-bank pages, threads and replies."""

from tests.factories.events import CampaignPageFactory, EventPageFactory
from tests.factories.forum import add_replies, forum_category, start_thread
from tests.factories.pages import ExperiencePageFactory, MethodPageFactory
from tests.factories.people import TEST_PASSWORD, UserFactory, colleague

__all__ = [
    "TEST_PASSWORD",
    "CampaignPageFactory",
    "EventPageFactory",
    "ExperiencePageFactory",
    "MethodPageFactory",
    "UserFactory",
    "add_replies",
    "colleague",
    "forum_category",
    "start_thread",
]
