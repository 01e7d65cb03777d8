"""Page-number pagination with translated JSON errors (``?page=`` ``&page_size=``)."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response

from . import messages
from .errors import APIError

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _positive_int(raw: str) -> int | None:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if value >= 1 else None


class PagePagination(BasePagination):
    """``{count, page, page_size, num_pages, next, previous, results}``.

    A page number that is not a whole number from 1, or a page size outside 1–100,
    answers 400; a page past the last answers 404 (``invalid_page``).
    """

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> list[Any]:
        self.request = request
        self.view = view
        raw_size = request.query_params.get("page_size")
        size = DEFAULT_PAGE_SIZE
        if raw_size is not None:
            size = _positive_int(raw_size)
            if size is None or size > MAX_PAGE_SIZE:
                raise APIError(
                    messages.BAD_PAGE_SIZE,
                    code="invalid_page_size",
                    params={"value": raw_size, "max": MAX_PAGE_SIZE},
                    errors={
                        "page_size": [
                            str(messages.BAD_PAGE_SIZE)
                            % {"value": raw_size, "max": MAX_PAGE_SIZE}
                        ]
                    },
                )
        raw_page = request.query_params.get("page", "1")
        number = _positive_int(raw_page)
        if number is None:
            raise APIError(
                messages.BAD_PAGE,
                code="invalid_page",
                params={"value": raw_page},
                errors={"page": [str(messages.BAD_PAGE) % {"value": raw_page}]},
            )
        self.count = queryset.count()
        self.num_pages = max(1, math.ceil(self.count / size))
        if number > self.num_pages:
            raise APIError(
                messages.PAGE_OUT_OF_RANGE,
                code="invalid_page",
                status_code=404,
                params={"page": number, "num_pages": self.num_pages},
            )
        self.page_number = number
        self.page_size = size
        start = (number - 1) * size
        return list(queryset[start : start + size])

    def _link(self, number: int) -> str:
        """The address of page ``number`` on the site's root URL (never the request's
        Host), keeping only the query parameters the endpoint reads: the answer is
        cached and shared, so nothing else a client sent may end up in it."""
        from .context import ApiContext

        names = getattr(self.view, "cache_query_parameters", tuple)()
        params = [
            (name, value)
            for name in names
            for value in self.request.query_params.getlist(name)
            if name != "page"
        ]
        params.append(("page", str(number)))
        path = self.request.path + "?" + urlencode(params)
        return ApiContext.of(self.request).absolute_url(path) or path

    def get_paginated_response(self, data: list[Any]) -> Response:
        return Response(
            {
                "count": self.count,
                "page": self.page_number,
                "page_size": self.page_size,
                "num_pages": self.num_pages,
                "next": self._link(self.page_number + 1)
                if self.page_number < self.num_pages
                else None,
                "previous": self._link(self.page_number - 1)
                if self.page_number > 1
                else None,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": [
                "count",
                "page",
                "page_size",
                "num_pages",
                "next",
                "previous",
                "results",
            ],
            "properties": {
                "count": {"type": "integer", "example": 42},
                "page": {"type": "integer", "example": 1},
                "page_size": {"type": "integer", "example": DEFAULT_PAGE_SIZE},
                "num_pages": {"type": "integer", "example": 3},
                "next": {"type": ["string", "null"], "format": "uri"},
                "previous": {"type": ["string", "null"], "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number, from 1.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Items per page (default {DEFAULT_PAGE_SIZE}, at most {MAX_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
