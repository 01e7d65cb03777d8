"""Node.js tooling of the reference front end (examples/frontend): ``npm ci`` once."""

import shutil
import subprocess
from pathlib import Path

import pytest

FRONTEND = Path(__file__).resolve().parents[2] / "examples" / "frontend"


def npm_tools() -> Path:
    """Install the front end's pinned tools (package-lock.json) and return its folder.

    Skips the test, with the reason, where Node.js or npm is missing; ``npm ci`` needs
    the npm registry (or its cache) the first time.
    """
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("needs Node.js and npm (apt-get install nodejs npm)")
    stamp = FRONTEND / "node_modules" / ".package-lock.json"
    lock = FRONTEND / "package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        result = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"],  # noqa: S607
            cwd=FRONTEND,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"npm ci failed:\n{result.stderr[-3000:]}"
    return FRONTEND
