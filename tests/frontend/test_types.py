"""The reference front end type-checks against the API's own schema.

The schema (``manage.py spectacular``) goes through openapi-typescript, and ``tsc
--noEmit`` checks the front end's JSDoc-annotated JavaScript (``checkJs``) against
the generated types: a field the API renames or a status it drops breaks this test.
"""

import subprocess
import sys
from pathlib import Path

from tests.frontend.node import npm_tools

ROOT = Path(__file__).resolve().parents[2]


def run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )


def test_front_end_type_checks_against_the_generated_schema_types(tmp_path):
    frontend = npm_tools()
    schema = tmp_path / "schema.json"
    made = run(
        sys.executable,
        "manage.py",
        "spectacular",
        "--format",
        "openapi-json",
        "--file",
        str(schema),
        "--settings",
        "example_site.settings.test",
        cwd=ROOT,
    )
    assert made.returncode == 0, made.stderr

    types = frontend / "types" / "api.d.ts"
    generated = run(
        "node",
        "node_modules/openapi-typescript/bin/cli.js",
        str(schema),
        "-o",
        str(types),
        cwd=frontend,
    )
    assert generated.returncode == 0, generated.stderr
    assert "warn" not in generated.stderr.lower(), generated.stderr
    assert "CaseStatusEnum" in types.read_text()

    checked = run(
        "node", "node_modules/typescript/bin/tsc", "--noEmit", "-p", ".", cwd=frontend
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_type_check_fails_on_code_that_misreads_the_api(tmp_path):
    """The check can fail: a module that reads a field the schema lacks is refused."""
    frontend = npm_tools()
    test_types_present = (frontend / "types" / "api.d.ts").exists()
    if not test_types_present:
        test_front_end_type_checks_against_the_generated_schema_types(tmp_path)
    wrong = frontend / "src" / "zz_wrong_for_test.js"
    wrong.write_text(
        "// @ts-check\n"
        '/** @param {import("./api.js").CaseDetail} page */\n'
        "export const misread = (page) => page.prisoner_name;\n"
    )
    try:
        checked = run(
            "node",
            "node_modules/typescript/bin/tsc",
            "--noEmit",
            "-p",
            ".",
            cwd=frontend,
        )
    finally:
        wrong.unlink()
    assert checked.returncode != 0
    assert "prisoner_name" in checked.stdout
