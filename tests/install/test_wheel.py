"""The built wheel installs into someone else's Wagtail site, as docs/install.md says.

Builds the wheel from the tracked files (as a clone has them), installs it into a
fresh virtual environment (with this environment's pinned requirements, from pip's
cache), runs ``wagtail start mysite``, applies the code blocks of docs/install.md,
migrates, and then, in code, publishes a case and translates it into Dutch: the API
serves it in Dutch and the Dutch admin shows the project's own Dutch labels.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL_DOC = ROOT / "docs" / "install.md"
STEP = re.compile(
    r"<!-- install-test: (append (?P<file>\S+)|run) -->\n```\w*\n(?P<code>.*?)```",
    re.DOTALL,
)

LOCAL_STATE = (".git", ".venv", "var", "build", "*.egg-info", "__pycache__", "*.mo")

pytestmark = [
    pytest.mark.needs_pypi,
    pytest.mark.skipif(
        bool(os.environ.get("NGO_CMS_OFFLINE")),
        reason="NGO_CMS_OFFLINE is set: building the wheel needs PyPI "
        "(setuptools>=77 and polib, through pip's configuration)",
    ),
]


def run(*args: str | Path, cwd: Path, env: dict[str, str]) -> str:
    """Run a command; fail the test with its output if it fails."""
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def clean_env() -> dict[str, str]:
    """This process's environment without what points at the project's own setup."""
    dropped = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "VAR_DIR"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.pop("PYTHONPATH", None)
    return env


def build_wheel(tmp_path: Path, env: dict[str, str]) -> Path:
    """The wheel of the tracked (or new, not ignored) files, as a clone would build."""
    source = tmp_path / "source"
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\0")
    except (OSError, subprocess.CalledProcessError):
        # Not a git checkout (an unpacked archive): everything but local state.
        shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*LOCAL_STATE))
    else:
        for name in filter(None, listed):
            if (ROOT / name).is_file():
                (source / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, source / name)
    dist = tmp_path / "dist"
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        dist,
        source,
        cwd=tmp_path,
        env=env,
    )
    return next(dist.glob("ngo_cms-*.whl"))


def test_the_wheel_installs_into_a_fresh_wagtail_site(tmp_path):
    env = clean_env()
    wheel = build_wheel(tmp_path, env)
    names = zipfile.ZipFile(wheel).namelist()
    assert "ngo_cms/locale/nl/LC_MESSAGES/django.mo" in names
    assert "ngo_cms/locale/fr/LC_MESSAGES/django.mo" in names
    # Only the apps: the example site (settings, URLs, demo content) stays out.
    assert {name.split("/")[0] for name in names if "/" in name} == {
        "ngo_cms",
        "casepages",
        "actions",
        wheel.name.split("-py3")[0].replace(".whl", "") + ".dist-info",
    }
    assert not [name for name in names if "demo" in name or "/settings/" in name]
    assert any(name.endswith("licenses/LICENSE") for name in names)

    # A fresh virtual environment with the wheel and this environment's pins.
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    frozen = run(
        sys.executable,
        "-m",
        "pip",
        "freeze",
        "--exclude-editable",
        cwd=tmp_path,
        env=env,
    )
    pins = tmp_path / "requirements.txt"
    pins.write_text(
        "\n".join(
            line
            for line in frozen.splitlines()
            if "==" in line and not line.lower().startswith("ngo-cms")
        )
    )
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
    run(*pip, "--no-deps", "-r", pins, wheel, cwd=tmp_path, env=env)

    # `wagtail start`, then the steps of docs/install.md.
    run(venv / "bin" / "wagtail", "start", "mysite", cwd=tmp_path, env=env)
    site = tmp_path / "mysite"
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    steps = list(STEP.finditer(INSTALL_DOC.read_text(encoding="utf-8")))
    assert [s["file"] for s in steps] == [
        "mysite/settings/base.py",
        "mysite/urls.py",
        None,
    ]
    for step in steps:
        if step["file"]:
            with (site / step["file"]).open("a", encoding="utf-8") as target:
                target.write("\n" + step["code"])
        else:
            for line in step["code"].splitlines():
                run(*line.split(), cwd=site, env=env)

    checked = run(python, "manage.py", "check", cwd=site, env=env)
    assert "ngo_cms." not in checked

    shutil.copy(Path(__file__).with_name("host_script.py"), site / "host_script.py")
    run(python, "host_script.py", cwd=site, env=env)
    report = json.loads((site / "report.json").read_text(encoding="utf-8"))
    assert report["sections_allowed_under_home"] is True
    assert report["home_locales"] == ["en", "fr", "nl"]
    assert report["list_status"] == 200
    assert [(c["locale"], c["title"]) for c in report["list"]["results"]] == [
        ("nl", "Jane Doe")
    ]
    assert report["detail_status"] == 200
    assert report["detail"]["locale"] == "nl"
    assert report["detail"]["url"].startswith("/nl/")
    # django-countries' Dutch names, from its own catalogue.
    assert "Zweden" in json.dumps(report["detail"])
    # The API's errors are JSON, not the locale middleware's redirect.
    assert report["missing_status"] == 404
    assert report["missing_type"].startswith("application/json")
    # The project's own Dutch labels, from the catalogue compiled into the wheel.
    assert report["edit_status"] == 200
    assert "Gedetineerd sinds" in report["edit_form"]
    assert "Plaats van detentie" in report["edit_form"]
