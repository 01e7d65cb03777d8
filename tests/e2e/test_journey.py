"""From the editor's admin to the reader's browser, through the reference front end.

The tests run in this order and share one set of servers (tests/e2e/conftest.py):
the editor publishes a case in English; a Dutch translator translates it in
wagtail-localize's editor and submits it, and the Dutch reviewer publishes it; a
reader finds it in Dutch on the front end, switches to French, signs an urgent
action and confirms from the mail; a bad form shows the API's Dutch errors; an
editor previews a draft through the front end.
"""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import ARTIFACTS, assert_accessible, login

pytestmark = pytest.mark.skipif(
    not __import__("pathlib").Path("/usr/bin/chromium").exists(),
    reason="needs Chromium at /usr/bin/chromium (apt-get install chromium)",
)

CASE_EN = "Mariam Testimony"
CASE_SUMMARY_EN = "A teacher held for her peaceful work for the education of girls."
CASE_SUMMARY_NL = "Een lerares die vastzit om haar vreedzame inzet voor onderwijs."
CASE_NL = "Mariam Getuigenis"
CASE_SLUG_EN = "mariam-testimony"
CASE_SLUG_NL = "mariam-getuigenis"


def api(servers, path: str) -> dict:
    with urllib.request.urlopen(f"{servers.app}{path}", timeout=10) as answer:  # noqa: S310
        return json.load(answer)


def count_of(page) -> int:
    return int(page.locator("#signature-count").get_attribute("data-count"))


def test_1_editor_publishes_a_case_in_english(servers, new_page):
    page = new_page()
    login(page, servers.app, "editor")
    cases_index = next(
        item
        for item in api(servers, "/api/v1/en/navigation/")["items"]
        if item["type"] == "casepages.CaseIndexPage"
    )
    page.goto(
        f"{servers.app}/admin/pages/add/casepages/prisonercasepage/{cases_index['id']}/"
    )
    page.fill("#id_title", CASE_EN)
    page.get_by_role("tab", name="Case").click()
    page.select_option("#id_country_of_detention", "IR")
    page.select_option("#id_status", "detained")
    page.fill("#id_summary", CASE_SUMMARY_EN)
    page.locator(
        "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
    ).first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(lambda url: "/add/" not in url)

    answer = api(servers, "/api/v1/en/cases/?q=Testimony")
    assert [case["title"] for case in answer["results"]] == [CASE_EN]
    assert answer["results"][0]["status"]["value"] == "detained"


def translate_segment(page, source: str, text: str) -> None:
    """Translate one segment in wagtail-localize's editor and save it."""
    segment = page.locator(
        "li", has=page.locator(f"xpath=./p[normalize-space()='{source}']")
    ).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name="Save").click()
    segment.get_by_role("button", name="Save").wait_for(state="detached")


def test_2_dutch_translator_and_reviewer_publish_the_translation(servers, new_page):
    translator = new_page()
    login(translator, servers.app, "translator-nl")
    translator.get_by_role("link", name="Translation queue").first.click()
    row = translator.locator("tr", has_text=CASE_EN)
    assert "missing" in row.inner_text()
    row.get_by_role("link", name="Start translation").click()
    translator.locator("main form").get_by_role(
        "button", name="Start translation"
    ).click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    translate_segment(translator, CASE_EN, CASE_NL)
    translator.get_by_role("tab", name="Case").click()
    translate_segment(translator, CASE_SUMMARY_EN, CASE_SUMMARY_NL)
    translator.get_by_role("tab", name="Promote").click()
    translate_segment(translator, CASE_SLUG_EN, CASE_SLUG_NL)

    translator.get_by_role("link", name="Translation queue").first.click()
    row = translator.locator("tr", has_text=CASE_EN)
    row.get_by_role("link", name="Submit for review").click()
    translator.locator("main form").get_by_role(
        "button", name="Submit for review"
    ).click()
    translator.get_by_text(f"“{CASE_NL}” was submitted for review.").wait_for()
    # Translators cannot publish: readers see nothing yet.
    assert api(servers, "/api/v1/nl/cases/?q=Mariam")["count"] == 0

    reviewer = new_page()
    login(reviewer, servers.app, "reviewer-nl")
    reviewer.get_by_role("link", name=CASE_NL).first.click()
    reviewer.get_by_role("button", name="Publish in Dutch").click()
    reviewer.wait_for_load_state("load")

    published = api(servers, "/api/v1/nl/cases/?q=Mariam")["results"]
    assert [(case["title"], case["slug"]) for case in published] == [
        (CASE_NL, CASE_SLUG_NL)
    ]
    assert published[0]["summary"] == CASE_SUMMARY_NL


