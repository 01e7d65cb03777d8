"""Fail when requirements/lock.txt no longer matches pyproject.toml.

Offline and fast (``./dev`` runs it before every test run, so CI does too): every
requirement of ``[project] dependencies``, of the ``dev`` and ``server`` extras and
of ``[build-system] requires`` must be pinned in the lock, with a hash, at a version
the requirement accepts; and the lock must not pin, as a direct requirement of the
project, a package that pyproject.toml no longer names. Otherwise it prints what
differs and the one command that regenerates the lock, and exits 1.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
EXTRAS = ("dev", "server")
REGENERATE = "./dev lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
DIRECT = "ngo-cms (pyproject.toml)"


def wanted(root: Path = ROOT) -> list[Requirement]:
    data = tomllib.loads((root / "pyproject.toml").read_text())
    names = list(data["project"]["dependencies"])
    for extra in EXTRAS:
        names += data["project"]["optional-dependencies"][extra]
    names += data["build-system"]["requires"]
    return [Requirement(name) for name in names]


def locked(lock: Path = LOCK) -> tuple[dict[str, list[Version]], set[str], list[str]]:
    """Pinned versions by name, the names pinned for the project itself, and pins
    that carry no hash."""
    pins: dict[str, list[Version]] = {}
    direct: set[str] = set()
    unhashed: list[str] = []
    # One entry per pin: its line, its hashes and its "# via" lines (indented).
    for entry in re.split(r"\n(?=[A-Za-z0-9])", lock.read_text()):
        match = PIN.match(entry)
        if match is None:
            continue
        name = canonicalize_name(match.group(1))
        pins.setdefault(name, []).append(Version(match.group(2)))
        if "--hash=sha256:" not in entry:
            unhashed.append(name)
        if DIRECT in entry:
            direct.add(name)
    return pins, direct, unhashed


def problems(root: Path = ROOT) -> list[str]:
    """What differs between ``root``'s pyproject.toml and its lock (empty: none)."""
    lock = root / LOCK.relative_to(ROOT)
    if not lock.exists():
        return [f"{lock.relative_to(root)} is missing"]
    pins, direct, unhashed = locked(lock)
    found = []
    names = set()
    for requirement in wanted(root):
        name = canonicalize_name(requirement.name)
        names.add(name)
        if name not in pins:
            found.append(f"{requirement} is not in the lock")
        elif not any(requirement.specifier.contains(v, True) for v in pins[name]):
            versions = ", ".join(str(v) for v in pins[name])
            found.append(f"{requirement} does not accept the locked {versions}")
    found += [
        f"{name} is locked for the project but pyproject.toml no longer names it"
        for name in sorted(direct - names)
    ]
    found += [f"{name} has no hash in the lock" for name in unhashed]
    return found


def main() -> int:
    found = problems()
    if not found:
        return 0
    print(  # noqa: T201 - a command-line check
        "requirements/lock.txt is out of date with pyproject.toml:\n  - "
        + "\n  - ".join(found)
        + f"\nRegenerate it with `{REGENERATE}` and commit the result.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
