"""The single loader of marsad's knowledge files (``resources/*.yaml|csv``).

Why one loader: analysts edit these files, so every read validates them and reports the
file and line of a mistake (``triggers.yaml: entry 41: unknown event_type 'Shelling'``)
instead of failing somewhere deep in extraction. Nothing else opens these files.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from marsad.errors import MarsadError

RESOURCE_DIR = Path(__file__).parent

RowModel = TypeVar("RowModel", bound=BaseModel)


def resource_path(name: str) -> Path:
    """Return the path of a packaged resource file, failing clearly when it is missing."""
    path = RESOURCE_DIR / name
    if not path.is_file():
        raise MarsadError(f"resource file {name} is missing from {RESOURCE_DIR}")
    return path


@cache
def read_yaml(name: str) -> Any:
    """Parse a YAML resource (cached: resources are read-only at run time)."""
    path = resource_path(name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise MarsadError(f"{name}: invalid YAML: {err}".replace("\n", " ")) from err


def lowered_words(value: Any) -> Any:
    """A YAML list of words in lower case (extractors match lower-cased tokens); anything else
    as it is, for the model's own validation to judge. For ``mode="before"`` validators."""
    return [str(item).lower() for item in value] if isinstance(value, list) else value


def validate_items(name: str, items: list[Any], model: type[RowModel]) -> list[RowModel]:
    """Validate each entry of a YAML list, naming the entry number of the first bad one."""
    rows = []
    for number, item in enumerate(items, start=1):
        try:
            rows.append(model.model_validate(item))
        except ValidationError as err:
            raise MarsadError(f"{name}: entry {number}: {_first_error(err)}") from err
    return rows


def validate_section(name: str, key: str, item: Any, model: type[RowModel]) -> RowModel:
    """Validate one mapping of a YAML file, naming its key when it is wrong."""
    try:
        return model.model_validate(item)
    except ValidationError as err:
        raise MarsadError(f"{name}: {key}: {_first_error(err)}") from err


def read_csv(name: str, model: type[RowModel]) -> list[RowModel]:
    """Read a CSV resource into validated rows; ``#`` lines are comments, empty cells None."""
    path = resource_path(name)
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.lstrip().startswith("#"))
        reader = csv.DictReader(lines)
        for record in reader:
            cleaned = {k.strip(): (v.strip() if v and v.strip() else None)
                       for k, v in record.items() if k}
            try:
                rows.append(model.model_validate(cleaned))
            except ValidationError as err:
                raise MarsadError(
                    f"{name}: line {reader.line_num}: {_first_error(err)}") from err
    return rows


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]
