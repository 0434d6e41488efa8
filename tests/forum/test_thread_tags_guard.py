"""A moderator may add a new tag when starting a thread, so the tags pass the personal-data guard too."""

import uuid

import pytest

from django.urls import reverse

from taggit.models import Tag

from forum.models import Thread
from tests.factories import forum_category

pytestmark = pytest.mark.django_db

NUMBER = "850709-1232"  # invented, with a right check digit


def test_a_new_tag_holding_an_identity_number_stops_the_thread(client, moderator):
    client.force_login(moderator)
    data = {
        "title": "Hur arbetar ni med barn som upplever våld?",
        "kind": "question",
        "category": forum_category().pk,
        "tags": f"skola, {NUMBER}",
        "body": "Vi vill höra hur ni gör.",
        "submission_key": str(uuid.uuid4()),
    }

    response = client.post(reverse("forum:new_thread"), data)

    assert response.status_code == 200
    assert "850709-****" in str(response.context["form"].errors["tags"])
    assert not Thread.objects.exists()
    assert not Tag.objects.filter(name__contains="850709").exists()
