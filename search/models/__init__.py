from .documents import SearchDocument, SearchFacet
from .following import FollowedSearch
from .queries import SearchQueryDay
from .thesaurus import SynonymGroup, split_terms
from .vocabulary import IndexWord

__all__ = [
    "FollowedSearch",
    "IndexWord",
    "SearchDocument",
    "SearchFacet",
    "SearchQueryDay",
    "SynonymGroup",
    "split_terms",
]
