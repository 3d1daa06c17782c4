"""Read input documents from files, directories and stdin, one at a time.

Why a stream of documents *or errors*: a batch of thousands of scraped articles always
holds a few broken ones (empty, binary, mis-encoded, a bad JSON line). Each bad input
becomes an ``InputError`` naming file, line and reason, and reading goes on; the CLI
counts them and exits 1 at the end. Nothing is loaded a directory at a time, and JSON
lines are read one line at a time.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import trafilatura
from pydantic import ValidationError

from marsad.ingest.clean import ARABIC_LETTER_RE
from marsad.model import SourceDocument

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

JSONL_FIELDS = ("id", "url", "title", "outlet", "published", "language", "text", "html")
"""The input contract (SCHEMA.md); other keys (gold labels, notes) are never passed on."""

SNIFF_BYTES = 8192
"""How much of a file to look at for binary signatures and NUL bytes."""

MAX_FILE_BYTES = 5_000_000
"""A .txt or .html file larger than this is refused unread: no news article is, and cleaning
a 20 MB page takes minutes and a gigabyte (the feed fetcher's default page cap is the same)."""

WORD_SPACE_SHARE = 0.05
"""Text has spaces between words (Arabic: ~1 in 6 characters); cp1256 maps nearly any byte
to a letter, so bytes with almost no whitespace are noise, not Windows-1256 Arabic."""

BINARY_SIGNATURES = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"PK\x03\x04": "zip archive or office document",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"7z\xbc\xaf": "7z archive",
    b"Rar!": "rar archive",
    b"\xd0\xcf\x11\xe0": "old office document",
}

STDIN_ORIGIN = "<stdin>"

_ISO_DATETIME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]")


@dataclass(frozen=True)
class InputError:
    """An input that could not be read; ``origin`` is the file, or ``file:line`` in JSON lines."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class InputDefaults:
    """Values the user gave for inputs that lack them (``--published``, ``--outlet``)."""

    published: dt.date | None
    outlet: str | None


class _BadInput(Exception):
    """Internal: the current input is unusable for the reason given."""


def read_inputs(
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
) -> Iterator[SourceDocument | InputError]:
    """Yield a ``SourceDocument`` for each readable input and an ``InputError`` for each bad one.

    ``paths`` are files (.txt, .html, .htm, .jsonl), directories (walked recursively in
    name order) or ``-`` for ``stdin`` (JSON lines if it starts with ``{``, else text).
    ``published`` and ``outlet`` fill those fields where an input does not have them.
    """
    defaults = InputDefaults(published, outlet)
    for path in paths:
        if path == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin,
                                   origin=STDIN_ORIGIN, defaults=defaults)
        else:
            yield from read_path(Path(path), defaults=defaults)


def read_path(
    path: Path, *, defaults: InputDefaults | None = None
) -> Iterator[SourceDocument | InputError]:
    """Yield the documents of one file or directory, and an error for each bad input."""
    defaults = defaults or InputDefaults(None, None)
    if path.is_dir():
        for found in walk_directory(path):
            if isinstance(found, InputError):
                yield found
            else:
                yield from read_file(found, defaults=defaults)
    elif not path.exists():
        yield InputError(str(path), "no such file or directory")
    else:
        yield from read_file(path, defaults=defaults)


def walk_directory(directory: Path) -> Iterator[Path | InputError]:
    """Yield supported files under ``directory`` in name order, and an error per skipped file.

    Hidden entries (``.git``, ``.DS_Store``) are passed over silently; symbolic links to
    directories are not followed, so a link loop cannot hang the walk.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield InputError(str(directory), f"cannot read directory ({err.strerror or err})")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_directory(path)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path
        else:
            yield InputError(str(path), f"skipped: {_unsupported(path)}")


def read_file(
    path: Path, *, defaults: InputDefaults | None = None
) -> Iterator[SourceDocument | InputError]:
    """Yield the document(s) of one file: one for .txt/.html, one per line for .jsonl."""
    defaults = defaults or InputDefaults(None, None)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputError(str(path), _unsupported(path))
        return
    unreadable = _not_a_readable_file(path, limit=None if suffix in JSONL_SUFFIXES
                                      else MAX_FILE_BYTES)
    if unreadable:
        yield InputError(str(path), unreadable)
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, defaults)
        return
    try:
        text = decode_bytes(path.read_bytes())
    except OSError as err:
        yield InputError(str(path), f"cannot read ({err.strerror or err})")
        return
    except _BadInput as err:
        yield InputError(str(path), str(err))
        return
    if suffix in HTML_SUFFIXES:
        yield html_document(text, origin=str(path), defaults=defaults)
    else:
        yield text_document(text, origin=str(path), defaults=defaults)


