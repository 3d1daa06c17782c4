"""Fusion settings, read from ``resources/fusion.yaml`` (weights, thresholds, type groups)."""

from __future__ import annotations

import os
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from marsad.errors import MarsadError
from marsad.resources import read_yaml

RESOURCE = "fusion.yaml"
COMPONENTS = ("type", "place", "date", "actors", "fatalities", "text")
# Switches fusion.yaml's sentence encoder off (or on) without editing the file.
ENCODER_ENV = "MARSAD_FUSION_ENCODER"
OFF_VALUES = ("off", "0", "false", "no")
ON_VALUES = ("on", "1", "true", "yes")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TypeGroup(_Frozen):
    score: float = Field(ge=0, le=1)
    types: tuple[str, ...]


class FatalityAgreement(_Frozen):
    ratio: float = Field(ge=0, le=1)
    absolute: int = Field(ge=0)


class EncoderSettings(_Frozen):
    """The multilingual sentence encoder in the text component (``marsad.fusion.semantic``).

    ``pairs``: "cross-script" scores only Arabic-English pairs with it (their word overlap is
    ~0); "all" also same-script pairs (``mix`` of encoder vs word score there). ``weight``
    replaces ``weights.text`` for the pairs it scores; ``floor`` / ``full`` ramp the cosine.
    """

    enabled: bool = False
    pairs: Literal["cross-script", "all"] = "cross-script"
    weight: float = Field(default=1.5, ge=0)
    floor: float = Field(default=0.2, ge=-1, le=1)
    full: float = Field(default=0.7, ge=-1, le=1)
    mix: float = Field(default=0.5, ge=0, le=1)

    @model_validator(mode="after")
    def _ramp(self) -> EncoderSettings:
        if self.full <= self.floor:
            raise ValueError("encoder.full must be above encoder.floor")
        return self


class RestatementSettings(_Frozen):
    """When a later event of a document is the document restating an earlier one.

    News ledes state an incident and later paragraphs restate it ("the strike", "the
    attack on the village"); extraction reads each as an event. A restatement joins the
    incident of the event it restates (``marsad.fusion.cluster``) instead of starting a
    decoy incident that pulls other documents' reports away from the real one.
    ``threshold``: the least match score (ignoring the same-document veto) with the earlier
    event; ``min_actors``: the least actor component (0.5: named actors must overlap or one
    side name none).
    """

    enabled: bool = False
    threshold: float = Field(default=0.75, ge=0, le=1)
    min_actors: float = Field(default=0.5, ge=0, le=1)


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
    encoder: EncoderSettings = EncoderSettings()
    restatement: RestatementSettings = RestatementSettings()

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

    def with_encoder(self, **changes: object) -> FusionSettings:
        """Return a copy with encoder settings changed (``enabled=False``: the old scoring)."""
        encoder = EncoderSettings.model_validate({**self.encoder.model_dump(), **changes})
        return self.model_copy(update={"encoder": encoder})

    def with_restatement(self, **changes: object) -> FusionSettings:
        """Return a copy with restatement settings changed (for calibration)."""
        restatement = RestatementSettings.model_validate(
            {**self.restatement.model_dump(), **changes})
        return self.model_copy(update={"restatement": restatement})

    @property
    def text_weight_bound(self) -> float:
        """The largest weight the text component can have in any pair (screening bound)."""
        if not self.encoder.enabled:
            return self.weights["text"]
        return max(self.weights["text"], self.encoder.weight)


def load_fusion_settings() -> FusionSettings:
    """Read and validate ``fusion.yaml``; ``MARSAD_FUSION_ENCODER=off|on`` overrides its encoder.

    The override is applied to the settings object (not checked later), so a run's settings
    hash tells a fuse with the encoder from one without it.
    """
    return _load(os.environ.get(ENCODER_ENV, "").strip().casefold())


@cache
def _load(switch: str) -> FusionSettings:
    """Cached per value of the switch; raises ``MarsadError`` naming the problem."""
    try:
        settings = FusionSettings.model_validate(read_yaml(RESOURCE))
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise MarsadError(f"{RESOURCE}: {where}: {first['msg']}".replace(": :", ":")) from err
    if switch in OFF_VALUES:
        return settings.with_encoder(enabled=False)
    if switch in ON_VALUES:
        return settings.with_encoder(enabled=True)
    if switch:
        raise MarsadError(f"{ENCODER_ENV}={switch!r}: expected on or off")
    return settings
