"""Build hook: compile the .po catalogues into the wheel.

Django loads only compiled ``.mo`` files, and a wheel installed into someone else's
site never runs our ``compile_translations``. Compiling at build time (rather than
committing the binary ``.mo`` files) keeps one source of truth that merges as text
and can never be stale in a release. setuptools calls this ``build_py`` through
``[tool.setuptools.cmdclass]`` in pyproject.toml; polib is a build requirement.

The example site (settings, URLs, demo content, ``load_demo``) is a package of its
own, ``example_site``, that ``[tool.setuptools.packages.find]`` leaves out of the wheel.
"""

from __future__ import annotations

from pathlib import Path

import polib
from setuptools.command.build_py import build_py as _build_py


class build_py(_build_py):
    """``build_py`` that compiles the catalogues into the build."""

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
