"""Headless preview: the editor's Preview button opens the front end.

Page types inherit :class:`HeadlessPreviewPageMixin` before ``Page``::

    class PrisonerCasePage(HeadlessPreviewPageMixin, Page): ...

Previewing then stores the draft (wagtail-headless-preview's ``PagePreview``) and
shows the front end at ``FRONTEND_URL?content_type=…&token=…``; the front end fetches
``/api/v1/preview/?content_type=…&token=…`` and gets the draft in the same shape as
the live detail. This module imports nothing from Django REST framework, so models
can import it cheaply.
"""

from wagtail_headless_preview.models import HeadlessPreviewMixin


class HeadlessPreviewPageMixin(HeadlessPreviewMixin):
    """Preview in the headless front end (``WAGTAIL_HEADLESS_PREVIEW``)."""
