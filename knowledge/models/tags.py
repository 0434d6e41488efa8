"""One tag vocabulary (django-taggit's Tag) shared by every page type and forum threads.

Each content type has its own through model, all pointing at the same Tag,
so a tag page can list methods, experiences, articles and discussions together.
TAGGIT_CASE_INSENSITIVE makes "Våld" and "våld " one tag. A synonym (TagSynonym)
is another word for a tag: typed anywhere, it becomes the tag (knowledge/vocabulary.py).
"""

from django.apps import apps
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, Tag, TaggedItemBase
from wagtail import hooks
from wagtail.models import Page

from knowledge.tagging import fallback_slug
from knowledge.visibility import visible_pages


class MethodPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.MethodPage", related_name="tagged_items", on_delete=models.CASCADE)


class ExperiencePageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.ExperiencePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class TagSynonym(models.Model):
    """Another word for a tag of the shared vocabulary: typed in a page or a thread, it becomes the tag.

    A tag merged into another, or renamed, leaves its old name and address here, so what people
    typed and linked to still leads to the tag.
    """

    name = models.CharField(
        _("synonym"),
        max_length=100,
        unique=True,
        help_text=_("A word people write for the tag, e.g. a short form or a common misspelling."),
    )
    slug = models.SlugField(_("address"), max_length=100, allow_unicode=False, blank=True, editable=False)
    tag = models.ForeignKey(Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="synonyms")

    class Meta:
        verbose_name = _("tag synonym")
        verbose_name_plural = _("tag synonyms")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = (Tag().slugify(self.name) or fallback_slug(self.name))[:100]
        super().save(*args, **kwargs)


PAGE_TAG_MODELS = (MethodPageTag, ExperiencePageTag, ArticlePageTag)
# Other apps add what else a tag is used on, and which of it a person may see:
# a function of the user returning a queryset of tag ids (the forum: tags on threads the person may see).
VISIBLE_TAG_USES_HOOK = "knowledge_visible_tag_uses"


def tag_uses_visible_to(user):
    """The number of pages the person may see that carry each tag, as a per-tag expression for Tag queries."""
    visible = visible_pages(Page.objects.all(), user).values("pk")
    counts = [
        Coalesce(
            Subquery(
                through.objects.filter(tag_id=OuterRef("pk"), content_object_id__in=visible)
                .order_by()
                .values("tag_id")
                .annotate(uses=Count("pk"))
                .values("uses")
            ),
            0,
        )
        for through in PAGE_TAG_MODELS
    ]
    return sum(counts, start=Value(0))


def tags_visible_to(user):
    """Tags on something the person may see: a page, or what another app adds through VISIBLE_TAG_USES_HOOK."""
    visible = visible_pages(Page.objects.all(), user).values("pk")
    used = Q(pk__in=[])
    for through in PAGE_TAG_MODELS:
        used |= Q(pk__in=through.objects.filter(content_object_id__in=visible).values("tag_id"))
    for tag_ids_visible_to in hooks.get_hooks(VISIBLE_TAG_USES_HOOK):
        used |= Q(pk__in=tag_ids_visible_to(user))
    return Tag.objects.filter(used)


def tags_offered_to(user):
    """Tags a person may be offered while writing: those on something they may see, and those on nothing yet
    (the vocabulary moderators keep). A tag used only where the person may not look is never named."""
    used_somewhere = Q(pk__in=[])
    for through in (model for model in apps.get_models() if issubclass(model, ItemBase)):
        used_somewhere |= Q(pk__in=through.objects.values("tag_id"))
    return Tag.objects.filter(Q(pk__in=tags_visible_to(user).values("pk")) | ~used_somewhere)
