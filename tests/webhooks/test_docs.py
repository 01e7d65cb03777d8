"""The receivers docs/webhooks.md shows verify the CMS's real signatures, and
refuse a wrong secret, a changed body and an old timestamp."""

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from ngo_cms.webhooks.signing import signature_header

DOC = (Path(__file__).resolve().parents[2] / "docs" / "webhooks.md").read_text()
SECRET = "whsec_test-secret"
BODY = json.dumps(
    {"id": "1", "event": "page.published", "object": {"path": "/fr/cas/détenu/"}},
    ensure_ascii=False,
    separators=(",", ":"),
).encode()


def snippet(language: str) -> str:
    match = re.search(rf"```{language}\n(.*?)```", DOC, re.DOTALL)
    assert match, f"docs/webhooks.md has no {language} receiver"
    return match.group(1)


def cases() -> list[tuple[str, str, bytes, bool]]:
    """(secret, header, body, valid?), signed now (a receiver refuses old ones)."""
    return [
        (SECRET, signature_header(SECRET, BODY), BODY, True),
        ("whsec_wrong", signature_header(SECRET, BODY), BODY, False),
        (SECRET, signature_header(SECRET, BODY), BODY + b" ", False),
        (SECRET, signature_header(SECRET, BODY, int(time.time()) - 3600), BODY, False),
        (SECRET, "v1=00", BODY, False),
    ]


def test_the_python_receiver():
    namespace: dict = {}
    exec(snippet("python"), namespace)  # noqa: S102 - our own documentation
    verify = namespace["verify_webhook"]
    checks = cases()
    assert [verify(*case[:3]) for case in checks] == [case[3] for case in checks]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_the_node_receiver():
    checks = cases()
    calls = ",".join(
        f"verifyWebhook({json.dumps(s)}, {json.dumps(h)}, "
        f"Buffer.from({json.dumps(list(b))}))"
        for s, h, b, _ok in checks
    )
    program = snippet("js") + f"\nconsole.log(JSON.stringify([{calls}]));"
    result = subprocess.run(
        ["node", "-e", program],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert json.loads(result.stdout) == [case[3] for case in checks]
