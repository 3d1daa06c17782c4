"""Who independently says so, whether they agree, and the corroboration grade.

Independence: the source of a report is its innermost claimant; outlets in ``via`` only relay
it, so three agencies repeating one monitor are one source. Claims by unnamed people
("witnesses said") are the publishing outlet's own reporting. The grade (SCHEMA.md):

- single-source: one independent source;
- contested: independent sources disagree on the toll or on who did it;
- confirmed: they agree and include sources of two opposing camps, or an independent monitor
  (an unaffiliated ``ngo`` source in ``outlets.yaml``);
- corroborated: they agree otherwise.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from marsad.fusion.model import FatalityEstimate, Grade
from marsad.fusion.settings import FatalityAgreement, FusionSettings

MONITOR_KIND = "ngo"
OWN_REPORTING_KINDS = ("unnamed",)
NEUTRAL_KINDS = ("ngo", "media")


@dataclass(frozen=True)
class SourceClaim:
    """One independent source's version: its toll (non-aggregate) and whom it blames."""

    source: str
    kind: str
    affiliation: str | None
    low: int | None = None
    best: int | None = None
    high: int | None = None
    actor1: str | None = None


def tolls_agree(first: int, second: int, rule: FatalityAgreement) -> bool:
    """Two tolls agree when close in ratio or in absolute difference (fusion.yaml)."""
    low, high = sorted((first, second))
    return high - low <= rule.absolute or low >= rule.ratio * high


def is_contested(claims: list[SourceClaim], settings: FusionSettings) -> bool:
    """True when two independent sources give disagreeing tolls or blame different actors."""
    tolls = [claim.best for claim in claims if claim.best is not None]
    if tolls and not tolls_agree(min(tolls), max(tolls), settings.fatality_agreement):
        return True
    blamed = {claim.actor1 for claim in claims if claim.actor1}
    return len(blamed) > 1


def is_confirmed_by(claims: list[SourceClaim], settings: FusionSettings) -> bool:
    """True when an independent monitor or sources of two different camps are among them."""
    if any(claim.kind == MONITOR_KIND and claim.affiliation is None for claim in claims):
        return True
    camps = {settings.camp(claim.affiliation) for claim in claims}
    camps.discard(None)
    return len(camps) > 1


def grade(claims: list[SourceClaim], settings: FusionSettings) -> Grade:
    """Grade an incident from its independent sources' claims (one per source)."""
    if len({claim.source.casefold() for claim in claims}) <= 1:
        return "single-source"
    if is_contested(claims, settings):
        return "contested"
    if is_confirmed_by(claims, settings):
        return "confirmed"
    return "corroborated"


def estimate_fatalities(claims: list[SourceClaim]) -> FatalityEstimate | None:
    """UCDP-style toll over independent sources, never a sum of reports of the same deaths.

    low: the smallest low any source gives (the most conservative defensible count);
    high: the largest high; best: the lower median of the sources' best values, taken over
    unaffiliated media and monitors when there are any (partisan tolls pull both ways).
    Aggregate tolls (a campaign, a month) are not this incident's and are left out.
    """
    counted = [claim for claim in claims if claim.best is not None]
    if not counted:
        return None
    neutral = [claim for claim in counted
               if claim.kind in NEUTRAL_KINDS and claim.affiliation is None]
    best = statistics.median_low([claim.best for claim in (neutral or counted)
                                  if claim.best is not None])
    low = min(claim.low if claim.low is not None else claim.best for claim in counted
              if claim.best is not None)
    high = max(claim.high if claim.high is not None else claim.best for claim in counted
               if claim.best is not None)
    return FatalityEstimate(low=min(low, best), best=best, high=max(high, best))
