"""The form with which editors upload documents (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from wagtail.documents.forms import BaseDocumentForm

from common.uploads import validate_content_matches_name


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content is not what its name says.

    Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS) and the size (WAGTAILDOCS_MAX_UPLOAD_SIZE);
    this adds the content. The multiple uploader uses this form too.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            validate_content_matches_name(file)
        return file
