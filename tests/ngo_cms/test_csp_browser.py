"""The admin and the public pages work under the Content-Security-Policy in a real
browser: Debian's Chromium, headless, driven by Playwright. Skipped where either is
missing (Playwright's own browser downloads are not used)."""

import shutil

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a-long-and-good-password-2026"

# Reports every CSP violation of the page, including those of inline code.
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the
    # test and of its fixtures' teardown are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


def violations_on(page, url: str) -> list[str]:
    messages: list[str] = []
    page.on(
        "console",
        lambda msg: (
            messages.append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    return messages + page.evaluate("window.__csp || []")


@pytest.fixture
def case_and_user(django_user_model, reload_demo):
    from casepages.models import PrisonerCasePage

    django_user_model.objects.create_superuser("csp", "csp@example.org", PASSWORD)
    return PrisonerCasePage.objects.live().filter(locale__language_code="en").first()


def test_admin_edit_page_and_public_page_have_no_csp_violations(
    case_and_user, live_server, browser
):
    case = case_and_user
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "csp")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    edit = violations_on(page, f"{live_server.url}/admin/pages/{case.pk}/edit/")
    assert page.locator("form#page-edit-form").count() == 1
    assert edit == []
    public = violations_on(page, live_server.url + case.url)
    assert public == []
    docs = violations_on(page, live_server.url + "/api/v1/docs/")
    assert docs == []
    assert page.locator(".swagger-ui").count() >= 1
    context.close()
