"""The hashed lock (requirements/lock.txt) that ./dev and CI install from must
follow pyproject.toml; a stale one fails with the command that regenerates it."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "requirements" / "check_lock.py"

sys.path.insert(0, str(CHECK.parent))
import check_lock  # noqa: E402


def copy_project(tmp_path: Path) -> Path:
    (tmp_path / "requirements").mkdir()
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copy(ROOT / "requirements" / "lock.txt", tmp_path / "requirements")
    return tmp_path


def test_the_committed_lock_pins_every_requirement_with_hashes():
    assert check_lock.problems() == []
    pins, _direct, unhashed = check_lock.locked()
    assert {"django", "wagtail", "psycopg", "pytest", "setuptools"} <= set(pins)
    assert unhashed == []


def test_a_dependency_missing_from_the_lock_is_named(tmp_path):
    root = copy_project(tmp_path)
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text()
    text = text.replace('"Django>=5.2.19,<5.3"', '"Django>=5.2.999,<5.3"')
    text = text.replace(
        '    "segno>=1.6,<2.0",\n', '    "segno>=1.6,<2.0",\n    "pendulum>=3.0",\n'
    )
    pyproject.write_text(text)
    found = check_lock.problems(root)
    assert "pendulum>=3.0 is not in the lock" in found
    assert any(
        item.startswith("Django<5.3,>=5.2.999 does not accept") for item in found
    )


def test_a_dependency_dropped_from_pyproject_is_named(tmp_path):
    root = copy_project(tmp_path)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('    "segno>=1.6,<2.0",\n', ""))
    assert check_lock.problems(root) == [
        "segno is locked for the project but pyproject.toml no longer names it"
    ]


def test_an_unhashed_pin_is_refused(tmp_path):
    root = copy_project(tmp_path)
    lock = root / "requirements" / "lock.txt"
    lock.write_text(lock.read_text() + "extra-package==1.0\n")
    assert "extra-package has no hash in the lock" in check_lock.problems(root)


def test_a_stale_lock_fails_the_check_with_the_command_that_fixes_it(tmp_path):
    root = copy_project(tmp_path)
    (root / "requirements" / "lock.txt").write_text("# empty\n")
    shutil.copy(CHECK, root / "requirements" / "check_lock.py")
    result = subprocess.run(
        [sys.executable, str(root / "requirements" / "check_lock.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "out of date with pyproject.toml" in result.stderr
    assert "./dev lock" in result.stderr
