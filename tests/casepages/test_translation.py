"""Facts are synchronised from the source page; text stays in its translation."""

import datetime

import pytest
from wagtail_localize.models import OverridableSegment, TranslationSource

from casepages.choices import CaseStatus
from casepages.models import PrisonerCasePage, Theme

pytestmark = pytest.mark.django_db


def resync(page: PrisonerCasePage, locale) -> PrisonerCasePage:
    """Update the translation source and re-run the translation, as a translator's
    “Sync translated pages” does, then publish it."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    source.create_or_update_translation(locale, publish=False)
    target = source.get_translated_instance(locale)
    target.get_latest_revision().publish()
    return PrisonerCasePage.objects.get(pk=target.pk)


def test_new_facts_reach_the_dutch_page_while_its_text_stays_dutch(djalali, locales):
    page = djalali["en"]
    page.status = CaseStatus.RELEASED
    page.country_of_detention = "BE"
    page.detained_since = datetime.date(2016, 5, 1)
    timeline = page.timeline.raw_data
    timeline[0]["value"]["date"] = "2016-03-01"
    page.timeline = timeline
    page.save_revision().publish()

    dutch = resync(PrisonerCasePage.objects.get(pk=page.pk), locales["nl"])

    assert dutch.status == CaseStatus.RELEASED
    assert dutch.country_of_detention.code == "BE"
    assert dutch.detained_since == datetime.date(2016, 5, 1)
    assert dutch.timeline[0].value["date"] == datetime.date(2016, 3, 1)
    assert dutch.timeline[0].value["title"] == "Opgepakt tijdens een bezoek aan Iran"
    assert dutch.summary.startswith("Een Zweeds-Iraanse onderzoeker")
    assert dutch.title == "Ahmadreza Djalali"
    assert dutch.url == "/nl/zaken/ahmadreza-djalali/"


def test_a_translation_keeps_the_source_portrait_dates_and_source_urls(djalali):
    english, french = djalali["en"], djalali["fr"]
    assert french.portrait_id == english.portrait_id
    assert french.born_on == english.born_on
    assert list(french.nationalities) == list(english.nationalities)
    assert [s.value["url"] for s in french.sources] == [
        s.value["url"] for s in english.sources
    ]
    assert [s.id for s in french.sources] == [s.id for s in english.sources]
    assert french.portrait_alt_text.startswith("Portrait provisoire")


def test_a_translator_is_offered_no_source_url_to_override(djalali):
    source, _created = TranslationSource.update_or_create_from_instance(djalali["en"])
    overridable = set(
        OverridableSegment.objects.filter(source=source).values_list(
            "context__path", flat=True
        )
    )
    assert not [path for path in overridable if path.startswith("sources.")]
    # Source titles are still offered for translation.
    assert source.stringsegment_set.filter(context__path__startswith="sources.")


def test_facts_cannot_be_overridden_by_a_translator():
    rules = {
        field.field_name: field
        for field in PrisonerCasePage.translatable_fields
        if not field.is_translated(PrisonerCasePage())
    }
    for name in ("status", "country_of_detention", "detained_since", "born_on"):
        assert not rules[name].is_overridable(PrisonerCasePage())
    assert "themes" in rules


def test_themes_are_linked_once_and_shown_in_the_page_language(djalali):
    slugs = {theme.slug for theme in djalali["nl"].themes.all()}
    assert slugs == {"death-penalty", "academic-freedom", "unfair-trial", "torture"}
    assert {theme.name for theme in djalali["nl"].get_themes()} == {
        "Doodstraf",
        "Academische vrijheid",
        "Oneerlijk proces",
        "Foltering",
    }
    assert "Peine de mort" in {theme.name for theme in djalali["fr"].get_themes()}


def test_each_theme_exists_in_three_languages_as_translations():
    death_penalty = Theme.objects.get(locale__language_code="en", slug="death-penalty")
    translations = {
        theme.locale.language_code: theme.slug
        for theme in death_penalty.get_translations(inclusive=True)
    }
    assert translations == {
        "en": "death-penalty",
        "nl": "doodstraf",
        "fr": "peine-de-mort",
    }
