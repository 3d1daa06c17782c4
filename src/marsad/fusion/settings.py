"""Fusion settings, read from ``resources/fusion.yaml`` (weights, thresholds, type groups)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from marsad.errors import MarsadError
from marsad.resources import read_yaml

RESOURCE = "fusion.yaml"
COMPONENTS = ("type", "place", "date", "actors", "fatalities", "text")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TypeGroup(_Frozen):
    score: float = Field(ge=0, le=1)
    types: tuple[str, ...]


class FatalityAgreement(_Frozen):
    ratio: float = Field(ge=0, le=1)
    absolute: int = Field(ge=0)


class FusionSettings(_Frozen):
    """Everything fusion tunes; one frozen object so a run cannot change half-way."""

    version: Literal[1]
    threshold: float = Field(ge=0, le=1)
    weights: dict[str, float]
    veto: float = Field(ge=0, le=1)
    date_slack_days: dict[int, int]
    distance_km: dict[int, float]
    grid_degrees: float = Field(gt=0)
    compatible_types: tuple[TypeGroup, ...]
    fatality_agreement: FatalityAgreement
    camps: dict[str, tuple[str, ...]]
    victim_inters: frozenset[int] = frozenset({7})

    @model_validator(mode="after")
    def _complete(self) -> FusionSettings:
        missing = [name for name in COMPONENTS if name not in self.weights]
        if missing or set(self.weights) - set(COMPONENTS):
            raise ValueError(f"weights need exactly {', '.join(COMPONENTS)}")
        if set(self.date_slack_days) != {1, 2, 3} or set(self.distance_km) != {1, 2}:
            raise ValueError("date_slack_days needs precisions 1-3, distance_km 1-2")
        if max(self.distance_km.values()) > self.grid_degrees * 111:
            raise ValueError("grid_degrees is smaller than the largest distance_km")
        return self

    def type_score(self, first: str, second: str) -> float:
        """Score two sub-event types: 1 if equal, the best shared group's score, else 0."""
        if first == second:
            return 1.0
        return max((group.score for group in self.compatible_types
                    if first in group.types and second in group.types), default=0.0)

    def camp(self, affiliation: str | None) -> str | None:
        """Return the camp (side) an affiliation stands on, None if independent or unknown."""
        if affiliation is None:
            return None
        for camp, members in self.camps.items():
            if affiliation in members:
                return camp
        return affiliation

    def with_threshold(self, threshold: float) -> FusionSettings:
        """Return a copy with another threshold (for calibration sweeps)."""
        return self.model_copy(update={"threshold": threshold})


@cache
def load_fusion_settings() -> FusionSettings:
    """Read and validate ``fusion.yaml`` (cached; raises ``MarsadError`` naming the problem)."""
    try:
        return FusionSettings.model_validate(read_yaml(RESOURCE))
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise MarsadError(f"{RESOURCE}: {where}: {first['msg']}".replace(": :", ":")) from err
