"""The schema says exactly what the server does (the points typed clients tripped on)."""

import json
import re

import pytest
from django.core.cache import cache, caches

from actions.choices import ActionStatus, RallyStatus
from casepages.choices import CaseStatus
from tests.factories.actions import valid_signature_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api) -> dict:
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def _property(schema: dict, component: str, name: str) -> dict:
    return schema["components"]["schemas"][component]["properties"][name]


def test_each_vocabulary_has_its_own_enum(schema):
    components = schema["components"]["schemas"]
    assert components["CaseStatusEnum"]["enum"] == CaseStatus.values
    assert components["ActionStatusEnum"]["enum"] == ActionStatus.values
    assert components["RallyStatusEnum"]["enum"] == RallyStatus.values
    for component, status in (
        ("CaseSummary", "CaseStatus"),
        ("ActionSummary", "ActionStatus"),
        ("RallySummary", "RallyStatus"),
    ):
        ref = _property(schema, component, "status")["allOf"][0]["$ref"]
        assert ref.endswith("/" + status)
    assert _property(schema, "RallyStatus", "value")["$ref"].endswith("RallyStatusEnum")
    assert "Status" not in components and "ValueEnum" not in components


def test_every_reference_names_an_existing_component(schema):
    text = json.dumps(schema)
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', text))
    assert "Rendition" in refs
    assert refs <= set(schema["components"]["schemas"])


def test_nullables_are_typed_and_never_beside_a_bare_allof(schema):
    text = json.dumps(schema)
    assert '"nullable"' not in text
    portrait = _property(schema, "CaseSummary", "portrait")
    assert {"type": "null"} in portrait["oneOf"]


def test_calendars_are_declared_as_text(schema):
    for path in (
        "/api/v1/{locale}/rallies/ical/",
        "/api/v1/{locale}/rallies/{slug}/ical/",
    ):
        responses = schema["paths"][path]["get"]["responses"]
        assert responses["200"]["content"]["text/calendar"]["schema"] == {
            "type": "string"
        }
        assert "application/json" in responses["404"]["content"]


def test_signing_documents_every_error_it_can_answer(schema):
    responses = schema["paths"]["/api/v1/{locale}/actions/{slug}/signatures/"]["post"][
        "responses"
    ]
    assert {"400", "404", "405", "409", "413", "415", "429"} <= set(responses)
    for status in ("400", "404", "405", "409", "413", "415", "429"):
        assert responses[status]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }


def test_no_format_parameter_is_documented(schema):
    names = {
        parameter["name"]
        for operations in schema["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
    }
    assert "format" not in names


def test_format_parameter_is_ignored_rather_than_an_empty_error(api):
    assert api.get("/api/v1/en/cases/?format=xml").status_code == 200
    feed = api.get("/api/v1/en/rallies/ical/", HTTP_ACCEPT="text/calendar")
    assert feed["Content-Type"].startswith("text/calendar")


def test_calendar_errors_are_json_even_when_a_calendar_is_asked_for(api):
    response = api.get("/api/v1/xx/rallies/ical/", HTTP_ACCEPT="text/calendar")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "unknown_locale"


@pytest.mark.parametrize(
    "query",
    ["country=ir", "country=XX", "fallback=yes", "status=", "q=a%00b", "page=1&page=2"],
)
def test_the_server_refuses_what_the_schema_forbids(api, cases, query):
    url = f"/api/v1/en/cases/?{query}"
    if query.startswith("fallback"):
        url = f"/api/v1/en/cases/{cases['en'].slug}/?{query}"
    response = api.get(url)
    assert response.status_code == 400, response.content
    code = "nul_character" if "%00" in query else "invalid_filter"
    assert response.json()["code"] == code


def test_signing_json_must_have_the_documented_types(api, actions):
    response = api.post(
        f"/api/v1/en/actions/{actions['en'].slug}/signatures/",
        data=json.dumps(
            {
                **valid_signature_data(consent_contact=False),
                "first_name": 12,
                "country": "be",
                "consent_privacy": "on",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {
        "first_name",
        "country",
        "consent_privacy",
    }


def test_retry_after_and_the_message_name_the_same_seconds(api, actions, settings):
    settings.SIGNING_RATES = {**settings.SIGNING_RATES, "client": "1/minute"}
    cache.clear()
    caches["throttle"].clear()
    url = f"/api/v1/nl/actions/{actions['nl'].slug}/signatures/"
    api.post(url, data={})
    response = api.post(url, data={})
    assert response.status_code == 429
    seconds = response["Retry-After"]
    assert f" {seconds} " in response.json()["message"]
