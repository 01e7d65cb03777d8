"""Fixtures of the casepages tests: the demo's case index and case in each locale."""

import pytest

from casepages.models import CaseIndexPage


@pytest.fixture
def case_index(db) -> CaseIndexPage:
    """The English case index of the demo site."""
    return CaseIndexPage.objects.get(locale__language_code="en")
