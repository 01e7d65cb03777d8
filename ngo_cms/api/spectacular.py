"""The drf-spectacular settings that make the API's schema exact.

Shared by the example site's ``SPECTACULAR_SETTINGS`` (read by ``manage.py
spectacular``) and by ``SchemaView``, so that a host project's ``/api/v1/schema/`` is
the same without any drf-spectacular settings of its own. This module imports
nothing, so settings modules can import it.
"""

from __future__ import annotations

from collections.abc import Iterable

# One enum component per vocabulary: a typed client must accept every value. Each
# app's vocabularies are named only when the app is installed.
ENUMS_BY_APP: dict[str, dict[str, str]] = {
    "ngo_cms": {
        "TranslationStatusEnum": "ngo_cms.api.serializers.TRANSLATION_STATUSES",
        "TranslationStateEnum": "ngo_cms.api.serializers.API_TRANSLATION_STATES",
        "LocaleCodeEnum": "ngo_cms.api.context.content_languages",
        "RedirectTypeEnum": "ngo_cms.api.serializers.REDIRECT_TYPES",
    },
    "casepages": {"CaseStatusEnum": "casepages.choices.CaseStatus"},
    "actions": {
        "ActionStatusEnum": "actions.choices.ActionStatus",
        "RallyStatusEnum": "actions.choices.RallyStatus",
        "SigningStateEnum": "actions.api.serializers.SIGNING_STATES",
    },
}


def schema_settings(installed_apps: Iterable[str] | None = None) -> dict:
    """The schema's drf-spectacular settings for the given apps (default: all)."""
    apps = set(ENUMS_BY_APP) if installed_apps is None else set(installed_apps)
    enums: dict[str, str] = {}
    for app, names in ENUMS_BY_APP.items():
        if app in apps:
            enums.update(names)
    return {
        "TITLE": "NGO CMS content API",
        "DESCRIPTION": "Prisoner cases, urgent actions and rallies in English, "
        "Dutch and French.",
        "VERSION": "1.0.0",
        # OpenAPI 3.1: a nullable component is `oneOf: [{$ref}, {type: "null"}]`,
        # which every tool reads alike (3.0 has no exact way to say it).
        "OAS_VERSION": "3.1.0",
        # Only our API: Wagtail's admin API views would otherwise produce warnings.
        "SCHEMA_PATH_PREFIX": "/api/v1/",
        "PREPROCESSING_HOOKS": ["ngo_cms.api.schema.only_api_v1"],
        "POSTPROCESSING_HOOKS": [
            "drf_spectacular.hooks.postprocess_schema_enums",
            "ngo_cms.api.schema.exact_schema",
        ],
        "ENUM_NAME_OVERRIDES": enums,
        "COMPONENT_SPLIT_REQUEST": True,
    }
