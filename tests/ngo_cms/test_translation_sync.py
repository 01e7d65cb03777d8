"""Facts follow the source at once; changed text shows as untranslated at once.

Publishing an English source writes its synchronised fields onto the Dutch and French
translations (live and their latest revision) in the same transaction, leaves their
translated text alone, and brings wagtail-localize's snapshot of the source up to date
so that the translation editor shows the new text as untranslated.
"""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from actions.models import Organisation, RallyPage
from casepages.models import PrisonerCasePage
from ngo_cms.signals import translation_source_updated
from tests.actions.test_rally_admin import rally_form_data

pytestmark = pytest.mark.django_db


def translation_set(model: type[Page]) -> dict[str, Page]:
    """The first live demo page of ``model`` and its translations, by language."""
    pages = model.objects.live().filter(alias_of__isnull=True)
    first = pages.filter(locale__language_code="en").order_by("pk").first()
    return {
        page.locale.language_code: page
        for page in pages.filter(translation_key=first.translation_key)
    }


@pytest.fixture
def received():
    """The ``translation_source_updated`` signals sent during the test."""
    calls = []

    def receiver(sender, **kwargs):
        calls.append(kwargs)

    translation_source_updated.connect(receiver)
    yield calls
    translation_source_updated.disconnect(receiver)


def test_cancelling_the_english_rally_cancels_it_in_every_language_at_once(
    admin_client, client, django_capture_on_commit_callbacks
):
    rallies = translation_set(RallyPage)
    english, dutch = rallies["en"], rallies["nl"]
    assert {"nl", "fr"} <= set(rallies)
    assert dutch.organisers.exists() or english.organisers.exists()
    dutch_title, dutch_summary = dutch.title, dutch.summary
    # Prime the API response cache with the scheduled rally.
    detail = f"/api/v1/nl/rallies/{dutch.slug}/"
    assert client.get(detail).json()["status"]["value"] != "cancelled"

    data = rally_form_data(english, status="cancelled", summary=english.summary)
    data["action-publish"] = "publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), data
        )
    assert response.status_code == 302

    labels = {"nl": "geannuleerd", "fr": "annulé"}
    for code in ("nl", "fr"):
        page = RallyPage.objects.get(pk=rallies[code].pk)
        body = client.get(f"/api/v1/{code}/rallies/{page.slug}/").json()
        assert body["status"] == {"value": "cancelled", "label": labels[code]}
        assert body["time_zone"] == "Europe/London"
        assert body["organisers"] == []
        html = client.get(page.url).content.decode()
        assert labels[code] in html
        ical = client.get(f"/api/v1/{code}/rallies/{page.slug}/ical/").content
        assert b"STATUS:CANCELLED" in ical
        # The draft a translator or editor opens next has the fact too.
        assert page.get_latest_revision_as_object().status == "cancelled"
        assert not page.has_unpublished_changes

    dutch.refresh_from_db()
    assert (dutch.title, dutch.summary) == (dutch_title, dutch_summary)
    assert list(dutch.organisers.all()) == []


def test_timeline_facts_follow_the_source_and_the_text_stays_translated():
    cases = translation_set(PrisonerCasePage)
    english, dutch = cases["en"], cases["nl"]
    first = english.timeline[0]
    dutch_titles = {child.id: child.value["title"] for child in dutch.timeline}
    first.value["date"] = datetime.date(2016, 3, 1)
    first.value["date_precision"] = "month"
    first.value["kind"] = "other"
    english.save_revision().publish()

    dutch.refresh_from_db()
    [moved] = [child for child in dutch.timeline if child.id == first.id]
    assert moved.value["date"] == datetime.date(2016, 3, 1)
    assert moved.value["date_precision"] == "month"
    assert moved.value["kind"] == "other"
    assert {child.id: child.value["title"] for child in dutch.timeline} == dutch_titles
    assert [child.id for child in dutch.timeline] == [
        child.id for child in english.timeline
    ]


def test_emptying_the_themes_of_a_source_empties_them_in_its_translations():
    cases = translation_set(PrisonerCasePage)
    english = cases["en"]
    assert cases["nl"].themes.exists()
    english.themes.set([])
    english.save_revision().publish()
    for code in ("nl", "fr"):
        page = PrisonerCasePage.objects.get(pk=cases[code].pk)
        assert list(page.themes.all()) == []
        assert list(page.get_latest_revision_as_object().themes.all()) == []


def test_publishing_a_translation_never_writes_back_onto_the_source():
    cases = translation_set(PrisonerCasePage)
    dutch = cases["nl"]
    dutch.status = "released"
    dutch.save_revision().publish()
    assert PrisonerCasePage.objects.get(pk=cases["en"].pk).status != "released"


def test_changed_text_shows_as_untranslated_while_the_live_translation_stays(
    admin_client, received
):
    cases = translation_set(PrisonerCasePage)
    english, dutch = cases["en"], cases["nl"]
    dutch_summary = dutch.summary
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=dutch.locale
    )
    total, translated = translation.get_progress()
    assert total == translated

    english.summary = "A new English summary the translators have not seen yet."
    english.save_revision().publish()

    source = TranslationSource.objects.get(
        object_id=english.translation_key, locale=english.locale
    )
    assert StringSegment.objects.filter(
        source=source, string__data=english.summary
    ).exists()
    total, translated = translation.get_progress()
    assert translated == total - 1
    dutch.refresh_from_db()
    assert dutch.summary == dutch_summary
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk]))
    assert english.summary in editor.content.decode()

    [call] = received
    assert call["instance"] == english
    assert call["translation_source"] == source
    assert {
        locale.language_code: strings for locale, strings in call["changed"].items()
    } == {
        "nl": [english.summary],
        "fr": [english.summary],
    }


def test_publishing_without_text_changes_sends_no_signal(received):
    english = translation_set(PrisonerCasePage)["en"]
    english.status = "released"
    english.save_revision().publish()
    assert received == []


def test_a_snippet_fact_follows_its_source_when_saved_in_the_admin(admin_client):
    english = Organisation.objects.filter(locale__language_code="en").first()
    translations = list(english.get_translations())
    names = {translation.pk: translation.name for translation in translations}
    assert translations
    url = reverse("wagtailsnippets_actions_organisation:edit", args=[english.pk])
    response = admin_client.post(
        url,
        {
            "name": english.name,
            "website": "https://example.org/new-home/",
            "description": english.description,
        },
    )
    assert response.status_code == 302
    for translation in translations:
        translation.refresh_from_db()
        assert translation.website == "https://example.org/new-home/"
        assert translation.name == names[translation.pk]


def test_a_changed_theme_name_is_announced_to_translators(admin_client, received):
    from casepages.models import Theme

    english = Theme.objects.get(locale__language_code="en", slug="torture")
    dutch = Theme.objects.get(
        translation_key=english.translation_key, locale__language_code="nl"
    )
    url = reverse("wagtailsnippets_casepages_theme:edit", args=[english.pk])
    response = admin_client.post(
        url,
        {
            "name": "Torture and ill-treatment",
            "slug": english.slug,
            "description": english.description,
        },
    )
    assert response.status_code == 302
    [call] = received
    assert call["changed"][dutch.locale] == ["Torture and ill-treatment"]
    dutch.refresh_from_db()
    assert dutch.name == "Foltering"
