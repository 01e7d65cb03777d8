"""The OpenAPI schema validates, and every documented endpoint answers as documented."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from ngo_cms.api import messages

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api) -> dict:
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_schema_validates_without_warnings():
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        "/dev/null",
        stdout=StringIO(),
    )


def test_schema_describes_only_api_v1(schema):
    assert schema["paths"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_docs_page_uses_no_cdn(api):
    response = api.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = schema["components"]["schemas"][name]
    if "allOf" in node:
        merged: dict = {"properties": {}, "required": []}
        for part in node["allOf"]:
            part = _resolve(schema, part)
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return merged
    return node


def test_every_documented_get_answers_with_the_documented_keys(
    api, schema, cases, actions, rallies
):
    slugs = {
        "cases": cases["en"].slug,
        "actions": actions["en"].slug,
        "rallies": rallies["en"].slug,
    }
    extra = {
        "/api/v1/resolve/": "?path=/en/",
        "/api/v1/preview/": "",
    }
    checked = 0
    for template, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        section = template.split("/")[4] if template.count("/") > 4 else ""
        url = template.replace("{locale}", "en").replace(
            "{slug}", slugs.get(section, "x")
        ) + extra.get(template, "")
        response = api.get(url)
        documented = operations["get"]["responses"]
        assert str(response.status_code) in documented, (url, response.status_code)
        content = documented[str(response.status_code)].get("content", {})
        media = response["Content-Type"].split(";")[0]
        assert media in content, (url, media)
        if media == "application/json":
            node = _resolve(schema, content[media]["schema"])
            body = response.json()
            if node.get("type") == "array":
                node = _resolve(schema, node["items"])
                body = body[0]
            if "properties" in node and isinstance(body, dict):
                assert set(node.get("required", [])) <= set(body), url
                assert set(body) <= set(node["properties"]) or url.endswith(
                    "resolve/?path=/en/"
                ), url
        checked += 1
    assert checked >= 12


def test_signing_errors_are_documented(api, schema, actions):
    operation = schema["paths"]["/api/v1/{locale}/actions/{slug}/signatures/"]["post"]
    response = api.post(f"/api/v1/en/actions/{actions['en'].slug}/signatures/", data={})
    assert response.status_code == 400
    assert {"202", "400", "404", "409", "429", "503"} <= set(operation["responses"])


class AnyParams(dict):
    """Fills every ``%(name)s`` placeholder (and picks the plural form for 2)."""

    def __missing__(self, key: str) -> int:
        return 2


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_message_has_a_dutch_and_french_translation(language):
    from django.utils import translation

    for name in dir(messages):
        if not name.isupper():
            continue
        message = getattr(messages, name)
        with translation.override("en"):
            english = str(message % AnyParams())
        with translation.override(language):
            translated = str(message % AnyParams())
        assert translated != english, name


def test_schema_is_cached_per_format(api):
    yaml_answer = api.get("/api/v1/schema/")
    json_answer = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert yaml_answer["Content-Type"].startswith("application/vnd.oai.openapi")
    assert "json" in json_answer["Content-Type"]
    assert "json" not in yaml_answer["Content-Type"]
    assert json_answer.content.startswith(b"{")
    assert "ETag" in yaml_answer
    assert (
        api.get("/api/v1/schema/", HTTP_IF_NONE_MATCH=yaml_answer["ETag"]).status_code
        == 304
    )
