"""Stream blocks shared by the body of every content type.

Each block that needs a particular JSON shape in the API defines it in
``get_api_representation``; the API serializers never switch on block type.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (rendered as h2) inside a page body."""

    class Meta:
        icon = "title"
        label = _("heading")
        form_classname = "title"


class QuoteBlock(blocks.StructBlock):
    """A quotation with who said or wrote it."""

    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("attribution"),
        required=False,
        max_length=255,
        help_text=_(
            "Who said or wrote it, e.g. “UN Working Group on Arbitrary Detention”."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("quote")
        template = "ngo_cms/blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with a caption; the alt text comes from the image unless overridden."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "Describe the image for people who cannot see it. Leave empty to use the "
            "image's title."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("photo credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("image")
        template = "ngo_cms/blocks/captioned_image.html"


class CallToActionBlock(blocks.StructBlock):
    """A prominent link that sends readers to an urgent action."""

    action = blocks.PageChooserBlock(
        label=_("urgent action"), page_type=["actions.UrgentActionPage"]
    )
    label = blocks.CharBlock(
        label=_("button text"),
        max_length=80,
        help_text=_("What the reader will do, e.g. “Sign the petition”."),
    )
    text = blocks.TextBlock(label=_("text"), required=False)

    class Meta:
        icon = "pick"
        label = _("call to action")
        template = "ngo_cms/blocks/call_to_action.html"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        """``target``: the action in the reader's language, or None when readers may
        not see it (a draft or private action: the button is left out)."""
        from ngo_cms.visibility import localized_visible

        context = super().get_context(value, parent_context=parent_context)
        context["target"] = localized_visible(value.get("action"))
        return context


class BodyBlock(blocks.StreamBlock):
    """The body of a case, an action or a rally."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("rich text"), features=RICH_TEXT_FEATURES, icon="pilcrow"
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    embed = EmbedBlock(label=_("embed"), icon="media")
    call_to_action = CallToActionBlock()

    class Meta:
        template = "ngo_cms/blocks/body.html"
