"""The demo case of Ahmadreza Djalali reads the same facts in en, nl and fr."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images.models import Image

from casepages.choices import CaseStatus, DatePrecision, TimelineEventKind
from casepages.models import PrisonerCasePage, Theme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "url", "first_event", "summary_start"),
    [
        (
            "en",
            "/en/cases/ahmadreza-djalali/",
            "Arrested during a visit to Iran",
            "A Swedish-Iranian",
        ),
        (
            "nl",
            "/nl/zaken/ahmadreza-djalali/",
            "Opgepakt tijdens een bezoek aan Iran",
            "Een Zweeds-Iraanse",
        ),
        (
            "fr",
            "/fr/affaires/ahmadreza-djalali/",
            "Arrêté lors d’un séjour en Iran",
            "Chercheur suédo-iranien",
        ),
    ],
)
def test_demo_case_is_published_in_each_language(
    djalali, client, language, url, first_event, summary_start
):
    page = djalali[language]
    assert page.live and page.title == "Ahmadreza Djalali"
    assert page.url == url
    assert client.get(url).status_code == 200
    assert page.status == CaseStatus.SENTENCED_TO_DEATH
    assert page.country_of_detention.code == "IR"
    assert page.summary.startswith(summary_start)
    first = page.timeline[0].value
    assert first["title"] == first_event
    assert first["kind"] == TimelineEventKind.ARREST
    assert (first["date"], first["date_precision"]) == (
        datetime.date(2016, 4, 1),
        DatePrecision.MONTH,
    )


def test_demo_timeline_runs_from_the_arrest_to_the_latest_update(djalali):
    page = djalali["en"]
    dates = [event.value["date"] for event in page.timeline]
    assert dates == sorted(dates)
    assert dates[-1] == page.updates[0].value["date"] == datetime.date(2020, 3, 1)
    texts = " ".join(event.value["text"] for event in page.timeline)
    assert "92/2017" in texts
    assert "121 Nobel laureates" in texts
    assert "Vrije Universiteit Brussel" in texts
    kinds = {event.value["kind"] for event in page.timeline}
    assert {"arrest", "charge", "sentence", "appeal", "transfer", "health"} <= kinds


def test_demo_case_has_numbered_sources_and_updates_newest_first(djalali):
    for page in djalali.values():
        assert len(page.sources) >= 10
        urls = [source.value["url"] for source in page.sources if source.value["url"]]
        assert "https://www.ohchr.org/" in urls
        dates = [update.value["date"] for update in page.updates]
        assert dates == sorted(dates, reverse=True)


def test_demo_body_has_a_health_section_in_every_language(djalali):
    headings = {
        code: [b.value for b in page.body if b.block_type == "heading"]
        for code, page in djalali.items()
    }
    assert "His health" in headings["en"]
    assert "Zijn gezondheid" in headings["nl"]
    assert "Sa santé" in headings["fr"]


def test_demo_portrait_is_a_real_image_with_alt_text_and_credit(djalali):
    page = djalali["en"]
    assert page.portrait.width == 480 and page.portrait.height == 600
    assert page.portrait_alt_text and page.photo_credit
    assert djalali["nl"].portrait_alt_text.startswith("Tijdelijk portret")


def test_reloading_the_demo_updates_the_case_in_place(djalali):
    before = {
        code: (page.pk, [e.id for e in page.timeline]) for code, page in djalali.items()
    }
    call_command("load_demo", stdout=StringIO())
    after = {
        page.locale.language_code: (page.pk, [e.id for e in page.timeline])
        for page in PrisonerCasePage.objects.filter(slug="ahmadreza-djalali")
    }
    assert after == before
    assert Image.objects.filter(title__startswith="Demo portrait").count() == 1
    assert Theme.objects.filter(slug="death-penalty").count() == 1
