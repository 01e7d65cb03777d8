"""Headless preview: the editor's Preview button opens the front end.

Page types inherit :class:`HeadlessPreviewPageMixin` before ``Page``::

    class PrisonerCasePage(HeadlessPreviewPageMixin, Page): ...

Previewing then stores the draft (wagtail-headless-preview's ``PagePreview``) and
shows the front end at ``FRONTEND_URL?content_type=…&token=…``; the front end fetches
``/api/v1/preview/?content_type=…&token=…`` and gets the draft in the same shape as
the live detail. This module imports nothing from Django REST framework, so models
can import it cheaply.
"""

from django.http import HttpRequest, HttpResponse
from wagtail_headless_preview.models import HeadlessPreviewMixin

from ngo_cms.conf import app_settings


class HeadlessPreviewPageMixin(HeadlessPreviewMixin):
    """Preview in the headless front end (``WAGTAIL_HEADLESS_PREVIEW``).

    Only when a front end is configured (``FRONTEND_URL``): without one, the Preview
    button keeps Wagtail's own preview with the page's template, which is what an
    editor of a site with no front end yet needs.
    """

    def serve_preview(self, request: HttpRequest, preview_mode: str) -> HttpResponse:
        if app_settings.FRONTEND_URL:
            return super().serve_preview(request, preview_mode)
        # Skip the headless mixin: the next serve_preview in the MRO is Page's.
        return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)
