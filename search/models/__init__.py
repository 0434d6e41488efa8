from .documents import SearchDocument, SearchFacet
from .queries import SearchQueryDay
from .thesaurus import SynonymGroup, split_terms

__all__ = ["SearchDocument", "SearchFacet", "SynonymGroup", "split_terms", "SearchQueryDay"]
