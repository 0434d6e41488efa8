"""The moderators' lists that run past one page show Wagtail's page links instead of failing."""

import pytest

from django.urls import reverse

from forum import moderation
from forum.admin.access import PAGE_SIZE
from tests.factories import UserFactory, start_thread
from tests.forum.test_admin_moderation import report_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_a_queue_longer_than_one_page_shows_its_second_page(moderator_client, settings):
    settings.FORUM_REPORTS_PER_HOUR = PAGE_SIZE + 1
    report_many(PAGE_SIZE + 1)
    for number in (1, 2):
        response = moderator_client.get(reverse("forum_admin:queue"), {"p": number})
        assert response.status_code == 200
        assert "p=2" in response.content.decode()


def test_hidden_content_longer_than_one_page_shows_its_second_page(moderator_client, moderator):
    author = UserFactory()
    for index in range(PAGE_SIZE + 1):
        thread = start_thread(author, title=f"Tråd {index}", rate_limited=False)
        moderation.hide_post(thread.posts.get(), by=moderator, reason="Test")
    response = moderator_client.get(reverse("forum_admin:hidden"), {"p": 2})
    assert response.status_code == 200
