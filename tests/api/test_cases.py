"""Contract of the cases endpoints: list, filters, pagination, detail, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casepages.models import Theme
from ngo_cms.api import messages
from tests.factories.casepages import PrisonerCasePageFactory

from .conftest import LOCALES, message

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("locale", LOCALES)
def test_case_list_shows_the_cases_of_the_locale(api, locale, cases):
    response = api.get(f"/api/v1/{locale}/cases/")
    assert response.status_code == 200
    assert response["Content-Language"] == locale
    body = response.json()
    assert set(body) == {
        "count",
        "page",
        "page_size",
        "num_pages",
        "next",
        "previous",
        "results",
    }
    item = next(i for i in body["results"] if i["id"] == cases[locale].pk)
    assert item["locale"] == locale
    assert item["status"]["value"] == cases[locale].status
    assert "timeline" not in item
    assert {"summary", "portrait", "themes", "country_of_detention"} <= set(item)


@pytest.mark.parametrize("locale", LOCALES)
def test_case_detail_has_every_field_and_themes_in_the_locale(api, locale, cases):
    page = cases[locale]
    body = api.get(f"/api/v1/{locale}/cases/{page.slug}/").json()
    for field in (
        "name_original_script",
        "portrait",
        "photo_credit",
        "born_on",
        "nationalities",
        "occupation",
        "country_of_detention",
        "status",
        "detained_since",
        "place_of_detention",
        "charges",
        "sentence",
        "summary",
        "body",
        "timeline",
        "sources",
        "updates",
        "themes",
    ):
        assert field in body, field
    theme_ids = {theme["id"] for theme in body["themes"]}
    assert theme_ids
    assert set(
        Theme.objects.filter(pk__in=theme_ids).values_list(
            "locale__language_code", flat=True
        )
    ) == {locale}
    block = body["timeline"][0]
    assert set(block) == {"type", "id", "value"}
    assert body["portrait"]["alt"] == page.portrait_alt_text


def test_rich_text_links_point_at_public_paths(api, cases):
    body = api.get(f"/api/v1/nl/cases/{cases['nl'].slug}/").json()
    html = "".join(
        block["value"] for block in body["body"] if block["type"] == "paragraph"
    )
    assert 'linktype="' not in html


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("status=free", "invalid_filter"),
        ("country=XX", "invalid_filter"),
        ("country=ir", "invalid_filter"),
        ("theme=no such theme", "invalid_filter"),
        ("status=", "invalid_filter"),
        ("status=detained&status=released", "invalid_filter"),
        ("ordering=age", "invalid_filter"),
        ("page=zero", "invalid_page"),
        ("page_size=500", "invalid_page_size"),
    ],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_bad_filter_values_are_translated_400s(api, locale, query, code):
    response = api.get(f"/api/v1/{locale}/cases/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == code
    assert body["errors"]
    assert response["Content-Language"] == locale


@pytest.mark.parametrize("locale", LOCALES)
def test_page_past_the_last_is_a_translated_404(api, locale):
    response = api.get(f"/api/v1/{locale}/cases/?page=99")
    assert response.status_code == 404
    assert response.json()["message"] == message(
        messages.PAGE_OUT_OF_RANGE, locale, page=99, num_pages=1
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_unknown_case_slug_is_a_translated_404(api, locale):
    response = api.get(f"/api/v1/{locale}/cases/nobody/")
    assert response.status_code == 404
    assert response.json() == {
        "status": 404,
        "code": "unknown_slug",
        "message": message(messages.UNKNOWN_SLUG, locale, slug="nobody"),
        "errors": {},
    }


def test_filters_select_matching_cases(api, cases, case_index):
    other = PrisonerCasePageFactory(parent=case_index["en"], status="released")
    en = cases["en"]
    theme = en.themes.first()

    def ids(query: str) -> set[int]:
        return {
            item["id"]
            for item in api.get(f"/api/v1/en/cases/?{query}").json()["results"]
        }

    assert ids("status=released") == {other.pk}
    assert ids(f"country={en.country_of_detention.code}") == {en.pk}
    assert ids("country=BY") == {other.pk}
    assert ids("theme=no-such-theme") == set()
    assert ids(f"theme={theme.slug}") == {en.pk}
    assert ids("q=" + en.title.split()[0]) == {en.pk}
    titles = [
        i["title"]
        for i in api.get("/api/v1/en/cases/?ordering=title").json()["results"]
    ]
    assert titles == sorted(titles)


def test_theme_filter_takes_the_slug_of_the_requested_language(api, cases):
    nl_theme = Theme.objects.get(
        translation_key=cases["en"].themes.first().translation_key,
        locale__language_code="nl",
    )
    body = api.get(f"/api/v1/nl/cases/?theme={nl_theme.slug}").json()
    assert [item["id"] for item in body["results"]] == [cases["nl"].pk]


def test_pagination_pages_through_the_list(api, case_index):
    for _ in range(4):
        PrisonerCasePageFactory(parent=case_index["en"])
    body = api.get("/api/v1/en/cases/?page_size=2&page=2").json()
    assert body["count"] == 5
    assert body["num_pages"] == 3
    assert len(body["results"]) == 2
    assert "page=3" in body["next"]
    assert "page=1" in body["previous"]


def _count_queries(api, url: str) -> int:
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200
    return len(queries)


def _make_cases(index, like, count: int) -> None:
    """``count`` cases like the demo case (portrait, themes), so that every list
    item costs the same to serialize."""
    themes = list(like.themes.all())
    for _ in range(count):
        page = PrisonerCasePageFactory(parent=index, portrait=like.portrait)
        page.themes.set(themes)
        page.save()


def test_list_queries_do_not_grow_with_pages_or_page_size(api, case_index, cases):
    _make_cases(case_index["en"], cases["en"], 10)
    api.get("/api/v1/en/cases/")  # warm process-wide caches (content types)
    small = _count_queries(api, "/api/v1/en/cases/?page_size=5")
    large_page = _count_queries(api, "/api/v1/en/cases/?page_size=50")
    _make_cases(case_index["en"], cases["en"], 90)
    many = _count_queries(api, "/api/v1/en/cases/?page_size=50")
    assert small == large_page == many


def test_full_case_detail_takes_at_most_twelve_queries(api, cases):
    # Warm Wagtail's own caches (site root paths, content types) as a server would.
    api.get(f"/api/v1/en/cases/{cases['en'].slug}/")
    assert _count_queries(api, f"/api/v1/en/cases/{cases['en'].slug}/") <= 12
