"""Fusion fixtures: real pipeline results of gold-set articles, processed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.context import Context
from marsad.evaluation.incidents import GoldDocument, process_gold, read_gold
from marsad.model import DocumentResult

GOLD = Path(__file__).resolve().parents[1] / "gold" / "incidents" / "incidents_gold.jsonl"
# Written articles: three reports of one car bomb, two of a strike, three of a shelling, and
# three of a town's capture (Enab Baladi's names the capture and, restating it, the clashes).
CHOSEN = ("w-azaz-anadolu", "w-azaz-sohr", "w-azaz-step", "w-ariha-sohr", "w-maarat-sohr",
          "w-suqaylabiyah-sana", "w-suqaylabiyah-sohr", "w-suqaylabiyah-reuters",
          "w-khanshaykhun-sana", "w-khanshaykhun-sohr", "w-khanshaykhun-enab")


@pytest.fixture(scope="session")
def gold() -> list[GoldDocument]:
    return read_gold(GOLD)


@pytest.fixture(scope="session")
def results(gold: list[GoldDocument], ctx: Context) -> dict[str, DocumentResult]:
    """Pipeline results of ``CHOSEN``, by document id."""
    chosen = [item for item in gold if item.doc.id in CHOSEN]
    return {result.doc.id: result for result in process_gold(chosen, ctx)}
