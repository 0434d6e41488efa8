"""Pages of the knowledge bank, placed in the page tree by wagtail-factories and published as an editor would."""

from datetime import date

import factory
import wagtail_factories

from accounts.models import Municipality
from knowledge.models import ExperienceIndexPage, ExperiencePage, MethodIndexPage, MethodPage
from knowledge.services import ensure_sections
from knowledge.tagging import normalise_tag_names


def section(model):
    """The knowledge bank's section page of that type, created with the others when missing."""
    return ensure_sections()[model]


class KnowledgePageFactory(wagtail_factories.PageFactory):
    """Saved as a revision and then published (`publish=False` leaves a draft); `tags` are names as typed."""

    class Meta:
        abstract = True

    slug = ""  # Wagtail makes it from the title, unique among the siblings, as in the editor
    summary = factory.LazyAttribute(lambda page: f"Sammanfattning av {page.title}.")
    tags = ()
    publish = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        tags = kwargs.pop("tags")
        publish = kwargs.pop("publish")
        page = model_class(**kwargs)
        page.tags.add(*normalise_tag_names(tags))
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page


class MethodPageFactory(KnowledgePageFactory):
    class Meta:
        model = MethodPage

    parent = factory.LazyFunction(lambda: section(MethodIndexPage))
    title = factory.Sequence(lambda n: f"Metod {n}")
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(slug="jarfalla"))
    last_reviewed = date(2026, 1, 15)


class ExperiencePageFactory(KnowledgePageFactory):
    class Meta:
        model = ExperiencePage

    parent = factory.LazyFunction(lambda: section(ExperienceIndexPage))
    title = factory.Sequence(lambda n: f"Erfarenhet {n}")
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(slug="sigtuna"))
    what_was_done = "<p>Vi träffade eleverna i små grupper.</p>"
