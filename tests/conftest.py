import pytest

from django.core.cache import cache

from accounts import roles
from accounts.models import Municipality
from common import versions
from intranet.templatetags import page_tags
from knowledge.models import EvidenceLevel, ExperienceIndexPage, MethodIndexPage, MethodLocalUse, TargetGroup
from knowledge.services import ensure_sections
from search import labels, vocabulary
from tests.factories import TEST_PASSWORD, ExperiencePageFactory, MethodPageFactory, UserFactory
from tests.oidc_provider import LoopbackProvider


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: what one test's data left there must not steer the next."""
    cache.clear()
    # The search keeps the index's words and the labels' names in memory a while; ids repeat between tests.
    vocabulary.forget()
    labels.forget()
    # The frame's parts kept rendered in memory, and the tokens a request left unfinished by an exception read.
    page_tags.forget()
    versions.end_request()


@pytest.fixture(scope="session")
def oidc_provider():
    """A real OpenID Connect provider on loopback, in a process of its own (tests/oidc_provider/)."""
    provider = LoopbackProvider()
    yield provider
    provider.stop()


@pytest.fixture
def sso_sollentuna(settings, oidc_provider):
    """Single sign-on configured with one provider, "sollentuna", which is the loopback provider."""
    settings.SSO_PROVIDERS = {"sollentuna": oidc_provider.settings_for()}
    return oidc_provider


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def member(db):
    """A Medarbetare in Sigtuna."""
    return UserFactory(roles=[roles.EMPLOYEE])


@pytest.fixture
def editor(db):
    return UserFactory(roles=[roles.EDITOR])


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def queries_for(client, url):
    """How many database queries one GET of the URL runs, with what pages keep in the cache already there (as for
    every request but the first after a change: common/versions.py)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def queries_rendering(client, url):
    """How many database queries one GET of the URL runs when the cache keeps nothing of it (as for the first request
    after a change): what a page renders must not grow with its rows either."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # the per-process caches (content types, site) are warm from here on
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a folder of this test's own, and vanish with it."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def sections(db):
    """The knowledge bank's section pages by model, as `ensure_sections` leaves a fresh database."""
    return ensure_sections()


def municipality(slug):
    return Municipality.objects.get(slug=slug)


@pytest.fixture
def make_method(sections):
    """`make_method(title, owner=…, target_groups=slugs, tags=names, used_in=[(slug, status)], evidence=slug)`."""

    def make(title, owner="jarfalla", target_groups=(), tags=(), used_in=(), evidence=None, publish=True, **fields):
        return MethodPageFactory(
            parent=sections[MethodIndexPage],
            title=title,
            municipality=municipality(owner),
            evidence_level=EvidenceLevel.objects.get(slug=evidence) if evidence else None,
            target_groups=list(TargetGroup.objects.filter(slug__in=target_groups)),
            local_uses=[
                MethodLocalUse(municipality=municipality(slug), unit="Enheten", status=status, sort_order=number)
                for number, (slug, status) in enumerate(used_in)
            ],
            tags=tags,
            publish=publish,
            **fields,
        )

    return make


@pytest.fixture
def make_experience(sections):
    """`make_experience(title, owner=…, methods=pages, tags=names)`, published."""

    def make(title, owner="sigtuna", methods=(), tags=(), **fields):
        return ExperiencePageFactory(
            parent=sections[ExperienceIndexPage],
            title=title,
            municipality=municipality(owner),
            methods=list(methods),
            tags=tags,
            **fields,
        )

    return make
