import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import roles
from search.models import SynonymGroup, split_terms
from search.thesaurus import expand
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_seeded_thesaurus_knows_the_fields_abbreviations():
    assert expand("VINR äldre") == [["vinr", "relationsvåld", "våld i nära relationer", "partnervåld"], ["äldre"]]
    assert expand("oro för barn hedersförtryck")[-1][:2] == ["hedersförtryck", "hedersrelaterat våld"]
    assert "gärningsperson" in expand("förövare")[0]
    assert expand("FGM")[0] == ["fgm", "könsstympning"]


def test_the_longest_known_phrase_is_one_concept():
    concepts = expand("Hedersrelaterat våld och förtryck i skolan")
    assert concepts[0][0] == "hedersrelaterat våld och förtryck"
    assert concepts[1:] == [["i"], ["skolan"]]
    assert expand("barn som bevittnar våld")[0] == ["barn som bevittnar våld", "barn som upplever våld"]


def test_punctuation_and_case_do_not_matter():
    assert expand("  Anmälan om ORO!! ")[0] == ["anmälan om oro", "orosanmälan"]
    assert expand("") == [] and expand("&|!:*()'\"\\") == []


def test_a_group_needs_two_terms_and_is_tidied():
    assert split_terms("Relationsvåld =  VINR\nrelationsvåld;partnervåld") == ["relationsvåld", "vinr", "partnervåld"]
    with pytest.raises(ValidationError):
        SynonymGroup(terms="ensam").full_clean()


def test_editors_maintain_the_thesaurus_in_the_admin(client):
    client.force_login(UserFactory(roles=[roles.EDITOR]))
    listing = reverse("wagtailsnippets_site_search_synonymgroup:list")
    assert client.get(listing).status_code == 200
    assert "fritidsgård" in client.get(listing, {"q": "fritidsgård"}).content.decode()
    assert client.get(listing, {"q": "könsstympning"}).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_site_search_synonymgroup:add"), {"terms": "BUP = barn- och ungdomspsykiatrin"}
    )
    assert response.status_code == 302
    assert expand("bup")[0] == ["bup", "barn och ungdomspsykiatrin"]
    assert expand("Barn- och ungdomspsykiatrin")[0] == ["barn och ungdomspsykiatrin", "bup"]
    client.force_login(UserFactory(roles=[roles.EMPLOYEE]))
    assert client.get(listing).status_code in (302, 403)


def test_the_thesaurus_is_read_once_and_again_after_each_change(django_assert_num_queries):
    assert expand("bup") == [["bup"]]
    with django_assert_num_queries(0):
        assert expand("bup") == [["bup"]]  # kept in the process
    group = SynonymGroup.objects.create(terms="bup; barn- och ungdomspsykiatrin")
    assert expand("bup")[0] == ["bup", "barn och ungdomspsykiatrin"]
    group.terms = "bup; barnpsykiatrin"
    group.save()
    assert expand("bup")[0] == ["bup", "barnpsykiatrin"]
    group.delete()
    assert expand("bup") == [["bup"]]
