"""Ingestion at scale: a streaming local process pool, a Dask cluster, feeds, benchmarks.

``runner`` drives ``marsad ingest`` (batched, all cores, resumable), ``dask`` runs the same
pure ``process`` on a cluster, ``feeds`` reads RSS/Atom and fetches the pages politely,
``watch`` keeps a monitor running and ``bench`` measures throughput (docs/scale.md).
"""
