"""Methods, experiences and articles of the large data set: live pages under their sections, without revisions.

A page is added to the tree and saved live, with its publishing dates set,
but no revision is made: publishing a revision costs about as much again as
the page itself, and nothing the benchmarks read needs one. The first edit
in the admin makes the first revision, as for any page.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from accounts.models import Sector
from knowledge.models import (
    AgeGroup,
    ArticleIndexPage,
    ArticlePage,
    EvidenceLevel,
    ExperienceIndexPage,
    ExperiencePage,
    MethodIndexPage,
    MethodLocalUse,
    MethodPage,
    PreventionLevel,
    RelatedMethod,
    TargetGroup,
    ViolenceType,
)

from .writer import WORDS, capitalised

SPAN = timedelta(days=3 * 365)
SLUG_LENGTH = 80
# Shares of the pages: half methods, a third experiences, the rest articles.
METHOD_PERCENT, EXPERIENCE_PERCENT = 50, 35


def page_counts(total):
    methods = total * METHOD_PERCENT // 100
    experiences = total * EXPERIENCE_PERCENT // 100
    return methods, experiences, total - methods - experiences


class Taxonomies:
    """The terms pages are classified by, loaded once, in a fixed order so that a seed gives the same pages."""

    def __init__(self):
        self.target_groups = list(TargetGroup.objects.order_by("pk"))
        self.age_groups = list(AgeGroup.objects.order_by("pk"))
        self.violence_types = list(ViolenceType.objects.order_by("pk"))
        self.sectors = list(Sector.objects.order_by("pk"))
        self.prevention_levels = list(PreventionLevel.objects.order_by("pk"))
        self.evidence_levels = list(EvidenceLevel.objects.order_by("pk"))


class PageMaker:
    """Builds and adds the pages; `progress` (devtools.progress) is advanced by one for each page."""

    def __init__(self, rng, writer, sections, municipalities, people, tags, progress):
        self.rng = rng
        self.writer = writer
        self.tags = tags
        self.progress = progress
        self.terms = Taxonomies()
        self.now = timezone.now()
        self.people_by_municipality = {}
        for person in people:
            self.people_by_municipality.setdefault(person.municipality_id, []).append(person)
        self.municipalities = municipalities
        self.sections = sections
        self.taken_slugs = {}

    def create(self, total):
        methods, experiences, articles = page_counts(total)
        made = {"methods": [], "experiences": [], "articles": []}
        plan = [
            ("methods", methods, self.method, self.sections[MethodIndexPage]),
            ("experiences", experiences, self.experience, self.sections[ExperienceIndexPage]),
            ("articles", articles, self.article, self.sections[ArticleIndexPage]),
        ]
        for name, count, build, section in plan:
            # Oldest first, so that the tree's order is the order of publishing.
            for published_at in sorted(self.now - self.rng.random() * SPAN for _ in range(count)):
                page = build(published_at, made)
                page.slug = self.free_slug(section, page.title)
                page.first_published_at = page.last_published_at = published_at
                # Saving a page and each of its inline objects would update the page's references once per
                # save; once, when all are saved, is enough.
                with disable_reference_index_auto_update():
                    section.add_child(instance=page)
                ReferenceIndex.create_or_update_for_object(page)
                made[name].append(page)
                self.progress.advance(note=name)
        self.progress.finish(note=", ".join(f"{len(pages)} {name}" for name, pages in made.items()))
        return made

    def free_slug(self, section, title):
        if section.pk not in self.taken_slugs:
            self.taken_slugs[section.pk] = set(section.get_children().values_list("slug", flat=True))
        taken = self.taken_slugs[section.pk]
        base = slugify(title)[:SLUG_LENGTH].strip("-") or "sida"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        return slug

    def some(self, terms, most):
        return self.rng.sample(terms, self.rng.randint(1, min(most, len(terms)))) if terms else []

    def classify(self, page):
        page.target_groups.set(self.some(self.terms.target_groups, 3))
        page.age_groups.set(self.some(self.terms.age_groups, 3))
        page.violence_types.set(self.some(self.terms.violence_types, 3))
        page.sectors.set(self.some(self.terms.sectors, 2))
        page.tags.set(self.some(self.tags, 5))

    def owner_in(self, municipality):
        return self.rng.choice(self.people_by_municipality[municipality.pk])

    def body(self, paragraphs):
        return [("paragraph", RichText(self.writer.paragraph_html(self.rng.randint(3, 5)))) for _ in range(paragraphs)]

    def method(self, published_at, made):
        rng, writer = self.rng, self.writer
        municipality = rng.choice(self.municipalities)
        page = MethodPage(
            title=writer.method_title(),
            summary=writer.summary(),
            municipality=municipality,
            owner=self.owner_in(municipality),
            body=self.body(rng.randint(2, 3)),
            method_owner=rng.choice(WORDS["method_owners"]),
            contact_role=rng.choice(WORDS["contact_roles"]),
            staff=rng.choice(WORDS["staff"]),
            training=rng.choice(WORDS["training"]),
            sessions=rng.choice(WORDS["sessions"]),
            cost_level=rng.choice([choice for choice, _label in MethodPage.COST_CHOICES]),
            prevention_level=rng.choice(self.terms.prevention_levels) if self.terms.prevention_levels else None,
            evidence_level=rng.choice(self.terms.evidence_levels) if self.terms.evidence_levels else None,
            last_reviewed=(published_at + (self.now - published_at) * rng.random()).date(),
        )
        self.classify(page)
        users = [municipality, *rng.sample(self.municipalities, rng.randint(0, 2))]
        page.local_uses = [
            MethodLocalUse(
                municipality=user,
                unit=capitalised(writer.unit().definite),
                status=rng.choice([MethodLocalUse.TRYING, MethodLocalUse.ESTABLISHED, MethodLocalUse.ENDED]),
                since_year=published_at.year - rng.randint(0, 5),
            )
            for user in dict.fromkeys(users)
        ]
        earlier = made["methods"]
        page.related_methods = [
            RelatedMethod(related=related) for related in rng.sample(earlier, min(len(earlier), rng.randint(0, 2)))
        ]
        return page

    def experience(self, published_at, made):
        rng, writer = self.rng, self.writer
        municipality = rng.choice(self.municipalities)
        start = (published_at - timedelta(days=rng.randint(90, 900))).date()
        page = ExperiencePage(
            title=writer.experience_title(),
            summary=writer.summary(),
            municipality=municipality,
            owner=self.owner_in(municipality),
            unit=capitalised(writer.unit().definite),
            contact_role=rng.choice(WORDS["contact_roles"]),
            period_start=start,
            period_end=None if rng.random() < 0.3 else (published_at - timedelta(days=rng.randint(0, 60))).date(),
            **{name: writer.paragraph_html(rng.randint(1, 3)) for name, _label in ExperiencePage.HEADINGS},
        )
        self.classify(page)
        page.methods.set(rng.sample(made["methods"], min(len(made["methods"]), rng.randint(0, 2))))
        return page

    def article(self, published_at, made):
        rng, writer = self.rng, self.writer
        municipality = rng.choice(self.municipalities) if rng.random() < 0.7 else None
        page = ArticlePage(
            title=writer.article_title(),
            summary=writer.summary(),
            date=published_at.date(),
            municipality=municipality,
            owner=self.owner_in(municipality or rng.choice(self.municipalities)),
            body=self.body(rng.randint(1, 3)),
        )
        page.tags.set(self.some(self.tags, 4))
        return page
