"""A Publish right after typing is never lost (a real browser against a live server).

Wagtail 8 autosaves the edit form every 500 ms by default, and an autosave that crosses
a Publish lost the publish. Our settings switch autosave off; this test types into a
page in headless Chromium and publishes at once, several times, then checks that the
page is live with the typed text. It drives Debian's Chromium (``/usr/bin/chromium``,
installed by ``.ci/run``) through Playwright and is skipped when it is missing.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from actions.models import RallyPage
from tests.conftest import load_demo_anew

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    # A live server needs committed data, hence a transactional test.
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]

PASSWORD = "browser-test-password"


@pytest.fixture
def demo_site(django_db_blocker, reload_demo):
    """The demo content, whatever earlier transactional tests left behind."""
    with django_db_blocker.unblock():
        load_demo_anew()


@pytest.fixture
def browser_page(monkeypatch):
    """A Playwright page in headless Chromium."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made
    # between browser steps are still plain synchronous ones.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page()
        page.set_default_timeout(30_000)
        try:
            yield page
        finally:
            browser.close()


def test_publishing_right_after_typing_is_never_lost(
    live_server, browser_page, demo_site
):
    assert os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE") == "true"
    get_user_model().objects.create_superuser(
        "browser-editor", "editor@example.org", PASSWORD
    )
    rally = RallyPage.objects.filter(locale__language_code="en").order_by("pk").first()
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "browser-editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    edit_url = f"{live_server.url}/admin/pages/{rally.pk}/edit/"
    # The pauses between the last keystroke and Publish cover the window in which
    # Wagtail's default autosave (every 500 ms) had a request in flight.
    for attempt, pause in enumerate((0, 400, 800, 1200)):
        typed = f"Bring a candle, round {attempt + 1}."
        page.goto(edit_url)
        summary = page.locator("#id_summary")
        summary.fill("")
        summary.press_sequentially(typed, delay=15)
        page.wait_for_timeout(pause)
        # Open the footer's action menu and click Publish.
        page.locator(
            "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
        ).first.click()
        page.locator("button[name='action-publish']").click()
        page.wait_for_url(lambda url: "/edit/" not in url)

        rally.refresh_from_db()
        assert rally.live
        assert rally.summary == typed
        assert not rally.has_unpublished_changes
        assert rally.get_latest_revision_as_object().summary == typed


def test_a_translator_confirms_publishing_with_missing_translations(
    live_server, browser_page, demo_site
):
    from casepages.models import PrisonerCasePage

    get_user_model().objects.create_superuser(
        "browser-editor", "editor@example.org", PASSWORD
    )
    english = (
        PrisonerCasePage.objects.filter(locale__language_code="en")
        .order_by("pk")
        .first()
    )
    dutch = english.get_translation(
        english.locale.__class__.objects.get(language_code="nl")
    )
    english.summary = "A summary the Dutch translator has not seen yet."
    english.save_revision().publish()
    live_revision = dutch.live_revision_id

    page = browser_page
    posted = []
    page.on(
        "request",
        lambda request: (
            posted.append(request.post_data or "")
            if request.method == "POST" and "/edit/" in request.url
            else None
        ),
    )
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "browser-editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{dutch.pk}/edit/")
    page.locator(
        ".js-translation-editor button[name='action'][value='publish']"
    ).click()
    page.wait_for_load_state("load")
    page.get_by_text("Not published: 1 segment is not translated").wait_for()
    assert "action=publish" in posted[-1]
    dutch.refresh_from_db()
    assert dutch.live_revision_id == live_revision

    page.get_by_role("button", name="Publish with missing translations").click()
    page.wait_for_load_state("load")
    dutch.refresh_from_db()
    assert dutch.live_revision_id != live_revision
    assert dutch.summary == english.summary


def test_a_translator_submits_for_review_from_the_translation_editor(
    live_server, browser_page, demo_site
):
    """In Chromium, a Dutch translator's editor footer shows "Submit for review" as
    its main visible button, no "Convert to alias page", and the button works."""
    from wagtail.models import WorkflowState

    from casepages.models import PrisonerCasePage
    from tests.ngo_cms.translation_helpers import make_member

    translator = make_member("Dutch translators", "browser-anna", "en")
    translator.set_password(PASSWORD)
    translator.save()
    english = (
        PrisonerCasePage.objects.filter(locale__language_code="en")
        .order_by("pk")
        .first()
    )
    dutch = english.get_translation(
        english.locale.__class__.objects.get(language_code="nl")
    )

    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "browser-anna")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{dutch.pk}/edit/")
    # wagtail-localize's React editor has rendered (its segments are visible).
    page.locator(
        ".js-translation-editor li, .js-translation-editor ul"
    ).first.wait_for()
    visible_buttons = [
        text.strip()
        for text in page.locator(
            "footer button:visible, footer a:visible"
        ).all_inner_texts()
        if text.strip()
    ]
    assert visible_buttons[0] == "Submit for review"
    assert "Save draft" in visible_buttons
    assert not page.get_by_text("Convert to alias page").is_visible()
    assert not page.locator(
        "footer", has_text="Stop Synced translation"
    ).first.is_visible()

    page.get_by_role("button", name="Submit for review").click()
    page.get_by_text("was submitted for review").wait_for()
    assert WorkflowState.objects.filter(
        object_id=str(dutch.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
        requested_by=translator,
    ).exists()
    assert page.get_by_role("button", name="In review").is_disabled()
