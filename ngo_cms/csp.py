"""The Content-Security-Policy: strict for readers, what Wagtail needs in the admin.

Public pages and the API load scripts, styles, images and fonts only from this
site (``'self'``), embed no frames but the video hosts of ``CSP_EXTRA_FRAME_SRC``,
and may not be framed. Wagtail's admin (and wagtail-localize's editor) still write
a few inline ``<script>`` and ``style`` attributes, so under the admin's address the
policy also allows inline scripts and styles; everything else stays on this site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse

# 'unsafe-inline' for the admin only (see the module docstring).
ADMIN_REPLACE = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    # Wagtail's previews and choosers open the site itself in frames.
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's relaxed script and style sources."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            admin = dict(ADMIN_REPLACE)
            front_end = _origin(settings.FRONTEND_URL)
            if front_end:
                # The headless preview shows the front end in the admin's panel.
                admin["frame-src"] = [*admin["frame-src"], front_end]
            parts.replace = {**admin, **(parts.replace or {})}
        elif getattr(request, "is_preview", False):
            # Wagtail renders a preview through a fake request to the page's own
            # address, inside the admin's preview panel: the admin may frame it, and
            # a headless preview frames the front end in turn.
            preview = {"frame-ancestors": ["'self'"]}
            front_end = _origin(settings.FRONTEND_URL)
            if front_end:
                preview["frame-src"] = [*ADMIN_REPLACE["frame-src"], front_end]
            parts.replace = {**preview, **(parts.replace or {})}
        return parts


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None
