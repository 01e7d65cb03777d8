"""The core and casepages work without actions installed: layers point one way.

Run in a subprocess with their own settings (``settings_without_actions``), since
the app registry of this test session has actions loaded for good.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_and_casepages_migrate_and_serve_without_actions(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.install.settings_without_actions",
        "WITHOUT_ACTIONS_DATABASE": str(tmp_path / "db.sqlite3"),
        "PYTHONPATH": str(ROOT),
    }
    for command in (
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--no-input", "-v", "0"],
        [sys.executable, str(ROOT / "manage.py"), "check", "--fail-level", "WARNING"],
        [sys.executable, str(Path(__file__).with_name("without_actions_script.py"))],
    ):
        result = subprocess.run(
            command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))

    assert report["home_subpage_types"] == ["casepages.CaseIndexPage"]
    assert set(report["index"]["endpoints"]) >= {"cases", "locales", "resolve"}
    assert not {"actions", "rallies"} & set(report["index"]["endpoints"])
    assert (report["list"], report["detail"]) == (200, 200)
    assert report["actions"] == 404
    assert (report["edit_case"], report["add_case"]) == (200, 200)
    assert report["page"] == 200
