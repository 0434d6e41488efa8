import pytest

from accounts.models import Municipality, User
from tests.factories import UserFactory


@pytest.mark.django_db
def test_deleting_a_municipality_that_people_belong_to_is_refused_with_a_message_not_an_error(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    sigtuna = Municipality.objects.get(slug="sigtuna")
    response = client.post(f"/admin/snippets/accounts/municipality/delete/{sigtuna.pk}/", follow=True)
    assert response.status_code == 200
    assert "används fortfarande" in response.content.decode()
    assert Municipality.objects.filter(pk=sigtuna.pk).exists()
    assert User.objects.filter(municipality=sigtuna).exists()
