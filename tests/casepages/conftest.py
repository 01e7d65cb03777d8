"""Fixtures of the casepages tests: the demo's case index and case in each locale."""

import pytest

from casepages.models import CaseIndexPage, PrisonerCasePage


@pytest.fixture
def case_index(db) -> CaseIndexPage:
    """The English case index of the demo site."""
    return CaseIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def djalali(db) -> dict[str, PrisonerCasePage]:
    """The demo case of Ahmadreza Djalali, by language code."""
    return {
        page.locale.language_code: page
        for page in PrisonerCasePage.objects.filter(slug="ahmadreza-djalali")
    }
