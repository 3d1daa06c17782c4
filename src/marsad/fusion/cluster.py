"""Greedy, incremental clustering of reports into incidents with average linkage.

Why this shape: reports arrive document by document (``marsad ingest`` then ``marsad fuse``),
so each new report is compared with the incidents its blocking keys reach and joins the one
with the best *average* score over all its members, provided no member vetoes it (too far,
dates apart, same document). ``BlockIndex.screen`` drops vetoed incidents in numpy and
bounds the others' scores, so only the few that could win are scored exactly. Checking every
member keeps clusters coherent: A~B and B~C never drag a far-away C into A's incident. Old
incidents are never recomputed: a new report only joins or starts one, which is what makes
fusion incremental and idempotent.

A document speaks once per incident. When a later event of a document restates an earlier
one (``scoring.restates``: the lede's strike retold in paragraph four), it joins that event's
incident as a member of the record but not as a *voice*: linkage, screening and the
same-document veto see one report per document. Without this, each restatement started a
decoy incident (its own document vetoes the real one) that pulled other documents' leads
away from the real incident.

With ``fusion.yaml``'s sentence encoder on, the clusterer owns the run's ``EvidenceVectors``:
before scoring a new report exactly, it encodes in one batch the report and the screened
candidates' voices whose pair with it the encoder scores (cross-script ones by default),
so a run that never meets such a pair never loads the encoder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.fusion.blocking import BlockIndex
from marsad.fusion.report import Report
from marsad.fusion.scoring import match_score, restates, uses_encoder
from marsad.fusion.semantic import EvidenceVectors
from marsad.fusion.settings import FusionSettings


def incident_id_for(event_id: str) -> str:
    """Return a stable incident id derived from its first member's event id."""
    return "inc-" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:16]


@dataclass
class Cluster:
    """An incident being built: its members in joining order and the score each joined with.

    ``voices`` are the members that match scoring sees: each document's first member
    (later ones are that document restating it).
    """

    incident_id: str
    members: list[Report] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    changed: bool = False
    scripts: set[str] = field(default_factory=set)  # of the voices' evidence
    voices: list[Report] = field(default_factory=list)

    def append(self, report: Report, score: float) -> bool:
        """Add a member; return whether it is a voice (its document's first member here)."""
        voice = all(other.doc_id != report.doc_id for other in self.voices)
        self.members.append(report)
        self.scores.append(score)
        if voice:
            self.voices.append(report)
            self.scripts.add(report.script)
        return voice

    @property
    def doc_ids(self) -> set[str]:
        return {member.doc_id for member in self.members}


class Clusterer:
    """Assign reports to incidents one at a time (existing incidents may be preloaded)."""

    def __init__(self, settings: FusionSettings) -> None:
        self.settings = settings
        self._index = BlockIndex(settings)
        self.clusters: list[Cluster] = []
        self._by_event: dict[str, int] = {}
        self._by_document: dict[str, list[Report]] = {}  # this run's reports, per document
        self._type_scores: dict[tuple[str, str], float] = {}
        self.vectors = EvidenceVectors() if settings.encoder.enabled else None

    def preload(self, incident_id: str, members: Iterable[tuple[Report, float]]) -> None:
        """Add an incident already stored, unchanged unless a new report joins it."""
        cluster = Cluster(incident_id)
        position = len(self.clusters)
        self.clusters.append(cluster)
        for report, score in members:
            self._by_event[report.event_id] = position
            if cluster.append(report, score):
                self._index.add(report, position)

    def add(self, report: Report) -> Cluster:
        """Put ``report`` into the best matching incident, or start a new one."""
        if report.event_id in self._by_event:  # the same event again: nothing to decide
            return self.clusters[self._by_event[report.event_id]]
        best, best_score = self._restated(report)
        if best is None:
            best, best_score = self._best(report)
        if best is None:
            best, best_score = len(self.clusters), 1.0
            self.clusters.append(Cluster(incident_id_for(report.event_id)))
        cluster = self.clusters[best]
        cluster.changed = True
        self._by_event[report.event_id] = best
        self._by_document.setdefault(report.doc_id, []).append(report)
        if cluster.append(report, round(best_score, 4)):
            self._index.add(report, best)
        return cluster

    def _restated(self, report: Report) -> tuple[int | None, float]:
        """The incident of the earlier event of ``report``'s document that it restates.

        The best restated event wins; its incident is taken only if no voice of another
        document vetoes ``report`` (the hard limits keep the incident coherent).
        """
        best, best_score = None, 0.0
        for earlier in self._by_document.get(report.doc_id, ()):
            score = restates(report, earlier, self.settings)
            if score is None or score <= best_score:
                continue
            position = self._by_event[earlier.event_id]
            if self._linkage(report, self.clusters[position], same_document=True) is not None:
                best, best_score = position, score
        return best, best_score

    def _best(self, report: Report) -> tuple[int | None, float]:
        """The incident with the best average score at or above the threshold (ties: oldest).

        Screened incidents are scored exactly in order of their upper bound; once a bound
        falls below the best exact score so far, no later incident can win.
        """
        best, best_score = None, self.settings.threshold
        screened = sorted(self._index.screen(report), key=lambda pair: (-pair[0], pair[1]))
        if self.vectors is not None:
            self._prefetch(report, [self.clusters[position] for _, position in screened])
        for bound, position in screened:
            if bound < best_score:
                break
            score = self._linkage(report, self.clusters[position])
            if score is None or score < best_score:
                continue
            if best is None or score > best_score or position < best:
                best, best_score = position, score
        return best, best_score

    def _prefetch(self, report: Report, candidates: list[Cluster]) -> None:
        """Encode in one batch what scoring ``report`` against ``candidates`` will need.

        A candidate whose members all share the report's script is skipped without looking
        at its members when the encoder scores cross-script pairs only.
        """
        assert self.vectors is not None
        every = self.settings.encoder.pairs == "all"
        needed = [member for cluster in candidates if every or cluster.scripts - {report.script}
                  for member in cluster.voices if uses_encoder(report, member, self.settings)]
        if needed:
            self.vectors.prefetch([report, *needed])

    def _linkage(self, report: Report, cluster: Cluster,
                 same_document: bool = False) -> float | None:
        """Average score against every voice; None if any voice vetoes or shares the doc.

        ``same_document=True`` (restatements) skips the voice of the report's own document.
        """
        total, counted = 0.0, 0
        for member in cluster.voices:
            if same_document and member.doc_id == report.doc_id:
                continue
            pair = (report.sub_event_type, member.sub_event_type)
            if pair not in self._type_scores:
                self._type_scores[pair] = self.settings.type_score(*pair)
            score = match_score(report, member, self.settings, self._type_scores[pair],
                                self.vectors)
            if score is None:
                return None
            total += score
            counted += 1
        return total / counted if counted else 1.0


def cluster_reports(reports: Iterable[Report], settings: FusionSettings) -> list[Cluster]:
    """Cluster ``reports`` from scratch (in the order given) and return every incident."""
    clusterer = Clusterer(settings)
    for report in reports:
        clusterer.add(report)
    return clusterer.clusters
