"""Content negotiation of the API: one format per endpoint, whatever ``Accept`` says.

Every endpoint answers JSON (the iCalendar routes answer ``text/calendar`` on
success and JSON errors), so an answer never depends on the client's ``Accept``
header: shared caches need no ``Vary: Accept``, and a client that asks for something
else gets the documented format rather than a 406. The schema is the exception: it
comes as YAML or JSON, chosen by ``Accept`` or by ``?format=json|yaml``.
"""

from __future__ import annotations

from typing import Any

from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

SCHEMA_FORMATS = ("json", "yaml")


class FirstRendererNegotiation(DefaultContentNegotiation):
    """Always the view's first renderer (JSON); parsers still follow Content-Type."""

    def select_renderer(
        self,
        request: Request,
        renderers: list[BaseRenderer],
        format_suffix: str | None = None,
    ) -> tuple[BaseRenderer, str]:
        renderer = renderers[0]
        return renderer, renderer.media_type


class SchemaNegotiation(DefaultContentNegotiation):
    """``Accept`` as usual, and ``?format=json`` or ``?format=yaml`` on top (any other
    value is ignored rather than answered with an error)."""

    def select_renderer(
        self,
        request: Request,
        renderers: list[BaseRenderer],
        format_suffix: str | None = None,
    ) -> tuple[BaseRenderer, Any]:
        requested = request.query_params.get("format")
        if requested in SCHEMA_FORMATS:
            for renderer in renderers:
                if renderer.format == requested:
                    return renderer, renderer.media_type
        return super().select_renderer(request, renderers, None)