def read_stream(
    stream: TextIO, *, origin: str = STDIN_ORIGIN, defaults: InputDefaults | None = None
) -> Iterator[SourceDocument | InputError]:
    """Read a text stream: JSON lines when its first non-blank line starts with '{'."""
    defaults = defaults or InputDefaults(None, None)
    lines = iter(stream)
    leading: list[str] = []
    for line in lines:
        leading.append(line)
        if line.strip():
            break
    if not any(line.strip() for line in leading):
        yield InputError(origin, "empty input")
        return
    if leading[-1].lstrip("\ufeff \t").startswith("{"):
        numbered = enumerate(_chain(leading, lines), start=1)
        yield from _read_jsonl_lines(numbered, origin, defaults)
    else:
        text = "".join(leading) + "".join(lines)
        if "\x00" in text:
            yield InputError(origin, "binary data (NUL bytes), not text")
        else:
            yield text_document(text.lstrip("\ufeff"), origin=origin, defaults=defaults)


def decode_bytes(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or Arabic cp1256.

    Raises ``_BadInput`` for empty, whitespace-only, binary or undecodable data.
    """
    if not data:
        raise _BadInput("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data)
    else:
        _check_not_binary(data[:SNIFF_BYTES])
        text = _decode_8bit(data)
    if not text.strip():
        raise _BadInput("file has only whitespace")
    return text


def text_document(
    text: str, *, origin: str, defaults: InputDefaults
) -> SourceDocument | InputError:
    """Build a document from plain text: the first non-empty line is the title.

    A single-line text has no title: that line is the text, so a one-line report on
    stdin still gets processed.
    """
    lines = text.splitlines()
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return InputError(origin, "no text")
    title = " ".join(lines[first].split())
    body = "\n".join(lines[first + 1:])
    if not body.strip():
        title, body = "", lines[first]
    return SourceDocument(
        title=title or None, text=body, published=defaults.published,
        outlet=defaults.outlet, origin=origin,
    )


def html_document(html: str, *, origin: str, defaults: InputDefaults) -> SourceDocument:
    """Build a document from a web page, keeping the raw html for cleaning.

    The title, canonical URL and site name come from the page's own metadata
    (og:title before <title>, which often carries the site name).
    """
    tree = trafilatura.load_html(html)
    title = url = site = None
    if tree is not None:
        title = _first(tree, ['//meta[@property="og:title"]/@content',
                              '//meta[@name="twitter:title"]/@content', "//title/text()"])
        url = _first(tree, ['//link[@rel="canonical"]/@href',
                            '//meta[@property="og:url"]/@content'])
        site = _first(tree, ['//meta[@property="og:site_name"]/@content'])
    return SourceDocument(
        title=title, url=url, outlet=site or defaults.outlet,
        published=defaults.published, html=html, origin=origin,
    )


def jsonl_record(line: str, *, origin: str, defaults: InputDefaults) -> SourceDocument | InputError:
    """Build a document from one JSON line, keeping only the input contract's fields."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(origin, f"invalid JSON ({err.msg})")
    if not isinstance(data, dict):
        return InputError(origin, f"expected a JSON object, got {type(data).__name__}")
    fields = _contract_fields(data)
    if not (fields.get("text") or fields.get("html")):
        return InputError(origin, "record has neither 'text' nor 'html'")
    if all(isinstance(fields.get(key, ""), str) and not fields.get(key, "").strip()
           for key in ("text", "html")):
        return InputError(origin, "record's 'text' and 'html' have only whitespace")
    if "published" not in fields and defaults.published is not None:
        fields["published"] = defaults.published
    if "outlet" not in fields and defaults.outlet is not None:
        fields["outlet"] = defaults.outlet
    try:
        return SourceDocument.model_validate({**fields, "origin": origin})
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return InputError(origin, f"bad field {where!r}: {first['msg']}")


def _contract_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = {key: data[key] for key in JSONL_FIELDS if data.get(key) not in (None, "")}
    if isinstance(fields.get("id"), int):
        fields["id"] = str(fields["id"])
    published = fields.get("published")
    if isinstance(published, str) and (match := _ISO_DATETIME_RE.match(published)):
        # A timestamp names its day; the contract wants the day.
        fields["published"] = match.group(1)
    return fields


def _read_jsonl_file(path: Path, defaults: InputDefaults) -> Iterator[SourceDocument | InputError]:
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputError(origin, f"cannot read ({err.strerror or err})")
        return
    with handle:
        try:
            head = handle.read(SNIFF_BYTES)
            if not head:
                raise _BadInput("empty file")
            _check_not_binary(head)
        except _BadInput as err:
            yield InputError(origin, str(err))
            return
        handle.seek(0)
        yield from _read_jsonl_lines(enumerate(handle, start=1), origin, defaults)


def _read_jsonl_lines(
    lines: Iterable[tuple[int, str | bytes]], origin: str, defaults: InputDefaults
) -> Iterator[SourceDocument | InputError]:
    records = 0
    for number, raw in lines:
        where = f"{origin}:{number}"
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield InputError(where, "undecodable bytes (JSON lines must be UTF-8)")
                records += 1
                continue
        line = raw.lstrip("\ufeff").strip()
        if not line:
            continue
        records += 1
        yield jsonl_record(line, origin=where, defaults=defaults)
    if records == 0:
        yield InputError(origin, "file has only whitespace")


def _not_a_readable_file(path: Path, *, limit: int | None) -> str | None:
    """Say why ``path`` must not be opened, or None: a FIFO or device would block or never
    end, and an oversized document would exhaust memory before any check could run."""
    try:
        status = path.stat()
    except OSError as err:
        return f"cannot read ({err.strerror or err})"
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file (a named pipe, socket or device)"
    if limit is not None and status.st_size > limit:
        return f"file of {status.st_size:,} bytes is over the {limit:,}-byte limit per document"
    return None


def _check_not_binary(head: bytes) -> None:
    for signature, kind in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise _BadInput(f"binary file ({kind}), not text")
    if b"\x00" in head:
        raise _BadInput("binary file (NUL bytes), not text")


def _decode_utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as err:
        raise _BadInput(f"undecodable bytes at offset {err.start} (UTF-16)") from err


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    # cp1256 maps almost every byte, so only trust it when the letters it gives are Arabic.
    foreign = [char for char in text if ord(char) > 127 and char.isalpha()]
    arabic = sum(1 for char in foreign if ARABIC_LETTER_RE.match(char))
    spaced = sum(1 for char in text if char.isspace()) >= WORD_SPACE_SHARE * len(text)
    if text and (not foreign or arabic / len(foreign) >= 0.5) and spaced and \
            not _mostly_utf8(data):
        return text
    raise _BadInput(
        f"undecodable bytes at offset {utf8_error.start} (not UTF-8 or Windows-1256 Arabic)"
    )


def _mostly_utf8(data: bytes) -> bool:
    """Tell UTF-8 with a few broken bytes from real cp1256: its multi-byte sequences decode.

    UTF-8 lead bytes read as Arabic letters in cp1256 ('Ü' is C3 9C, 'أœ'), so without this
    check German or French text with one bad byte came out as mojibake, silently.
    """
    decoded = data.decode("utf-8", errors="replace")
    broken = decoded.count("\ufffd")
    return sum(1 for char in decoded if ord(char) > 127) - broken > broken


def _unsupported(path: Path) -> str:
    suffix = path.suffix or "(none)"
    expected = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return f"unsupported file type {suffix!r} (expected {expected})"


def _first(tree: Any, xpaths: list[str]) -> str | None:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            cleaned = " ".join(str(value).split())
            if cleaned:
                return cleaned
    return None


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest
