"""The page tree's rules: which page type may be created under which, for every page type of the project."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from events.models import CampaignIndexPage, CampaignPage, EventPage
from knowledge.models import (
    AccessibilityStatementPage,
    ArticleIndexPage,
    ArticlePage,
    ExperienceIndexPage,
    ExperiencePage,
    HomePage,
    MethodIndexPage,
    MethodPage,
    MunicipalityIndexPage,
    MunicipalityPage,
    TopicPage,
)

# Each page type of the project and the types that may be created directly under it.
TREE = {
    HomePage: {
        MethodIndexPage,
        ExperienceIndexPage,
        ArticleIndexPage,
        MunicipalityIndexPage,
        TopicPage,
        AccessibilityStatementPage,
        CampaignIndexPage,
    },
    MethodIndexPage: {MethodPage},
    ExperienceIndexPage: {ExperiencePage},
    ArticleIndexPage: {ArticlePage},
    MunicipalityIndexPage: {MunicipalityPage},
    MethodPage: set(),
    ExperiencePage: set(),
    ArticlePage: set(),
    MunicipalityPage: set(),
    TopicPage: set(),
    AccessibilityStatementPage: set(),
    CampaignIndexPage: {CampaignPage},
    CampaignPage: {EventPage},
    EventPage: set(),
}


class PageTreeTests(WagtailPageTestCase):
    def test_the_table_names_every_page_type_of_the_project(self):
        project_types = {model for model in get_page_models() if model is not Page}
        self.assertEqual(project_types, set(TREE))

    def test_each_page_type_is_created_only_where_the_table_allows(self):
        for parent in [Page, *TREE]:
            for child in TREE:
                allowed = child is HomePage if parent is Page else child in TREE[parent]
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if allowed:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_each_page_type_has_exactly_the_parents_the_table_gives_it(self):
        for child in TREE:
            parents = {parent for parent, children in TREE.items() if child in children}
            with self.subTest(child=child.__name__):
                self.assertAllowedParentPageTypes(child, parents or {Page})

    def test_there_is_one_start_page(self):
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(Page.objects.get(depth=1)))  # the migrations made it
