import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import roles
from search.models import SynonymGroup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "terms", ["!!! = ???", "våld = ...", "BUP = \u0301\u0301 = barnpsykiatri", "vinr = \u200b\u200b"]
)
def test_a_synonym_without_a_letter_or_digit_is_refused(terms):
    with pytest.raises(ValidationError) as refusal:
        SynonymGroup(terms=terms).full_clean()
    assert "terms" in refusal.value.message_dict


def test_the_thesaurus_admin_names_the_words_to_remove(client):
    client.force_login(UserFactory(roles=[roles.EDITOR]))
    response = client.post(
        reverse("wagtailsnippets_site_search_synonymgroup:add"), {"terms": "BUP = ??? = barnpsykiatri"}
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["terms"])
    assert "bokstav eller en siffra" in errors and "“???”" in errors
    assert not SynonymGroup.objects.filter(terms__contains="???").exists()
