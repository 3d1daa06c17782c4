"""Map load A/B: an older desk (``src`` folder) against this one, loads alternated.

Why: on this shared 2-core machine the load average swings within a minute, so desks
measured one after the other (benchmarks/web_bench.py) differ by more than a change costs.
Both desks serve the same store at once (answer cache on, warmed), and each pair of loads
alternates which goes first. Reports navigation start to "markers drawn" per desk, and to
"province outlines drawn" for this one.

    .venv/bin/python scripts/outlines_ab_bench.py --baseline-src /tmp/base/src \
        --store /tmp/web20k.db [--pairs 10]

(build the store once with ``benchmarks/web_bench.py --store /tmp/web20k.db``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))
from web_bench import measure_map, serving  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", type=Path, required=True)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--pairs", type=int, default=10)
    args = parser.parse_args()
    url = f"sqlite:///{args.store.resolve()}"
    drawn: dict[str, list[float]] = {"baseline": [], "this desk": []}
    provinces: list[float] = []
    with serving(url, src=args.baseline_src.resolve()) as old, serving(url) as new:
        for base in (old, new):  # warm each desk's answer cache
            httpx.get(base + "/api/map", timeout=60)
            httpx.get(base + "/", timeout=60)
        httpx.get(new + "/api/boundaries/admin1", timeout=60)
        for number in range(args.pairs):
            order = [("baseline", old), ("this desk", new)]
            for name, base in order if number % 2 == 0 else order[::-1]:
                drawn[name] += measure_map(base, 1, provinces)
    for name, values in drawn.items():
        print(f"{name}: markers drawn, median {statistics.median(values):,.0f} ms "
              f"({', '.join(f'{value:,.0f}' for value in values)})")
    if provinces:
        print(f"this desk: province outlines drawn, median {statistics.median(provinces):,.0f} "
              f"ms ({', '.join(f'{value:,.0f}' for value in provinces)})")


if __name__ == "__main__":
    main()
