"""One tag vocabulary (django-taggit's Tag) shared by every page type and, later, forum threads.

Each content type has its own through model, all pointing at the same Tag,
so a tag page can list methods, experiences, articles and discussions together.
TAGGIT_CASE_INSENSITIVE makes "Våld" and "våld " one tag.
"""

from django.db import models

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class MethodPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.MethodPage", related_name="tagged_items", on_delete=models.CASCADE)


class ExperiencePageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.ExperiencePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)
