"""Shared fixtures.

The test database is built once per session with the real demo content
(``manage.py load_demo``): the home pages, sections and pages of every app in en, nl
and fr, translated through wagtail-localize. Each test runs in a transaction that is
rolled back, so tests may change the demo freely.
"""

import email
import email.policy
import socket
from collections.abc import Iterator
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page

from tests.db_snapshot import Snapshot


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Skip ``requires_postgres`` tests on SQLite, with the reason."""

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: set DATABASE_URL=postgres://... (CI does)"
    )
    for item in items:
        if "requires_postgres" in item.keywords:
            item.add_marker(skip)


_snapshot = Snapshot()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Before pytest-django builds the test database: on SQLite, take it from the
    snapshot of an earlier run when the code has not changed (tests/db_snapshot.py)."""
    _snapshot.install()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once into the test database (unless it came from the
    snapshot, which holds it)."""
    with django_db_blocker.unblock():
        if not _snapshot.restored:
            call_command("load_demo", stdout=StringIO())
            _snapshot.save()


def load_demo_anew() -> None:
    """Load the demo, also into tables a transactional test emptied.

    Emptying every table also removes what migrations created: Wagtail's root page
    and root collection, which the demo needs, and the translation teams' groups.
    Put them back first.
    """
    from importlib import import_module

    from django.apps import apps as django_apps
    from wagtail.models import Collection

    from ngo_cms.translation_roles import setup_translation_roles

    if Page.get_first_root_node() is None:
        locale, _created = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    teams = import_module("ngo_cms.migrations.0003_translation_groups")
    teams.create_groups(django_apps, None)
    call_command("load_demo", stdout=StringIO())
    setup_translation_roles()


@pytest.fixture
def reload_demo(transactional_db):
    """For transactional tests that need the demo site.

    pytest-django runs transactional tests after all the others, and each one empties
    every table when it ends (Wagtail's root page and collection included). So the
    demo is rebuilt before such a test when an earlier one emptied it.
    """
    from ngo_cms.models import HomePage

    if not HomePage.objects.exists():
        load_demo_anew()
    yield


@pytest.fixture
def djalali(db) -> dict[str, Page]:
    """The demo case of Ahmadreza Djalali, by language code."""
    from casepages.models import PrisonerCasePage

    return {
        page.locale.language_code: page
        for page in PrisonerCasePage.objects.filter(slug="ahmadreza-djalali")
    }


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


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Signing throttle counters must not carry over from one test to the next."""
    from django.core.cache import caches

    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


class SmtpInbox:
    """Mails a real SMTP server on 127.0.0.1 received, parsed with the email package."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        parsed = email.message_from_bytes(
            envelope.original_content or envelope.content, policy=email.policy.default
        )
        self.messages.append(parsed)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        """The mails addressed to ``address``."""
        return [m for m in self.messages if address in m.get("To", "")]

    @staticmethod
    def text(message: email.message.EmailMessage) -> str:
        """The plain-text body of ``message``."""
        return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def smtp_server(settings) -> Iterator[SmtpInbox]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that Django's SMTP backend sends to."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = SmtpInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()
