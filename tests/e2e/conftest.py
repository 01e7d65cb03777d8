"""One set of real servers for the browser tests of the whole chain.

The session starts, once: a SQLite database of its own in a temporary folder, built
with ``migrate`` and ``load_demo``; the app (``manage.py runserver``, development
settings) and its task worker (``manage.py db_worker``), which mails through a real
SMTP server (aiosmtpd) on 127.0.0.1; and the reference front end
(``examples/frontend``, served by ``python -m http.server``). Browsers are Debian's
Chromium through Playwright. A failing test leaves a screenshot and a Playwright
trace in ``var/e2e-artifacts/``.

``E2E_PORT_BASE`` picks the ports (the base and the next two); by default the
system picks free ones.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SmtpInbox
from tests.frontend.node import FRONTEND, npm_tools

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "var" / "e2e-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PASSWORD = "e2e-password-2026"
USERS = {
    "editor": None,  # a superuser
    "translator-nl": "Dutch translators",
    "reviewer-nl": "Dutch reviewers",
}


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    reason = None
    if not CHROMIUM.exists():
        reason = "needs Chromium at /usr/bin/chromium (apt-get install chromium)"
    elif settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # The servers use their own SQLite file whatever DATABASE_URL says, so a
        # PostgreSQL pass would repeat the SQLite pass exactly.
        reason = "runs its own SQLite servers: covered by the run without DATABASE_URL"
    if reason is None:
        return
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def free_ports(count: int) -> list[int]:
    base = os.environ.get("E2E_PORT_BASE")
    if base:
        return [int(base) + offset for offset in range(count)]
    sockets = []
    for _ in range(count):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        sockets.append(probe)
    ports = [probe.getsockname()[1] for probe in sockets]
    for probe in sockets:
        probe.close()
    return ports


def wait_for(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} stopped with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@dataclass
class Servers:
    app: str
    front: str
    inbox: SmtpInbox

    def mails_to(self, address: str, count: int, seconds: float = 30) -> list:
        """Wait until ``count`` mails reached ``address`` (the worker polls)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            mails = self.inbox.to(address)
            if len(mails) >= count:
                return mails
            time.sleep(0.2)
        raise AssertionError(f"{count} mail(s) to {address} did not arrive")

    def link_in(self, mail) -> str:
        text = SmtpInbox.text(mail)
        match = re.search(re.escape(self.front) + r"/\S+", text)
        assert match, text
        return match.group(0)


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Iterator[Servers]:
    from aiosmtpd.controller import Controller

    npm_tools()  # axe-core for the accessibility checks
    app_port, front_port, smtp_port = free_ports(3)
    app = f"http://127.0.0.1:{app_port}"
    front = f"http://127.0.0.1:{front_port}"
    inbox = SmtpInbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()

    var = tmp_path_factory.mktemp("e2e-var")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example_site.settings.dev",
        "VAR_DIR": str(var),
        # Its own SQLite file, whatever DATABASE_URL says; the web server and the
        # worker write at once, so wait for the lock and take it at BEGIN.
        "DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}?timeout=30"
        "&transaction_mode=IMMEDIATE&init_command=PRAGMA%20journal_mode%3DWAL",
        "REDIS_URL": "",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "WAGTAILADMIN_BASE_URL": app,
        "DEMO_BASE_URL": app,
        "CORS_ALLOWED_ORIGINS": front,
        "FRONTEND_URL": f"{front}/",
        "SIGNING_CONFIRM_URL": f"{front}/?lang={{locale}}&confirm={{slug}}&token={{token}}",
        # Counts are shown as soon as they change.
        "API_CACHE_MAX_AGE": "0",
        "API_STALE_WHILE_REVALIDATE": "0",
        "SECOND_FACTOR_REQUIRED": "false",
        "PYTHONUNBUFFERED": "1",
    }
    log = (var / "servers.log").open("w")

    def manage(*args: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo")
    manage("shell", "-c", USERS_SCRIPT)

    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", str(app_port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "http.server",
                str(front_port),
                "--bind",
                "127.0.0.1",
                "--directory",
                str(FRONTEND),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        wait_for(f"{app}/healthz/", processes[0])
        wait_for(f"{front}/index.html", processes[2])
        yield Servers(app=app, front=front, inbox=inbox)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        smtp.stop()
        log.close()


USERS_SCRIPT = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
User = get_user_model()
for name, group in {USERS!r}.items():
    user = User.objects.filter(username=name).first() or User(username=name)
    user.email = name + "@example.org"
    user.is_superuser = user.is_staff = group is None
    user.set_password({PASSWORD!r})
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
"""


@pytest.fixture(scope="session")
def browser(servers):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, servers, request):
    """Open pages in fresh browser contexts (one person each); on failure, save a
    screenshot and a trace of each in var/e2e-artifacts/."""
    contexts = []

    def open_page(viewport: dict | None = None, locale: str = "en-GB"):
        context = browser.new_context(
            viewport=viewport or {"width": 1280, "height": 900}, locale=locale
        )
        context.set_default_timeout(20_000)
        context.tracing.start(screenshots=True, snapshots=True)
        # The front end remembers which API to read (docs/frontend.md).
        context.add_init_script(
            f"localStorage.setItem('ngo-cms-api-base', {servers.app!r});"
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    report = getattr(request.node, "report_call", None)
    failed = report is None or report.failed
    for index, context in enumerate(contexts):
        name = f"{request.node.name}-{index}"
        if failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            for number, page in enumerate(context.pages):
                page.screenshot(path=str(ARTIFACTS / f"{name}-{number}.png"))
            context.tracing.stop(path=str(ARTIFACTS / f"{name}-trace.zip"))
        else:
            context.tracing.stop()
        context.close()


AXE = FRONTEND / "node_modules" / "axe-core" / "axe.min.js"


def assert_accessible(page) -> None:
    """axe-core finds no serious or critical violation on the page as shown."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]}))
            .violations.filter(v => ["serious", "critical"].includes(v.impact))
            .map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target).join(" ")})`)"""
    )
    assert violations == [], violations


def login(page, app: str, username: str) -> None:
    page.goto(f"{app}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{app}/admin/")
