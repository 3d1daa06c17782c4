"""The notebook API: ``marsad.extract`` and ``marsad.to_dataframe``."""

from __future__ import annotations

import datetime as dt

import marsad
import marsad.extractors.events  # noqa: F401  (importing the subpackage must not shadow the API)
from marsad.context import Context


def test_extract_returns_contract_records(ctx: Context) -> None:
    result = marsad.extract("Russian air strikes killed 12 civilians in Idlib on Monday.",
                            published="2018-03-06", outlet="Reuters")
    assert isinstance(result, marsad.DocumentResult)
    (event,) = result.events
    assert event.sub_event_type == "Air/drone strike"
    assert event.date is not None and event.date.start == dt.date(2018, 3, 5)
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia (2000-)"
    assert event.fatalities is not None and event.fatalities.best == 12
    assert event.attribution[0].source == "Reuters"


def test_to_dataframe_has_one_row_per_event(ctx: Context) -> None:
    results = [marsad.extract("Regime shelling on Douma killed three people on Sunday.",
                              published="2018-03-05"),
               marsad.extract("Nothing happened today.", published="2018-03-05")]
    frame = marsad.to_dataframe(results)
    assert len(frame) == 1
    assert frame.iloc[0]["sub_event_type"] == "Shelling/artillery/missile attack"
