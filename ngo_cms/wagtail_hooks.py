"""Admin and rich-text hooks of the shared ngo_cms app."""

from wagtail import hooks

from .rich_text import PublicPageLinkHandler


# order=1: after Wagtail's own hook, which registers the default page link handler.
@hooks.register("register_rich_text_features", order=1)
def register_public_page_links(features) -> None:
    """Rich-text links to drafts and private pages give readers no address."""
    features.register_link_type(PublicPageLinkHandler)


# The translators' queue, its dashboard panel and the snippet rights per language.
from ngo_cms import translation_hooks  # noqa: E402, F401
