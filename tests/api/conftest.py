"""Fixtures of the API contract tests: a fresh cache and the demo pages by locale."""

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from wagtail.models import Page

LOCALES = ["en", "nl", "fr"]


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    """Cached answers and throttle counters must not leak from one test to the next."""
    cache.clear()


@pytest.fixture
def api() -> Client:
    return Client()


def by_locale(model: type[Page], **filters: Any) -> dict[str, Page]:
    """The live demo pages of ``model`` (one translation set) by language code."""
    pages = model.objects.live().filter(alias_of__isnull=True, **filters)
    first = pages.filter(locale__language_code="en").order_by("pk").first()
    return {
        page.locale.language_code: page
        for page in pages.filter(translation_key=first.translation_key)
    }


@pytest.fixture
def cases(db) -> dict[str, Page]:
    from casepages.models import PrisonerCasePage

    return by_locale(PrisonerCasePage)


@pytest.fixture
def actions(db) -> dict[str, Page]:
    from actions.models import UrgentActionPage

    return by_locale(UrgentActionPage)


@pytest.fixture
def rallies(db) -> dict[str, Page]:
    from actions.models import RallyPage

    return by_locale(RallyPage)


@pytest.fixture
def case_index(db) -> dict[str, Page]:
    from casepages.models import CaseIndexPage

    return by_locale(CaseIndexPage)


def message(msgid: Any, language: str, **params: Any) -> str:
    """``msgid`` (a lazy message of ngo_cms.api.messages) as the API says it."""
    with translation.override(language):
        return str(msgid % params) if params else str(msgid)


@pytest.fixture
def purged(settings) -> list[str]:
    """A recording front-end cache (CDN) backend; the URLs it was asked to purge."""
    from tests.api.frontend_cache import RecordingBackend

    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.api.frontend_cache.RecordingBackend"}
    }
    RecordingBackend.purged = []
    return RecordingBackend.purged
