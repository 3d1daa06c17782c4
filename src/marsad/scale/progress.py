"""The ingest progress bar (rich): documents done, documents/s and ETA, on stderr.

Why a context manager handing out two callbacks: the runner stays free of any display
code (it reports through ``advance`` and ``warn``), and warnings printed while the bar is
live go through rich's console so they do not tear the bar. Off when stderr is not a TTY.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import ProgressColumn as _ProgressColumn
from rich.text import Text


class RateColumn(_ProgressColumn):
    """Documents per second over rich's recent window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} docs/s" if speed else "-- docs/s", style="progress.data.speed")


def _echo(message: str) -> None:
    click.echo(message, err=True)


@contextmanager
def ingest_progress(total: int | None, enabled: bool
                    ) -> Iterator[tuple[Callable[[int], None], Callable[[str], None]]]:
    """Yield ``(advance, warn)``; a live bar when ``enabled``, plain stderr lines otherwise."""
    if not enabled:
        yield (lambda count: None), _echo
        return
    console = Console(stderr=True)
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), RateColumn(),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingest", total=total)

        def advance(count: int) -> None:
            if count:
                progress.advance(task, count)

        def warn(message: str) -> None:
            console.print(message, markup=False, highlight=False)

        yield advance, warn
