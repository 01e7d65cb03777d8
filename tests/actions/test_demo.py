"""The actions demo: the seed pages exist in en, nl and fr, and are complete."""

import pytest

from actions.choices import ActionStatus, RallyStatus
from actions.models import RallyPage, UrgentActionPage

pytestmark = pytest.mark.django_db


def test_demo_urgent_action_is_open_in_three_locales_with_signatures():
    pages = UrgentActionPage.objects.filter(slug__startswith="iran-")
    assert {p.locale.language_code for p in pages} == {"en", "nl", "fr"}
    assert len({p.translation_key for p in pages}) == 1
    for page in pages:
        assert page.live
        assert page.status == ActionStatus.OPEN
        assert page.is_open_for_signing()
        assert page.addressee_name == "Gholamhossein Mohseni Ejei"
        assert "1050 Bruxelles" in page.addressee_address
        assert page.letter.rstrip().endswith("<p>[name]</p>")
        assert page.signature_goal
    assert len({p.signature_count for p in pages}) == 1
    assert pages[0].signature_count >= 5


def test_demo_letter_and_summary_are_translated():
    pages = {
        p.locale.language_code: p
        for p in UrgentActionPage.objects.filter(slug__startswith="iran-")
    }
    assert "Geachte heer" in pages["nl"].letter
    assert "Monsieur" in pages["fr"].letter
    assert pages["nl"].summary != pages["en"].summary != pages["fr"].summary


def test_embassy_rally_is_on_14_december_at_six_in_brussels():
    for rally in RallyPage.objects.filter(slug__contains="djalali"):
        start, end = rally.local_starts_at, rally.local_ends_at
        assert (start.month, start.day, start.hour, end.hour) == (12, 14, 18, 19)
        assert rally.time_zone == "Europe/Brussels"
        assert rally.street_address == "Franklin Rooseveltlaan 15"
        assert rally.travel_notes


def test_embassy_rally_links_to_the_djalali_case_when_it_exists():
    from wagtail.models import Page

    case = Page.objects.filter(slug="ahmadreza-djalali", locale__language_code="en")
    if not case.exists():
        pytest.skip("the casepages demo has no Djalali case yet")
    rally = RallyPage.objects.get(
        slug="protest-iranian-embassy-djalali", locale__language_code="en"
    )
    assert [item.page_id for item in rally.related_cases.all()] == [case.get().pk]
    nl = rally.get_translation(
        rally.get_translations().get(locale__language_code="nl").locale
    )
    assert [c.locale.language_code for c in nl.get_related_cases()] == ["nl"]


def test_past_rallies_have_reports_in_three_locales():
    for slug in (
        "brussels-central-station-stop-executions",
        "protect-iranian-refugees-commissariat-general",
    ):
        rally = RallyPage.objects.get(slug=slug, locale__language_code="en")
        assert rally.status == RallyStatus.TOOK_PLACE
        for page in RallyPage.objects.filter(translation_key=rally.translation_key):
            assert page.report, page.locale
    central = RallyPage.objects.get(
        slug="bruxelles-central-stop-executions", locale__language_code="fr"
    )
    assert [b.value["publisher"] for b in central.press_links] == [
        "BRUZZ",
        "La Libre",
        "RTL Info",
        "MSN",
    ]