def test_3_reader_reads_cases_in_dutch_and_switches_to_french(servers, new_page):
    page = new_page(locale="nl-BE")
    page.goto(f"{servers.front}/?lang=nl")
    page.get_by_role("heading", level=1, name="Zaken").wait_for()
    assert page.locator("html").get_attribute("lang") == "nl"
    # Status badges in Dutch, from the API.
    badge = page.locator(".card", has_text="Ahmadreza Djalali").locator(".badge")
    assert badge.inner_text() == "ter dood veroordeeld"
    assert_accessible(page)

    # Search and filters are the API's (?q=, ?status=).
    page.get_by_label("Zaken zoeken").fill("Djalali")
    page.get_by_label("Status").select_option("released")
    page.get_by_role("button", name="Toepassen").click()
    page.get_by_text("Geen enkele zaak komt overeen.").wait_for()
    assert "q=Djalali" in page.url and "status=released" in page.url
    page.get_by_label("Status").select_option("sentenced_to_death")
    page.get_by_role("button", name="Toepassen").click()
    page.get_by_text("1 zaak", exact=True).wait_for()

    # The case: timeline with dates as precise as known, in Dutch; numbered sources.
    page.get_by_role("link", name="Ahmadreza Djalali").click()
    page.get_by_role("heading", name="Tijdlijn").wait_for()
    timeline = page.locator(".timeline")
    assert timeline.locator("time[datetime='2016-04-01']").first.inner_text() == (
        "april 2016"
    )
    citation = page.locator(".timeline a.citation").first
    target = citation.get_attribute("href")
    assert re.fullmatch(r"#source-\d+", target)
    citation.click()
    assert page.locator(f".sources li{target}").is_visible()
    assert page.url.endswith(target)
    assert_accessible(page)

    # Switch to French: the French translation, from the answer's translations.
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"lang=fr"))
    page.get_by_role("heading", name="Chronologie").wait_for()
    assert page.locator("main").get_attribute("lang") == "fr"
    assert page.locator(".timeline time[datetime='2016-04-01']").first.inner_text() == (
        "avril 2016"
    )

    # The case the Dutch reviewer published, in Dutch; French readers get the
    # English text (the API's fallback), and are told so.
    page.goto(f"{servers.front}/?lang=nl")
    page.get_by_role("link", name=CASE_NL).click()
    page.get_by_role("heading", level=1, name=CASE_NL).wait_for()
    page.get_by_text(CASE_SUMMARY_NL).wait_for()
    page.get_by_role("link", name="Français").click()
    page.get_by_role("heading", level=1, name=CASE_EN).wait_for()
    page.get_by_text("Pas encore traduit en français : affiché en anglais.").wait_for()
    assert page.locator("main").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("lang") == "fr"

    # On a phone: one column, nothing wider than the screen.
    phone = new_page(viewport={"width": 375, "height": 740}, locale="nl-BE")
    phone.goto(f"{servers.front}/?lang=nl&case=ahmadreza-djalali")
    phone.get_by_role("heading", name="Tijdlijn").wait_for()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "phone-case-nl.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_3_reader_signs_and_confirms_from_the_mail(servers, new_page):
    action = api(servers, "/api/v1/nl/actions/?status=open")["results"][0]
    page = new_page(locale="nl-BE")
    page.goto(f"{servers.front}/?lang=nl&view=actions")
    page.get_by_role("link", name=action["title"]).click()
    page.get_by_role("heading", name="Teken deze dringende actie").wait_for()
    before = count_of(page)
    assert page.locator("progress").get_attribute("max") == str(
        action["signature_goal"]
    )
    page.get_by_text("Teken vóór").wait_for()
    assert_accessible(page)

    address = "reader-e2e@example.org"

    def sign():
        page.get_by_label("Voornaam").fill("Lotte")
        page.get_by_label("Achternaam").fill("Peeters")
        page.get_by_label("E-mailadres").fill(address)
        page.get_by_label("Land").select_option("BE")
        page.get_by_label("Ik ga ermee akkoord").check()
        page.get_by_role("button", name="Tekenen").click()
        page.get_by_role("heading", name="Kijk in je mailbox").wait_for()

    sign()
    mail = servers.mails_to(address, 1)[-1]
    link = servers.link_in(mail)
    assert link.startswith(f"{servers.front}/?lang=nl&confirm=")

    confirm = new_page(locale="nl-BE")
    confirm.goto(link)
    confirm.get_by_role("heading", name="Bevestig je handtekening").wait_for()
    assert_accessible(confirm)
    confirm.get_by_role("button", name="Mijn handtekening bevestigen").click()
    confirm.get_by_role("heading", name="Handtekening bevestigd").wait_for()
    assert count_of(confirm) == before + 1
    confirm.get_by_role("link", name="Terug naar de actie").click()
    confirm.get_by_role("heading", name="Teken deze dringende actie").wait_for()
    assert count_of(confirm) == before + 1
    assert (
        confirm.locator("#signature-count").inner_text().startswith(f"{before + 1} van")
    )

    # Signing again with the same address: the same answer, the same count.
    page.reload()
    page.get_by_role("heading", name="Teken deze dringende actie").wait_for()
    sign()
    servers.mails_to(address, 2)
    page.reload()
    page.get_by_role("heading", name="Teken deze dringende actie").wait_for()
    assert count_of(page) == before + 1


