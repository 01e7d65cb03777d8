"""Shared fixtures.

The test database is built once per session with the real demo content
(``manage.py load_demo``): the home pages, sections and pages of every app in en, nl
and fr, translated through wagtail-localize. Each test runs in a transaction that is
rolled back, so tests may change the demo freely.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Skip ``requires_postgres`` tests on SQLite, with the reason."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: set DATABASE_URL=postgres://... (CI does)"
    )
    for item in items:
        if "requires_postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once into the test database."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())


@pytest.fixture
def reload_demo(django_db_blocker):
    """For transactional tests: they empty every table, so put the demo back after."""
    yield
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    """The en, nl and fr locales by language code."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pages(db) -> dict[str, Page]:
    """The demo home page of each locale, by language code."""
    from ngo_cms.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.all()}


@pytest.fixture
def is_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def reset_language():
    """Each test starts in English: a request may leave its language active."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
