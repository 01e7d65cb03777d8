"""drf-spectacular hooks: the published schema describes ``/api/v1/`` only.

Wagtail's admin API and wagtail-localize's editor views are DRF views too; without
this hook they end up in the schema and make ``spectacular --fail-on-warn`` fail.
"""

from typing import Any

API_PREFIX = "/api/v1/"


def only_api_v1(endpoints: list[tuple[str, Any, str, Any]], **kwargs: Any) -> list:
    """Keep the endpoints under ``/api/v1/`` (a ``PREPROCESSING_HOOKS`` entry)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