def test_4_a_bad_signing_form_shows_the_translated_errors(servers, new_page):
    action = api(servers, "/api/v1/nl/actions/?status=open")["results"][0]
    page = new_page(locale="nl-BE")
    page.goto(f"{servers.front}/?lang=nl&action={action['slug']}")
    page.get_by_label("Voornaam").fill("Lotte")
    page.get_by_label("Achternaam").fill("Peeters")
    page.get_by_label("E-mailadres").fill("not-an-address")
    page.get_by_role("button", name="Tekenen").click()
    alert = page.get_by_role("alert")
    alert.get_by_text(
        "Een deel van de gegevens die je stuurde is niet geldig."
    ).wait_for()
    email_error = page.locator("#error-email")
    email_error.wait_for()
    assert "geldig e-mailadres" in email_error.inner_text()
    assert "privacyverklaring" in page.locator("#error-consent_privacy").inner_text()
    assert page.get_by_label("E-mailadres").get_attribute("aria-invalid") == "true"
    assert page.locator("#signature-count").is_visible()
    assert page.get_by_role("heading", name="Kijk in je mailbox").count() == 0
    assert_accessible(page)


def test_rallies_offer_calendars(servers, new_page):
    page = new_page(locale="fr-BE")
    page.goto(f"{servers.front}/?lang=fr&view=rallies")
    page.get_by_role("heading", name="Rassemblements à venir").wait_for()
    feed = page.get_by_role("link", name="S’abonner à tous les rassemblements")
    assert feed.get_attribute("href") == (
        servers.app.replace("http:", "webcal:") + "/api/v1/fr/rallies/ical/"
    )
    add = page.get_by_role("link", name="Ajouter à l’agenda").first
    with urllib.request.urlopen(add.get_attribute("href"), timeout=10) as answer:  # noqa: S310
        assert answer.headers["Content-Type"].startswith("text/calendar")
        assert b"BEGIN:VEVENT" in answer.read()
    assert_accessible(page)


def test_5_editor_previews_a_draft_through_the_front_end(servers, new_page):
    case = api(servers, "/api/v1/en/cases/ahmadreza-djalali/")
    page = new_page()
    login(page, servers.app, "editor")
    page.goto(f"{servers.app}/admin/pages/{case['id']}/edit/")
    page.fill("#id_title", "Ahmadreza Djalali (draft title)")
    page.locator("[data-side-panel-toggle='preview']").click()

    def front_frame():
        return next(
            (f for f in page.frames if f.url.startswith(servers.front + "/?")), None
        )

    # The panel frames the admin's preview page, which frames the front end at
    # FRONTEND_URL?content_type=…&token=…; the panel may reload it once or twice.
    title = "Ahmadreza Djalali (draft title)"
    shown = None
    for _ in range(30):
        frame = front_frame()
        if frame is not None:
            try:
                frame.get_by_role("heading", name=title).wait_for(timeout=2000)
                frame.get_by_text("Preview of a draft").wait_for(timeout=2000)
                shown = frame
                break
            except PlaywrightError:
                pass
        page.wait_for_timeout(500)
    assert shown is not None, [f.url for f in page.frames]
    assert "token=" in shown.url and "content_type=" in shown.url
    # Readers still see the published title.
    assert api(servers, "/api/v1/en/cases/ahmadreza-djalali/")["title"] == (
        "Ahmadreza Djalali"
    )
