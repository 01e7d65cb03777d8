"""Rich-text links to pages that readers may follow, and to no other page."""

from django.utils.html import escape
from wagtail.models import PageViewRestriction
from wagtail.rich_text.pages import PageLinkHandler


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
        pages = cls.get_many(attrs_list)
        targets = [page.localized if page is not None else None for page in pages]
        restricted_paths = (
            list(PageViewRestriction.objects.values_list("page__path", flat=True))
            if any(targets)
            else []
        )
        tags = []
        for target in targets:
            public = (
                target is not None
                and target.live
                and not any(target.path.startswith(path) for path in restricted_paths)
            )
            tags.append(f'<a href="{escape(target.url)}">' if public else "<a>")
        return tags
