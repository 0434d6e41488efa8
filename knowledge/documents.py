"""The forms of the documents and images editors upload (settings WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE): title and tags pass the personal-data guard.

Not imported by the models: Wagtail's document and image forms need the models loaded.
"""

from django import forms

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from privacy.admin_forms import AdminGuardMixin


class DocumentForm(AdminGuardMixin, BaseDocumentForm):
    confirmation_widget = forms.CheckboxInput  # Wagtail's document form renders every field, with its errors


class ImageForm(AdminGuardMixin, BaseImageForm):
    """An uploaded file's name becomes the image's title, so a number in a file name is found too."""

    confirmation_widget = forms.CheckboxInput  # like documents, every field is rendered
