"""Every string the actions app shows has a Dutch and a French translation pending."""

import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def msgids() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "actions").rglob("*.py"):
        if "migrations" in path.parts or path.name == "demo.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    for path in (ROOT / "actions" / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'{% trans "([^"]+)" %}', text))
        for body in re.findall(r"{% blocktrans[^%]*%}(.*?){% endblocktrans %}", text):
            found.add(re.sub(r"{{ (\w+) }}", r"%(\1)s", body))
    return found


def test_every_actions_string_has_pending_dutch_and_french():
    pending = {}
    for name in ("actions.json", "review.json"):
        path = ROOT / "locale" / "pending" / name
        if path.exists():
            pending.update(json.loads(path.read_text(encoding="utf-8")))
    missing = sorted(m for m in msgids() if m not in pending)
    assert missing == []
    for msgid, entry in pending.items():
        assert entry["nl"].strip() and entry["fr"].strip(), msgid
