"""Machine translation from the environment, against a stand-in LibreTranslate.

The stand-in speaks LibreTranslate's real API (``POST /translate`` with a JSON body
``{q, source, target, api_key, format}``, answering ``{"translatedText": [...]}``) on
127.0.0.1, so the test covers wagtail-localize's real client and our configuration.
"""

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from casepages.models import PrisonerCasePage
from ngo_cms.machine_translation import DEEPL, LIBRETRANSLATE, machine_translator_config
from tests.ngo_cms.test_translation_sync import translation_set

pytestmark = pytest.mark.django_db


class StandInLibreTranslate(BaseHTTPRequestHandler):
    """Answers ``POST /translate`` by prefixing each text with the target language."""

    received: list[dict] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received.append({"path": self.path, **body})
        if self.path != "/translate":
            self.send_error(404)
            return
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        answer = json.dumps(
            {"translatedText": [f"({body['target']}) {text}" for text in texts]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def libretranslate() -> Iterator[tuple[str, list[dict]]]:
    """A stand-in LibreTranslate server on 127.0.0.1 (its URL, and what it received)."""
    StandInLibreTranslate.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", StandInLibreTranslate.received
    finally:
        server.shutdown()
        server.server_close()


def test_libretranslate_wins_over_deepl_and_nothing_is_configured_by_default():
    assert machine_translator_config() is None
    assert machine_translator_config(deepl_api_key="k:fx")["CLASS"] == DEEPL
    both = machine_translator_config("http://mt.local/", "", "k:fx")
    assert both["CLASS"] == LIBRETRANSLATE
    assert both["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://mt.local"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "None"),
        ({"DEEPL_API_KEY": "k:fx"}, "DeepLTranslator k:fx"),
        (
            {"LIBRETRANSLATE_URL": "http://127.0.0.1:5000/", "DEEPL_API_KEY": "k"},
            "LibreTranslator http://127.0.0.1:5000",
        ),
    ],
)
def test_settings_read_the_machine_translator_from_the_environment(env, expected):
    names = ("LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY", "DEEPL_API_KEY")
    clean = {key: value for key, value in os.environ.items() if key not in names}
    code = (
        "from example_site.settings import base; c = base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR; "
        "print(c and c['CLASS'].rsplit('.', 1)[1] + ' ' + "
        "(c['OPTIONS'].get('LIBRETRANSLATE_URL') or c['OPTIONS'].get('AUTH_KEY')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == expected


def test_the_editor_prefills_untranslated_segments_with_libretranslate(
    admin_client, settings, libretranslate
):
    url, received = libretranslate
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_config(
        url, "secret-key"
    )
    cases = translation_set(PrisonerCasePage)
    english, dutch = cases["en"], cases["nl"]
    english.summary = "A researcher sentenced to death after an unfair trial."
    english.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=dutch.locale
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    assert "LibreTranslate" in admin_client.get(edit_url).content.decode()

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": edit_url},
    )
    assert response.status_code == 302
    [call] = received
    assert call["path"] == "/translate"
    assert (call["source"], call["target"], call["api_key"]) == (
        "en",
        "nl",
        "secret-key",
    )
    assert call["q"] == [english.summary]
    stored = StringTranslation.objects.get(
        translation_of__data=english.summary, locale=dutch.locale
    )
    assert stored.data == f"(nl) {english.summary}"
    assert stored.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert stored.tool_name == "LibreTranslate"
