"""One rule for snippets shown on a page: each in the page's language where it is
translated, else in the source language, in the HTML page and the API alike."""

import pytest

from casepages.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def untranslated_theme(djalali, locales):
    """A new English theme, not translated yet, linked to the case in every language."""
    theme = Theme.objects.create(
        name="Hostage diplomacy", slug="hostage-diplomacy", locale=locales["en"]
    )
    for page in djalali.values():
        page.themes.add(theme)
        page.save()
    return theme


def test_a_page_shows_each_theme_in_its_language_or_else_the_source(
    djalali, untranslated_theme
):
    names = {theme.name for theme in djalali["nl"].get_themes()}
    assert names == {
        "Doodstraf",
        "Academische vrijheid",
        "Oneerlijk proces",
        "Foltering",
        "Hostage diplomacy",
    }


def test_the_api_shows_the_same_themes_as_the_page(client, djalali, untranslated_theme):
    from django.core.cache import cache

    cache.clear()
    body = client.get(f"/api/v1/nl/cases/{djalali['nl'].slug}/").json()
    assert {theme["name"] for theme in body["themes"]} == {
        theme.name for theme in djalali["nl"].get_themes()
    }


def test_rally_organisers_are_shown_in_the_page_language(client, locales):
    from actions.models import RallyPage

    rally = (
        RallyPage.objects.live()
        .filter(locale=locales["nl"])
        .exclude(organisers=None)
        .first()
    )
    assert rally is not None
    html = client.get(rally.url).content.decode()
    for organisation in rally.get_organisers():
        assert (
            organisation.locale_id == locales["nl"].pk
            or not organisation.get_translations().filter(locale=locales["nl"]).exists()
        )
        assert organisation.name in html
