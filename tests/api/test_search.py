"""``?q=`` searches in the list's language: stems, folds accents, ranks (PostgreSQL),
and matches substrings on the embedded SQLite database."""

import pytest

from tests.factories.casepages import PrisonerCasePageFactory


def found(api, locale: str, query: str) -> list[str]:
    body = api.get(f"/api/v1/{locale}/cases/", {"q": query}).json()
    return [item["title"] for item in body["results"]]


@pytest.fixture
def searchable(case_index):
    PrisonerCasePageFactory(
        parent=case_index["nl"],
        title="Drie gevangenen in hongerstaking",
        summary="De gevangenen weigeren al weken voedsel.",
    )
    PrisonerCasePageFactory(
        parent=case_index["fr"],
        title="Trois exécutions annoncées",
        summary="Les exécutions ont été annoncées à la télévision.",
    )
    PrisonerCasePageFactory(
        parent=case_index["fr"],
        title="Une militante libérée",
        summary="Elle a été libérée après une exécution évitée de justesse.",
    )


@pytest.mark.requires_postgres
def test_dutch_search_finds_the_plural_of_a_singular(api, searchable):
    assert found(api, "nl", "gevangene") == ["Drie gevangenen in hongerstaking"]


@pytest.mark.requires_postgres
def test_french_search_ignores_accents_and_number_and_ranks(api, searchable):
    for query in ("exécution", "execution", "EXECUTIONS"):
        titles = found(api, "fr", query)
        # Named in the title and the summary: first; named once in the summary: next.
        assert titles == ["Trois exécutions annoncées", "Une militante libérée"]


@pytest.mark.requires_postgres
def test_a_search_stays_in_the_lists_language(api, searchable):
    assert found(api, "en", "gevangenen") == []
    assert found(api, "nl", "exécutions") == []


def test_search_matches_part_of_a_title_in_any_database(api, searchable):
    assert "Drie gevangenen in hongerstaking" in found(api, "nl", "gevangenen")
