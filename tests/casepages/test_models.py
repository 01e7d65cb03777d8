"""The rules of case pages: where they live, how they order and show their facts."""

import datetime

import pytest
from django.utils import translation

from casepages.choices import DatePrecision
from casepages.models import CaseIndexPage, PrisonerCasePage
from ngo_cms.models import HomePage
from tests.factories.casepages import PrisonerCasePageFactory

pytestmark = pytest.mark.django_db


def test_cases_can_be_added_under_the_case_index_only(case_index):
    assert PrisonerCasePage.can_create_at(case_index)
    assert not PrisonerCasePage.can_create_at(HomePage.objects.first())
    assert CaseIndexPage.allowed_subpage_models() == [PrisonerCasePage]
    assert PrisonerCasePage.allowed_subpage_models() == []


def test_timeline_is_saved_oldest_first_and_updates_newest_first(case_index):
    page = PrisonerCasePageFactory(
        parent=case_index,
        timeline__0__event__date=datetime.date(2022, 3, 1),
        timeline__0__event__title="Trial",
        timeline__1__event__date=datetime.date(2021, 5, 4),
        timeline__1__event__title="Arrest",
        updates__0__update__date=datetime.date(2022, 1, 1),
        updates__0__update__text="Older",
        updates__1__update__date=datetime.date(2023, 1, 1),
        updates__1__update__text="Newer",
    )
    page.refresh_from_db()
    assert [e.value["title"] for e in page.timeline] == ["Arrest", "Trial"]
    assert [u.value["text"] for u in page.updates] == ["Newer", "Older"]


def test_sorting_keeps_the_block_ids_translations_are_keyed_by(case_index):
    page = PrisonerCasePageFactory(
        parent=case_index,
        timeline__0__event__date=datetime.date(2022, 3, 1),
        timeline__1__event__date=datetime.date(2021, 5, 4),
    )
    ids = {e.id for e in page.timeline}
    page.save_revision().publish()
    page.refresh_from_db()
    assert {e.id for e in page.timeline} == ids


@pytest.mark.parametrize(
    ("language", "name"),
    [("en", "Belarus"), ("nl", "Wit-Rusland"), ("fr", "Biélorussie")],
)
def test_country_of_detention_is_named_in_the_reader_language(
    case_index, language, name
):
    page = PrisonerCasePageFactory(parent=case_index, country_of_detention="BY")
    with translation.override(language):
        assert page.country_of_detention_name == name
        assert page.country_of_detention.name == name


def test_case_page_shows_facts_timeline_updates_and_numbered_sources(client, djalali):
    html = client.get(djalali["en"].url).content.decode()
    assert "<h1>Ahmadreza Djalali" in html
    assert "<dt>Status</dt><dd>sentenced to death</dd>" in html
    assert "Iran" in html and "Sweden" in html
    assert '<time datetime="2016-04">April 2016</time>' in html
    assert '<time datetime="2017-10-21">' in html
    assert 'id="source-17"' in html
    assert '<a href="#source-1">[1]</a>' in html
    assert 'alt="Placeholder portrait' in html


def test_month_precision_dates_show_the_month_in_the_page_language(client, djalali):
    html = client.get(djalali["fr"].url).content.decode()
    assert '<time datetime="2016-04">avril 2016</time>' in html


def test_year_precision_date_shows_the_year_only(case_index, client):
    page = PrisonerCasePageFactory(
        parent=case_index,
        timeline__0__event__date=datetime.date(2019, 1, 1),
        timeline__0__event__date_precision=DatePrecision.YEAR,
    )
    html = client.get(page.url).content.decode()
    assert '<time datetime="2019">2019</time>' in html
