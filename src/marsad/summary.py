"""What a batch of inputs came to: counts for the closing line on stderr and the exit code.

One class for every batch command (``extract``, ``ingest``, ``watch``) and for the scale
runner that fills it, so the summary line and exit-code rule are written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BatchSummary:
    """Documents read, events found, documents stored or already stored, and failures."""

    documents: int = 0
    events: int = 0
    stored: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)

    def line(self, verb: str) -> str:
        parts = [f"{self.documents} documents {verb}", f"{self.events} events"]
        if self.stored or self.skipped:
            parts.append(f"{self.stored} stored, {self.skipped} already stored")
        parts.append(f"{len(self.failed)} failed")
        return "marsad: " + ", ".join(parts)

    @property
    def exit_code(self) -> int:
        """1 when any input failed (the rest were processed), else 0."""
        return 1 if self.failed else 0
