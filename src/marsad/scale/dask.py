"""Run ``marsad ingest`` on a Dask distributed cluster (``--dask tcp://HOST:PORT``).

Why this shape: the input is streamed and cut into partitions (batches) by the client;
each partition is one task running the same pure ``process_batch`` the local pool runs,
so a cluster adds no second code path. Workers never touch the database: results come
back to the client, which writes them in one transaction per batch (a cluster's workers
often cannot reach the database, and one writer keeps idempotence simple). The runner
keeps at most ``2 x workers`` partitions in flight, so neither the client nor the
scheduler holds the corpus. Each worker process builds its ``Context`` once (cached).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from marsad.errors import MarsadError
from marsad.model import SourceDocument
from marsad.scale.runner import BatchFuture, process_batch

DASK_ENV_VAR = "MARSAD_DASK"
CONNECT_TIMEOUT_S = 30


class DaskBackend(AbstractContextManager["DaskBackend"]):
    """A connection to a Dask scheduler; ``submit`` runs a partition on some worker."""

    def __init__(self, address: str) -> None:
        from distributed import Client

        try:
            self._client: Any = Client(address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as err:
            raise MarsadError(f"cannot reach the Dask scheduler at {address}: {err}") from err
        self.workers = max(1, sum(self._client.nthreads().values()))

    def submit(self, batch: list[SourceDocument]) -> BatchFuture:
        # pure=False: two identical partitions (a re-sent batch) must both run.
        future: BatchFuture = self._client.submit(process_batch, batch, pure=False)
        return future

    def __exit__(self, *exc_info: object) -> None:
        self._client.close()
