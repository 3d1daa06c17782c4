"""Tests of marsad.ingest.published: publication dates inferred from article text."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.ingest import infer_published

SEED_CAPTION = (
    "Military troops under Assad’s forces at the gate of the Yarmouk Camp – May 6. 2018 "
    "(Damascus Now)"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Enab Baladi caption (seed article): the caption date, even if prose says later.
        (f"{SEED_CAPTION}\n\nForces advanced on Monday 7 May 2018.", (dt.date(2018, 5, 6),
                                                                      SEED_CAPTION)),
        ("Smoke over Douma – 21 February, 2018 (AFP)\n\nShelling went on.",
         (dt.date(2018, 2, 21), "Smoke over Douma – 21 February, 2018 (AFP)")),
        # Datelines
        ("Wed 05 Apr 2017 Airstrikes hit Khan Shaykhun.", (dt.date(2017, 4, 5), "Wed 05 Apr 2017")),
        ("DAMASCUS, April 5 (Reuters) - The attack of 4 April 2017 killed dozens.",
         (dt.date(2017, 4, 5), "DAMASCUS, April 5")),
        ("BEIRUT, 4 FEB 90 (ACAN-EFE) - Fighting resumed in the Christian enclave.",
         (dt.date(1990, 2, 4), "BEIRUT, 4 FEB 90")),
        # Latest explicit full date
        ("The siege began on 12 March 2013 and was lifted on May 7th, 2018, residents said.",
         (dt.date(2018, 5, 7), "May 7th, 2018")),
        ("The report, dated 2016-12-22, lists 30 incidents.",
         (dt.date(2016, 12, 22), "2016-12-22")),
        # Publication stamps come first, even glued ones from scrapes
        ("Last updated at Apr 232017 An Israeli attack on 20 April 2017 killed three.",
         (dt.date(2017, 4, 23), "Last updated at Apr 232017")),
        (f"Published: Tuesday 8 May 2018\n\n{SEED_CAPTION}",
         (dt.date(2018, 5, 8), "Published: Tuesday 8 May 2018")),
        # A weekday-dated date near the start, after a title and agency name
        ("Syria air strikes kill 32 Monitor AFP Monday 2 Feb 2015 Government air strikes "
         "killed 32. A truce agreed on 10 February 2015 failed.",
         (dt.date(2015, 2, 2), "Monday 2 Feb 2015")),
        # No usable date
        ("DAMASCUS, April 5 (Reuters) - No year anywhere in this text.", None),
        ("Troops, 10 may have died in the clashes on Monday.", None),
        ("The fort was built on 5 May 1850 by the Ottomans.", None),
        ("Nothing happened on 31 February 2018 because there is no such day.", None),
        ("", None),
    ],
)
def test_infer_published(text: str, expected: tuple[dt.date, str] | None) -> None:
    assert infer_published(text) == expected
