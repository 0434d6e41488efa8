from .accessibility import AccessibilityStatementPage, Compliance
from .experiences import ExperienceIndexPage, ExperiencePage
from .listing import discussable_kinds, discussable_pages
from .methods import MethodIndexPage, MethodLocalUse, MethodMaterial, MethodPage, MethodRating, RelatedMethod
from .pages import (
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    MunicipalityContact,
    MunicipalityIndexPage,
    MunicipalityPage,
    TopicPage,
    TopicPin,
)
from .site_settings import SupportSettings
from .tags import ArticlePageTag, ExperiencePageTag, MethodPageTag, TagSynonym
from .taxonomies import AgeGroup, EvidenceLevel, PreventionLevel, TargetGroup, ViolenceType
from .workflows import MunicipalReviewTask

__all__ = [
    "AccessibilityStatementPage",
    "Compliance",
    "AgeGroup",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageTag",
    "EvidenceLevel",
    "ExperienceIndexPage",
    "ExperiencePage",
    "ExperiencePageTag",
    "HomePage",
    "MethodIndexPage",
    "MethodLocalUse",
    "MethodMaterial",
    "MethodPage",
    "MethodPageTag",
    "MethodRating",
    "MunicipalReviewTask",
    "MunicipalityContact",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "PreventionLevel",
    "RelatedMethod",
    "SupportSettings",
    "TagSynonym",
    "TargetGroup",
    "TopicPage",
    "TopicPin",
    "ViolenceType",
    "discussable_kinds",
    "discussable_pages",
]
