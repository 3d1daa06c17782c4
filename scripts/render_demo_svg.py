"""Render the README's picture of ``marsad demo`` (docs/demo.svg) from a real run.

Run from the repository root: ``.venv/bin/python scripts/render_demo_svg.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from rich.console import Console

from marsad.demo import run_demo


def main() -> None:
    console = Console(record=True, width=150)
    with tempfile.TemporaryDirectory() as folder:
        run_demo(str(Path(folder) / "demo.db"), None, Path(folder) / "out", console=console)
    console.save_svg("docs/demo.svg", title="marsad demo")
    print("wrote docs/demo.svg")


if __name__ == "__main__":
    main()
