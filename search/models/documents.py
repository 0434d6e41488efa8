"""What the one search needs besides the words: who may see a hit and which facets it belongs to.

The words live in modelsearch's index table (one row per indexed object). This table sits beside
it, one row per object the site search lists, kept in step by the search backend
(`search.backends`), so that a single SQL statement can rank, filter by permission and count
facets without loading result sets into Python.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    """The kinds of hit, named as they appear in addresses (?typ=metod) and in the JSON API."""

    METHOD = "metod", pgettext_lazy("search type", "Methods")
    EXPERIENCE = "erfarenhet", pgettext_lazy("search type", "Experiences")
    ARTICLE = "artikel", pgettext_lazy("search type", "News")
    TOPIC = "tema", pgettext_lazy("search type", "Themes")
    MUNICIPALITY = "kommun", pgettext_lazy("search type", "Municipalities")
    THREAD = "diskussion", pgettext_lazy("search type", "Discussions")
    POST = "inlagg", pgettext_lazy("search type", "Forum posts")
    EVENT = "evenemang", pgettext_lazy("search type", "Events")


class Facet(models.TextChoices):
    """Facets with several values per object; type and municipality are columns of the document."""

    TAG = "tagg", _("Tag")
    TARGET_GROUP = "malgrupp", _("Target group")
    VIOLENCE_TYPE = "valdsform", _("Form of violence")
    SECTOR = "verksamhet", _("Sector")


# The two facets that are columns of the document rather than rows of SearchFacet, keyed as in addresses
# (?typ=metod&kommun=sigtuna) and in the engine's facet counts.
TYPE_FACET = "typ"
MUNICIPALITY_FACET = "kommun"


class SearchDocument(models.Model):
    """One listed object: its kind, whether it may be listed at all, and what limits who sees it.

    A forum post points at its thread's document (`parent`): the thread decides the category,
    the municipality and the facets of all its posts, so moving or retagging a thread changes
    one row, not one per post.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=50)  # as in modelsearch's index table, to join without casts
    kind = models.CharField(max_length=20, choices=Kind.choices)
    listed = models.BooleanField(default=False)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    category_id = models.IntegerField(null=True, blank=True)  # a forum category, whose limits apply
    municipality_id = models.IntegerField(null=True, blank=True)
    weight = models.FloatField(default=1.0)
    date = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="unique_search_document")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class SearchFacet(models.Model):
    """One facet value of a document: a tag, a target group, a form of violence or a sector."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20, choices=Facet.choices)
    value_id = models.IntegerField()

    class Meta:
        verbose_name = _("search facet value")
        verbose_name_plural = _("search facet values")
        indexes = [models.Index(fields=["facet", "value_id", "document"], name="search_facet_value")]
        constraints = [
            models.UniqueConstraint(fields=["document", "facet", "value_id"], name="unique_search_facet"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value_id}"
