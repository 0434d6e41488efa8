from datetime import date

import pytest

from accounts.models import Municipality
from knowledge.models import (
    EvidenceLevel,
    ExperienceIndexPage,
    ExperiencePage,
    MethodIndexPage,
    MethodLocalUse,
    MethodPage,
    TargetGroup,
)
from knowledge.services import ensure_sections
from knowledge.tagging import normalise_tag_names


@pytest.fixture
def sections(db):
    return ensure_sections()


def municipality(slug):
    return Municipality.objects.get(slug=slug)


@pytest.fixture
def make_method(sections):
    def make(title, owner="jarfalla", target_groups=(), tags=(), used_in=(), evidence=None, publish=True, **fields):
        page = MethodPage(
            title=title,
            summary=fields.pop("summary", f"Sammanfattning av {title}."),
            municipality=municipality(owner),
            evidence_level=EvidenceLevel.objects.get(slug=evidence) if evidence else None,
            last_reviewed=fields.pop("last_reviewed", date(2026, 1, 15)),
            **fields,
        )
        page.target_groups = list(TargetGroup.objects.filter(slug__in=target_groups))
        page.tags.add(*normalise_tag_names(tags))
        page.local_uses = [
            MethodLocalUse(municipality=municipality(slug), unit="Enheten", status=status) for slug, status in used_in
        ]
        sections[MethodIndexPage].add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page

    return make


@pytest.fixture
def make_experience(sections):
    def make(title, owner="sigtuna", methods=(), tags=(), **fields):
        page = ExperiencePage(
            title=title,
            summary=f"Sammanfattning av {title}.",
            municipality=municipality(owner),
            what_was_done="<p>Vi träffade eleverna i små grupper.</p>",
            **fields,
        )
        page.methods = list(methods)
        page.tags.add(*normalise_tag_names(tags))
        sections[ExperienceIndexPage].add_child(instance=page)
        page.save_revision().publish()
        return page

    return make
