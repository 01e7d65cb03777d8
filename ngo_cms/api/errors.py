"""JSON errors with a message in the language of the request.

Every error the API answers has the same body::

    {"status": 404, "code": "unknown_slug", "message": "…", "errors": {}}

``errors`` holds per-field messages (``"__all__"`` for the ones that concern no
single field) when the client sent data or parameters that are not valid.
"""

import math
import sys
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.functional import Promise
from django.views import defaults
from redis.exceptions import RedisError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from . import messages

API_PREFIX = "/api/"
# Seconds a client is told to wait when the database is unreachable.
DATABASE_RETRY_AFTER = 30
# The database or Redis is down or unreachable (not: a query that is wrong).
DEPENDENCY_DOWN = (OperationalError, InterfaceError, RedisError)


class APIError(exceptions.APIException):
    """An error with a machine-readable ``code`` and a translated ``message``.

    Args:
        message: the (lazily translated) message; formatted with ``params``.
        code: a stable identifier front ends can switch on.
        status_code: the HTTP status.
        params: values for the ``%(name)s`` placeholders of ``message``.
        errors: per-field messages.
        headers: extra response headers (``Retry-After``).
    """

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(
        self,
        message: str | Promise,
        *,
        code: str,
        status_code: int = 400,
        params: Mapping[str, Any] | None = None,
        errors: Mapping[str, list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.message = message
        self.headers = dict(headers or {})
        self.params = dict(params or {})
        self.code = code
        self.status_code = status_code
        self.errors = dict(errors or {})
        super().__init__(detail=str(message), code=code)

    def render_message(self) -> str:
        """The message in the active language, with its placeholders filled in."""
        # ``%`` on the lazy message (not on its str()) lets a plural message pick
        # its form from the params.
        return str(self.message % self.params) if self.params else str(self.message)


def not_found(
    message: str | Promise, code: str = "not_found", **params: Any
) -> APIError:
    """A 404 error with a translated message."""
    return APIError(message, code=code, status_code=404, params=params)


def bad_request(
    message: str | Promise, code: str = "invalid_parameter", **params: Any
) -> APIError:
    """A 400 error with a translated message."""
    return APIError(message, code=code, status_code=400, params=params)


def error_body(
    status_code: int, code: str, message: str, errors: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {
        "status": status_code,
        "code": code,
        "message": message,
        "errors": dict(errors or {}),
    }


def _flatten(detail: Any) -> dict[str, list[str]]:
    """DRF validation details as ``{field: [message, ...]}``."""
    if isinstance(detail, Mapping):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = "__all__" if key in ("non_field_errors",) else str(key)
            if isinstance(value, list | tuple):
                flat[name] = [str(item) for item in value]
            else:
                flat[name] = [str(value)]
        return flat
    if isinstance(detail, list | tuple):
        return {"__all__": [str(item) for item in detail]}
    return {"__all__": [str(detail)]}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's exception handler, reshaped into the API's error body.

    Messages are produced here, inside the language the view activated, so they come
    out in the request's language.
    """
    if isinstance(exc, APIError):
        body = error_body(exc.status_code, exc.code, exc.render_message(), exc.errors)
        return Response(body, status=exc.status_code, headers=exc.headers)
    if isinstance(exc, DEPENDENCY_DOWN):
        return Response(
            unavailable_body(DATABASE_RETRY_AFTER),
            status=503,
            headers={"Retry-After": str(DATABASE_RETRY_AFTER)},
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.Throttled):
        wait = exc.wait
        message = str(messages.THROTTLED_SOON)
        if wait is not None:
            # The header and the message name the same whole number of seconds.
            seconds = max(1, math.ceil(wait))
            response["Retry-After"] = str(seconds)
            message = str(messages.THROTTLED) % {"seconds": seconds}
        response.data = error_body(429, "throttled", message)
    elif isinstance(exc, exceptions.ValidationError):
        response.data = error_body(
            400, "invalid_data", str(messages.INVALID_DATA), _flatten(exc.detail)
        )
    elif isinstance(exc, exceptions.MethodNotAllowed):
        request = context.get("request")
        method = request.method if request is not None else ""
        response.data = error_body(
            405,
            "method_not_allowed",
            str(messages.METHOD_NOT_ALLOWED) % {"method": method},
        )
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        response.data = error_body(
            415, "unsupported_media_type", str(messages.UNSUPPORTED_MEDIA_TYPE)
        )
    elif isinstance(exc, exceptions.ParseError):
        response.data = error_body(400, "parse_error", str(messages.PARSE_ERROR))
    elif isinstance(exc, exceptions.NotFound):
        response.data = error_body(404, "not_found", str(messages.NOT_FOUND))
    else:
        detail = getattr(exc, "detail", "")
        code = getattr(exc, "default_code", "error")
        response.data = error_body(response.status_code, code, str(detail))
    return response


def unavailable_body(seconds: int) -> dict[str, Any]:
    """The body of a 503: a dependency (database, throttle) cannot be reached."""
    return error_body(
        503, "unavailable", str(messages.UNAVAILABLE) % {"seconds": seconds}
    )


def _path_language(request: HttpRequest) -> str:
    """The language of an API path (``/api/v1/nl/…``), read without the database.

    The error handlers below may run because the database is down.
    """
    parts = request.path_info.split("/")
    codes = [code for code, _name in settings.LANGUAGES]
    if len(parts) > 3 and parts[3] in codes:
        return parts[3]
    accepted = translation.get_language_from_request(request, check_path=False)
    return accepted if accepted in codes else settings.LANGUAGE_CODE


def handler404(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 handler: JSON under ``/api/``, the usual page elsewhere."""
    if not request.path_info.startswith(API_PREFIX):
        return defaults.page_not_found(request, exception)
    with translation.override(_path_language(request)):
        body = error_body(404, "not_found", str(messages.NOT_FOUND))
    return JsonResponse(body, status=404)


def handler500(request: HttpRequest) -> HttpResponse:
    """Django's 500 handler: JSON under ``/api/`` (503 with ``Retry-After`` when the
    database is unreachable), the usual page elsewhere.

    Django calls it while handling the exception, so ``sys.exc_info()`` names it.
    """
    if not request.path_info.startswith(API_PREFIX):
        return defaults.server_error(request)
    error = sys.exc_info()[1]
    with translation.override(_path_language(request)):
        if isinstance(error, DEPENDENCY_DOWN):
            response = JsonResponse(unavailable_body(DATABASE_RETRY_AFTER), status=503)
            response["Retry-After"] = str(DATABASE_RETRY_AFTER)
            return response
        body = error_body(500, "server_error", str(messages.SERVER_ERROR))
    return JsonResponse(body, status=500)
