"""Stream blocks shared by the body of every content type.

Each block that needs a particular JSON shape in the API defines it in
``get_api_representation``; the API serializers never switch on block type.
"""

from typing import Any

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.coreutils import resolve_model_string
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


# The page types a call to action may point at, registered by the domain apps in
# their AppConfig.ready() (actions registers its urgent actions): the core names no
# domain app. Empty (no such app installed): any page.
CALL_TO_ACTION_PAGE_TYPES: list[str] = []


def register_call_to_action_page_type(model_string: str) -> None:
    """Let calls to action point at ``model_string`` (``"app_label.ModelName"``)."""
    if model_string not in CALL_TO_ACTION_PAGE_TYPES:
        CALL_TO_ACTION_PAGE_TYPES.append(model_string)


class RegisteredPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser limited to the page types in a registry list, read when first
    used (after every app's ``ready()``), not when the block is defined.

    It deconstructs as a plain ``PageChooserBlock`` without page types: the
    restriction only concerns the admin's chooser, and migrations that named the
    registered types would name apps that may not be installed (casepages runs
    without actions).
    """

    def __init__(self, page_types: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.registered_page_types = page_types

    @cached_property
    def target_models(self) -> list[type]:
        return [resolve_model_string(name) for name in self.registered_page_types]

    def deconstruct(self) -> tuple[str, tuple, dict[str, Any]]:
        kwargs = {**self._constructor_args[1]}
        kwargs.pop("page_types", None)
        return ("wagtail.blocks.PageChooserBlock", (), kwargs)


class CallToActionBlock(blocks.StructBlock):
    """A prominent link that sends readers to an urgent action."""

    action = RegisteredPageChooserBlock(
        CALL_TO_ACTION_PAGE_TYPES, label=_("urgent action")
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
