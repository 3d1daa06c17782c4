"""Shared fixtures: the real spaCy pipeline and resources, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.context import Context, get_context

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed_enab_baladi.txt"  # Enab Baladi, 8 May 2018: the project's seed article


@pytest.fixture(scope="session")
def ctx() -> Context:
    """The process-wide context (real model, real gazetteer); the CLI tests share it."""
    return get_context()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
