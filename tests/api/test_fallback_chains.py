"""Fallback chains: ?fallback=1 walks each language's ordered list on details,
resolve and lists, and never serves a translation that is not live."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.casepages import PrisonerCasePageFactory

pytestmark = pytest.mark.django_db


def english_only_cases(case_index, count: int, start: int = 0) -> list:
    return [
        PrisonerCasePageFactory(parent=case_index["en"], slug=f"only-english-{n}")
        for n in range(start, start + count)
    ]


def test_a_list_fills_its_gaps_one_item_per_page_in_the_best_language(
    api, case_index, cases
):
    (extra,) = english_only_cases(case_index, 1)
    plain = api.get("/api/v1/nl/cases/").json()["results"]
    assert extra.pk not in {item["id"] for item in plain}

    items = api.get("/api/v1/nl/cases/?fallback=1").json()["results"]
    by_id = {item["id"]: item for item in items}
    assert by_id[extra.pk]["locale"] == "en"
    assert by_id[extra.pk]["fallback"] is True
    assert by_id[cases["nl"].pk]["locale"] == "nl"
    assert by_id[cases["nl"].pk]["fallback"] is False
    # One item per translation key: the English Djalali is not listed beside the Dutch.
    assert cases["en"].pk not in by_id


def test_a_list_with_fallback_keeps_a_constant_number_of_queries(api, case_index):
    def queries() -> int:
        from django.core.cache import cache

        # A first answer makes the new portraits' renditions; count the second.
        api.get("/api/v1/fr/cases/?fallback=1")
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert api.get("/api/v1/fr/cases/?fallback=1").status_code == 200
        return len(captured)

    english_only_cases(case_index, 1)
    few = queries()
    english_only_cases(case_index, 4, start=1)
    assert queries() == few


def test_a_translation_that_is_not_live_is_never_served(api, cases, settings):
    cases["nl"].unpublish()
    items = api.get("/api/v1/nl/cases/?fallback=1").json()["results"]
    served = {item["id"]: item["locale"] for item in items}
    assert cases["nl"].pk not in served
    assert served[cases["en"].pk] == "en"
    detail = api.get(f"/api/v1/nl/cases/{cases['nl'].slug}/?fallback=1").json()
    assert detail["id"] == cases["en"].pk and detail["fallback"] is True


def test_the_chain_is_walked_in_its_order(api, cases, settings):
    settings.API_LOCALE_FALLBACKS = {"fr": ["nl", "en"]}
    cases["fr"].unpublish()
    detail = api.get(f"/api/v1/fr/cases/{cases['fr'].slug}/?fallback=1")
    assert detail.json()["locale"] == "nl"
    assert detail["Content-Language"] == "nl"
    resolved = api.get("/api/v1/resolve/", {"path": cases["fr"].url, "fallback": "1"})
    assert resolved.json()["locale"] == "nl"
    items = api.get("/api/v1/fr/cases/?fallback=1").json()["results"]
    assert {item["id"]: item["locale"] for item in items}[cases["nl"].pk] == "nl"

    cases["nl"].unpublish()
    detail = api.get(f"/api/v1/fr/cases/{cases['fr'].slug}/?fallback=1").json()
    assert detail["locale"] == "en"
