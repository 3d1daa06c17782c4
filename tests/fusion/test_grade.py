"""Corroboration grades and the incident toll, table-driven."""

from __future__ import annotations

import pytest

from marsad.fusion.grade import SourceClaim, estimate_fatalities, grade
from marsad.fusion.model import FatalityEstimate
from marsad.fusion.settings import load_fusion_settings

SANA = SourceClaim("SANA", "official", "Syrian government", 5, 5, 5, "Opposition Rebels (Syria)")
SOHR = SourceClaim("Syrian Observatory for Human Rights", "ngo", None, 4, 4, 4)
ENAB = SourceClaim("Enab Baladi", "local", "Syrian opposition", 6, 6, 6)
STEP = SourceClaim("Step News Agency", "local", "Syrian opposition", 7, 7, 7)
AMAAQ = SourceClaim("Amaaq News Agency", "partisan", "Islamic State", 30, 30, 30)
REGIME_SAYS_REBELS = SourceClaim("SANA", "official", "Syrian government",
                                 actor1="Opposition Rebels (Syria)")
OPPOSITION_SAYS_REGIME = SourceClaim("Enab Baladi", "local", "Syrian opposition",
                                     actor1="Military Forces of Syria (2000-)")


@pytest.mark.parametrize(("claims", "expected"), [
    ([SANA], "single-source"),
    ([SANA, SANA], "single-source"),                       # one source twice is one source
    ([ENAB, STEP], "corroborated"),                        # independent, same camp, agree
    ([SANA, ENAB], "confirmed"),                           # opposing camps agree (5 vs 6)
    ([ENAB, SOHR], "confirmed"),                           # an independent monitor agrees
    ([ENAB, AMAAQ], "contested"),                          # 6 vs 30 dead
    ([REGIME_SAYS_REBELS, OPPOSITION_SAYS_REGIME], "contested"),  # who did it
])
def test_grade(claims: list[SourceClaim], expected: str) -> None:
    assert grade(claims, load_fusion_settings()) == expected


@pytest.mark.parametrize(("claims", "expected"), [
    ([], None),
    ([REGIME_SAYS_REBELS], None),                          # no toll at all
    ([SANA], FatalityEstimate(low=5, best=5, high=5)),
    # best prefers the unaffiliated monitor; low/high span every source; never 4+5+6.
    ([SANA, SOHR, ENAB], FatalityEstimate(low=4, best=4, high=6)),
    ([ENAB, STEP, AMAAQ], FatalityEstimate(low=6, best=7, high=30)),
    ([SourceClaim("X", "media", None, 10, 12, 20), SourceClaim("Y", "media", None, 12, 15, 15)],
     FatalityEstimate(low=10, best=12, high=20)),
])
def test_estimate_fatalities(claims: list[SourceClaim], expected: FatalityEstimate | None) -> None:
    assert estimate_fatalities(claims) == expected
