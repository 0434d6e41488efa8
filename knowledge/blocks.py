"""The body blocks shared by every knowledge page."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that divides the text into parts.")
        preview_value = {"text": "Så började vi", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Leave empty only for pure decoration."),
        required=False,
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "ul", "ol", "link"])

    class Meta:
        icon = "info-circle"
        template = "blocks/fact_box_block.html"
        label = _("Fact box")
        description = _("A highlighted box with facts, such as who to contact.")
        preview_value = {"title": "Kontakt", "text": "<p>Ring våldsmottagningen via kommunens växel.</p>"}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document")
        description = _("A link to a document in the media library; shown only to signed-in colleagues.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Running text with headings, lists and links."),
        preview_value="<p>Vi började med att samla alla som möter barn i kommunen.</p>",
    )
    image = ImageBlock()
    fact_box = FactBoxBlock()
    document = DocumentBlock()
    quote = blocks.BlockQuoteBlock(
        label=_("Quote"),
        icon="openquote",
        template="blocks/quote_block.html",
        description=_("A short quote; never quote a client."),
        preview_value="Vi behöver prata med varandra över kommungränserna.",
    )


class SupportLineBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    number = blocks.CharBlock(
        label=_("Phone number"),
        max_length=60,
        help_text=_('Separate several numbers with "/", for example "112 / 114 14".'),
    )
    note = blocks.CharBlock(label=_("Note"), max_length=120, required=False)

    class Meta:
        icon = "mail"
        label = _("Support line")
        description = _("A phone line for support and help, shown in the footer of every page.")
        preview_value = {"name": "Brottsofferjouren", "number": "116 006", "note": ""}
