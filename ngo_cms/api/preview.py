"""Headless preview: the editor's Preview button opens the front end.

Page types inherit :class:`HeadlessPreviewPageMixin` before ``Page``::

    class PrisonerCasePage(HeadlessPreviewPageMixin, Page): ...

Previewing then stores the draft (wagtail-headless-preview's ``PagePreview``) and
shows the front end at ``FRONTEND_URL?content_type=…&token=…``; the front end fetches
``/api/v1/preview/?content_type=…&token=…`` and gets the draft in the same shape as
the live detail. This module imports nothing from Django REST framework, so models
can import it cheaply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core import signing
from django.http import HttpRequest, HttpResponse
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from ngo_cms.conf import app_settings

if TYPE_CHECKING:
    from wagtail.models import Page


def check_preview_token(token: str) -> None:
    """Raise ``signing.BadSignature`` (or ``SignatureExpired``) unless ``token`` was
    signed by this site less than ``PREVIEW_TOKEN_MAX_AGE`` seconds ago.

    wagtail-headless-preview checks the signature but not its age: a token that
    leaked (a shared screen, a browser history, a proxy log) would show the draft
    for ever. The signer (and its salt) is the library's own.
    """
    HeadlessPreviewMixin.get_preview_signer().unsign(
        token, max_age=app_settings.PREVIEW_TOKEN_MAX_AGE
    )


def remove_expired_previews() -> int:
    """Delete the stored drafts whose token has expired; return how many.

    The library's own ``PagePreview.garbage_collect`` keeps rows for a day or two
    (``created_at`` is a date); a draft may hold what must not be published yet,
    so rows go as soon as their token can no longer be used. The age is read from
    each token's own signed timestamp.
    """
    expired = []
    for pk, token in PagePreview.objects.values_list("pk", "token").iterator():
        try:
            check_preview_token(token)
        except signing.BadSignature:
            expired.append(pk)
    if expired:
        PagePreview.objects.filter(pk__in=expired).delete()
    PagePreview.garbage_collect()
    return len(expired)


class HeadlessPreviewPageMixin(HeadlessPreviewMixin):
    """Preview in the headless front end (``WAGTAIL_HEADLESS_PREVIEW``).

    Only when a front end is configured (``FRONTEND_URL``): without one, the Preview
    button keeps Wagtail's own preview with the page's template, which is what an
    editor of a site with no front end yet needs.
    """

    @classmethod
    def get_page_from_preview_token(cls, token: str) -> Page | None:
        """The library's lookup of the previewed draft, refusing expired tokens
        (``signing.BadSignature``/``SignatureExpired``); None when no draft has
        that token."""
        check_preview_token(token)
        return super().get_page_from_preview_token(token)

    def create_page_preview(self) -> PagePreview:
        """Store the draft for the front end, and drop the expired ones."""
        remove_expired_previews()
        return super().create_page_preview()

    def serve_preview(self, request: HttpRequest, preview_mode: str) -> HttpResponse:
        if app_settings.FRONTEND_URL:
            return super().serve_preview(request, preview_mode)
        # Skip the headless mixin: the next serve_preview in the MRO is Page's.
        return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)
