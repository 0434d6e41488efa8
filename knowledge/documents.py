"""The forms of the documents and images editors upload (settings WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE): title and tags pass the personal-data guard, tags come from the shared
vocabulary, and a document's content must be what its name says.

Not imported by the models: Wagtail's document and image forms need the models loaded.
"""

from django import forms

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from common.uploads import validate_content_matches_name
from privacy.admin_forms import AdminGuardMixin

from .vocabulary import VocabularyTagsMixin


class DocumentForm(VocabularyTagsMixin, AdminGuardMixin, BaseDocumentForm):
    """Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS) and the size (WAGTAILDOCS_MAX_UPLOAD_SIZE);
    this adds the content. The multiple uploader uses this form too."""

    confirmation_widget = forms.CheckboxInput  # Wagtail's document form renders every field, with its errors

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            validate_content_matches_name(file)
        return file


class ImageForm(VocabularyTagsMixin, AdminGuardMixin, BaseImageForm):
    """An uploaded file's name becomes the image's title, so a number in a file name is found too."""

    confirmation_widget = forms.CheckboxInput  # like documents, every field is rendered
