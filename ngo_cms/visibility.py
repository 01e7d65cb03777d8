"""The one rule that decides whether readers may see a page.

A page is visible to readers when it is live, is a real page rather than an
untranslated alias that wagtail-localize's synchronised tree created, has not
expired, and has no view restriction on it or on any page above it. The API (lists,
details, ``resolve`` and its redirects, translations), rich-text links,
call-to-action blocks, the language switcher, section listings and both iCalendar
feeds all ask this module, so that a draft's or a private page's slug (often the
name of a person the campaign has not announced yet) cannot leak through one place
that kept a rule of its own.

Wagtail's ``live().public()`` is not enough: it keeps aliases (which are live) and
pages whose ``expire_at`` has passed but that ``publish_scheduled`` has not
unpublished yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def restricted_paths() -> list[str]:
    """Tree paths of the pages under a view restriction (cached until content
    changes: saving or deleting a restriction bumps the cache generation)."""
    from ngo_cms.api.context import generation_cached

    return generation_cached(
        "restricted_paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def is_public_path(path: str, restricted: Iterable[str] | None = None) -> bool:
    """Whether no view restriction applies at tree path ``path``."""
    if restricted is None:
        restricted = restricted_paths()
    return not any(path.startswith(prefix) for prefix in restricted)


def visible_q(restricted: Iterable[str] | None = None) -> Q:
    """The pages readers may see, as a filter on ``Page`` (or a subclass)."""
    if restricted is None:
        restricted = restricted_paths()
    q = Q(live=True, alias_of__isnull=True) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )
    for prefix in restricted:
        q &= ~Q(path__startswith=prefix)
    return q


def visible(queryset: QuerySet, restricted: Iterable[str] | None = None) -> QuerySet:
    """``queryset`` limited to the pages readers may see."""
    return queryset.filter(visible_q(restricted))


def is_row_visible(
    row: dict[str, Any], restricted: Iterable[str] | None = None
) -> bool:
    """:func:`is_visible` for a ``values()`` row with ``live``, ``alias_of_id``,
    ``expire_at`` and ``path``."""
    if not row["live"] or row["alias_of_id"] is not None:
        return False
    if row["expire_at"] is not None and row["expire_at"] <= timezone.now():
        return False
    return is_public_path(row["path"], restricted)


def is_visible(page: Page | None, restricted: Iterable[str] | None = None) -> bool:
    """Whether readers may see ``page`` (None is not visible)."""
    if page is None:
        return False
    return is_row_visible(
        {
            "live": page.live,
            "alias_of_id": page.alias_of_id,
            "expire_at": page.expire_at,
            "path": page.path,
        },
        restricted,
    )


def visible_or_none(page: Page | None) -> Page | None:
    """``page`` if readers may see it, else None."""
    return page if is_visible(page) else None


def localized(page: Page | None) -> Page | None:
    """The translation of ``page`` in the active language that a link should lead
    to: Wagtail's ``page.localized`` (the page itself when the translation is not
    live), except that an untranslated alias also falls back to the page itself.
    A private translation is kept, so that the link is dropped rather than sending
    readers to another language."""
    if page is None:
        return None
    target = page.localized
    if target.alias_of_id is not None:
        return page
    return target


def localized_visible(page: Page | None) -> Page | None:
    """:func:`localized` when readers may see it, else None (links on HTML pages)."""
    return visible_or_none(localized(page))


def visible_translations(page: Page, *, inclusive: bool = True) -> QuerySet:
    """The translations of ``page`` that readers may see (the language switcher)."""
    return visible(page.get_translations(inclusive=inclusive)).select_related("locale")
