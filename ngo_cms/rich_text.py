"""Rich-text links to pages that readers may follow, and to no other page."""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from ngo_cms import visibility


class PublicPageLinkHandler(PageLinkHandler):
    """Expands ``<a linktype="page">`` to the live, public page in the reader's language.

    Wagtail's own handler writes the address of the linked page whatever its state,
    so a link to a draft or a private page would show its slug (often a person's
    name) to readers and API clients. Here such a link keeps its text and loses its
    address. The translation of the linked page in the active language is used when
    it is live, as in Wagtail.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        from ngo_cms.api import tags as cache_tags

        pages = cls.get_many(attrs_list)
        cache_tags.tag_pages(page for page in pages if page is not None)
        targets = [visibility.localized(page) for page in pages]
        restricted = visibility.restricted_paths() if any(targets) else []
        tags = []
        for target in targets:
            if visibility.is_visible(target, restricted):
                tags.append(f'<a href="{escape(target.url)}">')
            else:
                tags.append("<a>")
        return tags
