"""What the user admin does to several people at once shows at once on the pages that keep their names."""

import pytest

from accounts import access
from tests.factories import UserFactory, start_thread

pytestmark = pytest.mark.django_db


def test_a_deactivation_in_bulk_shows_at_once_on_a_kept_thread_page(member_client):
    colleague, administrator = UserFactory(first_name="Kim"), UserFactory(is_superuser=True)
    thread = start_thread(colleague, title="Tolk vid samtal", body="Hur bokar ni tolk?")
    profile_link = f'href="/personer/{colleague.pk}/"'
    assert profile_link in member_client.get(thread.get_absolute_url()).content.decode()

    access.set_active([colleague], False, by=administrator)

    assert profile_link not in member_client.get(thread.get_absolute_url()).content.decode()
