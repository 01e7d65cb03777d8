"""Build hook: compile the .po catalogues into the wheel.

Django loads only compiled ``.mo`` files, and a wheel installed into someone else's
site never runs our ``compile_translations``. Compiling at build time (rather than
committing the binary ``.mo`` files) keeps one source of truth that merges as text
and can never be stale in a release. setuptools calls this ``build_py`` through
``[tool.setuptools.cmdclass]`` in pyproject.toml; polib is a build requirement.

The wheel also leaves out the example site's demo content (``demo.py`` modules and
the ``load_demo`` command): about 90 KB of prose a host project has no use for.
"""

from __future__ import annotations

from pathlib import Path

import polib
from setuptools.command.build_py import build_py as _build_py

# Modules of the example site that the wheel does not ship (package, module name).
EXCLUDED_MODULES = {
    ("ngo_cms", "demo"),
    ("casepages", "demo"),
    ("actions", "demo"),
    ("ngo_cms.management.commands", "load_demo"),
}


class build_py(_build_py):
    """``build_py`` that compiles catalogues and leaves the demo content out."""

    def find_package_modules(self, package: str, package_dir: str) -> list:
        modules = super().find_package_modules(package, package_dir)
        if self.editable_mode:
            return modules
        return [m for m in modules if (m[0], m[1]) not in EXCLUDED_MODULES]

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            # An editable install reads the source tree, where ./dev compiles.
            return
        for po_path in sorted(Path(self.build_lib).glob("*/locale/*/LC_MESSAGES/*.po")):
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        return outputs + [
            str(Path(path).with_suffix(".mo"))
            for path in outputs
            if path.endswith(".po") and "/locale/" in path.replace("\\", "/")
        ]
