from .pages import (
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    MunicipalityIndexPage,
    MunicipalityPage,
)
from .site_settings import SupportSettings

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "HomePage",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "SupportSettings",
]
