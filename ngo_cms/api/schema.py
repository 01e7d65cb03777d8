"""drf-spectacular hooks and extensions: the published schema describes ``/api/v1/``
only, and describes it exactly, so that generated clients can trust it.

- :func:`only_api_v1`: Wagtail's admin API and wagtail-localize's editor views are
  DRF views too; without this hook they end up in the schema and make
  ``spectacular --fail-on-warn`` fail.
- :func:`exact_schema`: adds the ``CountryCode`` component and documents the JSON
  error body of the statuses every operation can answer. (The schema is OpenAPI
  3.1, so a nullable value is ``type: [..., "null"]`` or ``oneOf: [{$ref}, {type:
  "null"}]``: no ``nullable`` beside a bare ``allOf``, which 3.0 tools read apart.)
- :class:`PageTypeFieldExtension`: the ``type`` of a page is an enum of the models a
  serializer serves, so that ``resolve``'s ``oneOf`` matches exactly one component.
"""

from __future__ import annotations

import functools
from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension

API_PREFIX = "/api/v1/"
COUNTRY_CODE_SCHEMA: dict[str, str] = {"$ref": "#/components/schemas/CountryCode"}
ERROR_REF = {"$ref": "#/components/schemas/Error"}

# Statuses any operation may answer, whatever it does: an unknown locale or address
# (404), a method it does not take (405).
COMMON_ERRORS = {
    "404": "Unknown locale, page or address (code unknown_locale, unknown_slug, "
    "unknown_path or not_found).",
    "405": "The method is not allowed here (code method_not_allowed); the Allow "
    "header lists the methods that are.",
}
# Statuses of operations that read query parameters or a body.
INPUT_ERRORS = {
    "400": "A parameter or the body is not valid (code invalid_filter, invalid_page, "
    "invalid_page_size, missing_path, missing_parameter, invalid_data or "
    "parse_error); ``errors`` names the parameters or fields.",
}


def only_api_v1(endpoints: list[tuple[str, Any, str, Any]], **kwargs: Any) -> list:
    """Keep the endpoints under ``/api/v1/`` (a ``PREPROCESSING_HOOKS`` entry)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


@functools.cache
def country_codes() -> tuple[str, ...]:
    """Every ISO 3166-1 alpha-2 code the API accepts and answers, sorted."""
    from django_countries import countries

    return tuple(sorted(code for code, _name in countries))


def exact_schema(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """A ``POSTPROCESSING_HOOKS`` entry: see the module docstring."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["CountryCode"] = {
        "type": "string",
        "enum": list(country_codes()),
        "description": "An ISO 3166-1 alpha-2 country code, upper case.",
    }
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            errors = dict(COMMON_ERRORS)
            reads_input = "requestBody" in operation or any(
                parameter.get("in") == "query"
                for parameter in operation.get("parameters", [])
            )
            if reads_input:
                errors.update(INPUT_ERRORS)
            for status, description in errors.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": ERROR_REF}},
                    },
                )
            operation["responses"] = dict(
                sorted(responses.items(), key=lambda item: item[0])
            )
    return result


def page_type_labels(serializer_class: type) -> list[str]:
    """The ``app_label.Model`` names of the page types ``serializer_class`` serves:
    those registered with it, or else the model of its ``Meta``."""
    from wagtail.models import Page

    from .registry import registered_page_types

    labels = [
        model._meta.label
        for model, page_type in registered_page_types().items()
        if page_type.serializer is serializer_class
    ]
    model = getattr(getattr(serializer_class, "Meta", None), "model", None)
    if not labels and model is not None and model is not Page:
        labels = [model._meta.label]
    return sorted(labels)


class PageTypeFieldExtension(OpenApiSerializerFieldExtension):
    """The schema of a page's ``type``: a component enumerating the types its
    serializer serves (``PrisonerCasePageType``, ``IntroPageType``...), or a plain
    string for the bare envelope, which may serve any type."""

    target_class = "ngo_cms.api.serializers.PageTypeField"

    def _labels(self) -> list[str]:
        parent = getattr(self.target, "parent", None)
        return page_type_labels(type(parent)) if parent is not None else []

    def get_name(self) -> str | None:
        labels = self._labels()
        if not labels:
            return None
        if len(labels) == 1:
            return labels[0].rsplit(".", 1)[-1] + "Type"
        name = type(self.target.parent).__name__.removesuffix("Serializer")
        return name + "Type"

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict:
        schema: dict[str, Any] = {
            "type": "string",
            "description": "The page type, as app_label.ModelName.",
        }
        labels = self._labels()
        if labels:
            schema["enum"] = labels
        return schema
