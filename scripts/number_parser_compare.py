"""Compare marsad's count reader (``extractors.numbers``) with quantulum3 on count phrases.

Why a script: issue #8 asks whether a PyPI number parser reads casualty counts better than
ours before we rely on one. quantulum3 is not a dependency, so it runs in a throwaway venv
(never in .venv):

    python3 -m venv /tmp/qvenv && /tmp/qvenv/bin/pip install quantulum3==0.10.0
    .venv/bin/python scripts/number_parser_compare.py --quantulum-python /tmp/qvenv/bin/python

Each phrase has the best count a coder should read (CODEBOOK / ACLED conservative rule:
"dozens" 12, "more than 500" 500, "several" 3), or None when the phrase holds no count of
people (a measure, a percentage, a year, a label). A parser is right on a phrase when the
first count it returns has that best value (or it returns none where None is expected).
quantulum3 is read as a count when its unit is dimensionless ("dimensionless" entity).
"""

from __future__ import annotations

import argparse
import json
import subprocess

from marsad.extractors.numbers import find_numbers

# (phrase, expected best count or None, class)
PHRASES: list[tuple[str, int | None, str]] = [
    ("30 people were killed", 30, "digits"),
    ("1,200 civilians died", 1200, "digits"),
    ("killed 7 soldiers", 7, "digits"),
    ("٣٠ قتيلا", 30, "arabic-indic"),
    ("١٬٢٠٠ شخص", 1200, "arabic-indic"),
    ("thirty-two fighters were killed", 32, "words"),
    ("two children were killed", 2, "words"),
    ("killed two hundred people", 200, "words"),
    ("one hundred and fifty people died", 150, "words"),
    ("a dozen soldiers were wounded", 12, "words"),
    ("two dozen rebels", 24, "words"),
    ("a thousand refugees fled", 1000, "words"),
    ("Fifteen SARC volunteers were killed", 15, "words"),
    ("1.5 million people were displaced", 1500000, "words"),
    ("between 10 and 15 fighters died", 10, "range"),
    ("10 to 15 fighters died", 10, "range"),
    ("10-15 people were injured", 10, "range"),
    ("two or three civilians", 2, "range"),
    ("more than 500 soldiers had died", 500, "bound"),
    ("at least 30 people were killed", 30, "bound"),
    ("at least seven civilians", 7, "bound"),
    ("nearly 40 people died", 40, "bound"),
    ("up to 100 civilians", 100, "bound"),
    ("over 80 terrorists", 80, "bound"),
    ("about 50 fighters", 50, "bound"),
    ("fewer than 10 people", 9, "bound"),
    ("dozens of people were killed", 12, "vague"),
    ("dozens were wounded", 12, "vague"),
    ("several civilians were injured", 3, "vague"),
    ("tens of civilians", 10, "vague"),
    ("scores of volunteers", 20, "vague"),
    ("hundreds of civilians are trapped", 100, "vague"),
    ("a few soldiers", 3, "vague"),
    ("thousands fled", 1000, "vague"),
    ("tens of thousands of people", 10000, "vague"),
    ("a number of terrorists were killed", 3, "vague"),
    ("500 metres of ground had been gained", None, "not a count"),
    ("ISIS fighters control around 70% of the camp", None, "not a count"),
    ("the town lies 30 km north of Aleppo", None, "not a count"),
    ("the offensive began in 2015", None, "not a count"),
    ("Security Council Resolution 2254", None, "not a count"),
    ("at 10:30 on 7 May the shelling began", None, "not a count"),
    ("the campaign started three weeks ago", None, "not a count"),
    ("a 10-year-old boy", None, "not a count"),
    ("two MiG-29 jets", 2, "digits"),
    ("29-06-2016 the report", None, "not a count"),
    ("we do not know how many dead there are", None, "not a count"),
    ("$5 million in aid", None, "not a count"),
]

_QUANTULUM = """
import json, sys, warnings
warnings.filterwarnings("ignore")
from quantulum3 import parser
out = []
for phrase in json.load(sys.stdin):
    try:
        found = parser.parse(phrase)
    except Exception as err:  # a crash is a miss, not a stop
        out.append({"error": repr(err)})
        continue
    out.append({"all": [[q.value, q.unit.entity.name, q.surface] for q in found]})
print(json.dumps(out))
"""


def _ours(phrase: str) -> int | None:
    found = find_numbers(phrase)
    return found[0][2].best if found else None


def _quantulum(python: str) -> list[dict[str, object]]:
    run = subprocess.run([python, "-c", _QUANTULUM], input=json.dumps([p for p, _, _ in PHRASES]),
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def _quantulum_count(result: dict[str, object]) -> int | None:
    counts = [q for q in result.get("all", []) if q[1] == "dimensionless"]  # type: ignore[union-attr]
    if not counts:
        return None
    value = counts[0][0]
    return int(value) if float(value).is_integer() else None  # "3.5" is no count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quantulum-python", default="/tmp/qvenv/bin/python")
    parser.add_argument("--show", action="store_true", help="print every phrase")
    args = parser.parse_args()
    quantulum = _quantulum(args.quantulum_python)
    tally: dict[str, list[int]] = {}
    for (phrase, expected, group), theirs in zip(PHRASES, quantulum, strict=True):
        ours = _ours(phrase)
        q = _quantulum_count(theirs)
        row = tally.setdefault(group, [0, 0, 0])
        row[0] += 1
        row[1] += ours == expected
        row[2] += q == expected
        if args.show:
            print(f"{phrase!r:48} expected={expected} marsad={ours} quantulum3={q} "
                  f"raw={theirs}")
    print(f"{'class':14} {'phrases':>7} {'marsad':>7} {'quantulum3':>10}")
    for group, (n, ours_right, q_right) in tally.items():
        print(f"{group:14} {n:7} {ours_right:7} {q_right:10}")
    n = sum(r[0] for r in tally.values())
    print(f"{'all':14} {n:7} {sum(r[1] for r in tally.values()):7} "
          f"{sum(r[2] for r in tally.values()):10}")


if __name__ == "__main__":
    main()
