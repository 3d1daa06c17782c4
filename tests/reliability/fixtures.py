"""Build the bad inputs of the reliability battery in a temporary folder, at test time.

Why generated, not committed: several are megabytes (20 MB html, a 1 MB line) or binary, and
a generator states exactly what each input is. Each ``BadInput`` names the file it writes,
and what the battery expects of it: ``error`` (a substring of the one-line reason the CLI
prints for that file or record) or ``None`` for an input that must be handled (processed,
no error line).
"""

from __future__ import annotations

import gzip
import json
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPORT = ("Government shelling killed four civilians in the town of Khan Shaykhun in Idlib "
          "on Tuesday, the Syrian Observatory for Human Rights said.")
ARABIC_REPORT = "قتل أربعة مدنيين في قصف على مدينة خان شيخون في ريف إدلب يوم الثلاثاء."
FRENCH_REPORT = ("Quatre civils ont été tués mardi dans un bombardement sur la ville de Khan "
                 "Cheikhoun, dans la province d'Idleb, selon l'Observatoire syrien.")
GERMAN_REPORT = ("Überfall in Düsseldorf: Schüsse in der Königsallee, zwei Verletzte, "
                 "teilte die Polizei am Dienstag mit.\n")
RUSSIAN_REPORT = "Четыре мирных жителя погибли во вторник в результате обстрела города Идлиб."

BIG_HTML_BYTES = 20 * 1024 * 1024
LONG_LINE_BYTES = 1024 * 1024
NESTED_DIVS = 5000


@dataclass(frozen=True)
class BadInput:
    """One input of the battery: how to write it and what the CLI must say about it."""

    name: str
    write: Callable[[Path], Path]
    error: str | None
    """Substring of the error line's reason; None: processed without an error line."""
    records: int = 1
    """Inputs this file holds (JSON lines count each line)."""
    failures: int | None = None
    """Failed inputs among ``records``; default 1 when ``error`` is set, else 0."""

    @property
    def expected_failures(self) -> int:
        if self.failures is not None:
            return self.failures
        return 1 if self.error else 0


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return write


def _jsonl(name: str, lines: list[str]) -> Callable[[Path], Path]:
    return _bytes(name, ("\n".join(lines) + "\n").encode("utf-8"))


def _record(**fields: object) -> str:
    return json.dumps({"text": REPORT, **fields}, ensure_ascii=False)


def _png() -> bytes:
    """A real 1x1 PNG (signature, IHDR, IDAT, IEND)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _big_html(folder: Path) -> Path:
    """A 20 MB page: one real report paragraph, then megabytes of comment-like filler."""
    path = folder / "huge-20mb.html"
    filler = "<p>Reader comment: the weather in the valley was mild and the market was open.</p>\n"
    with path.open("w", encoding="utf-8") as out:
        out.write(f"<html><head><title>Huge page</title></head><body><article><p>{REPORT}</p>"
                  "</article><section>")
        written = 0
        while written < BIG_HTML_BYTES:
            written += out.write(filler)
        out.write("</section></body></html>")
    return path


def _huge_record(folder: Path) -> Path:
    """JSON lines whose middle record carries 6 MB of html (only ``prepare`` can refuse it)."""
    path = folder / "huge-record.jsonl"
    page = "<html><body>" + "<p>filler paragraph of a giant page.</p>" * 150_000 + "</body></html>"
    path.write_text("\n".join([_record(id="before"), json.dumps({"id": "giant", "html": page}),
                               _record(id="after")]) + "\n", encoding="utf-8")
    return path


def _long_line(folder: Path) -> Path:
    """A 1 MB file with no newline: the report repeated, space separated."""
    path = folder / "one-line-1mb.txt"
    unit = REPORT + " "
    path.write_text((unit * (LONG_LINE_BYTES // len(unit) + 1))[:LONG_LINE_BYTES].strip() + ".",
                    encoding="utf-8")
    return path


def _nested_html(folder: Path) -> Path:
    path = folder / "nested-5000-divs.html"
    path.write_text("<html><body>" + "<div>" * NESTED_DIVS + f"<p>{REPORT}</p>"
                    + "</div>" * NESTED_DIVS + "</body></html>", encoding="utf-8")
    return path


def _directory_named_like_a_file(folder: Path) -> Path:
    """A folder called ``article.txt`` given as a file: reading it fails like a bad file."""
    path = folder / "dir-named-like.txt"
    path.mkdir()
    (path / "inside.txt").write_text(REPORT + "\n", encoding="utf-8")
    return path


def _broken_symlink(folder: Path) -> Path:
    path = folder / "dangling-link.txt"
    path.symlink_to(folder / "no-such-target.txt")
    return path


def _fifo(folder: Path) -> Path:
    """A named pipe with a .txt name; nobody writes to it, so a blocking read would hang."""
    path = folder / "named-pipe.txt"
    os.mkfifo(path)
    return path


BAD_INPUTS: tuple[BadInput, ...] = (
    BadInput("empty", _bytes("empty.txt", b""), "empty file"),
    BadInput("whitespace-only", _bytes("blank.txt", b" \n\t\r\n   \n"), "only whitespace"),
    BadInput("empty-jsonl", _bytes("empty.jsonl", b""), "empty file"),
    BadInput("whitespace-jsonl", _bytes("blank.jsonl", b"\n  \n\n"), "only whitespace"),
    BadInput("pdf-as-txt", _bytes("report.txt", _pdf()), "binary file (PDF)"),
    BadInput("png-as-html", _bytes("photo.html", _png()), "binary file (PNG image)"),
    BadInput("gzip-as-jsonl", _bytes("dump.jsonl", gzip.compress(b'{"text": "x"}\n')),
             "binary file (gzip archive)"),
    BadInput("nul-bytes", _bytes("nul.txt", b"Shelling\x00\x00\x00killed four"), "NUL bytes"),
    BadInput("invalid-utf8", _bytes("german-bad-byte.txt", GERMAN_REPORT.encode() + b"\xff"
                                    + GERMAN_REPORT.encode()), "undecodable bytes at offset"),
    BadInput("random-high-bytes", _bytes("noise.txt", bytes(range(0x80, 0x100)) * 8),
             "undecodable bytes"),
    BadInput("windows-1256-arabic", _bytes("arabic-cp1256.txt",
                                           (ARABIC_REPORT + "\n" + ARABIC_REPORT).encode(
                                               "cp1256")), None),
    BadInput("utf16-bom", _bytes("utf16.txt", ("Title\n" + REPORT).encode("utf-16")), None),
    BadInput("huge-html-20mb", _big_html, "over the 5,000,000-byte limit per document"),
    BadInput("huge-html-record", _huge_record, "over the 5,000,000-character limit per document",
             records=3),
    BadInput("single-line-1mb", _long_line, "over the 100,000-character limit per document"),
    BadInput("nested-html-5000", _nested_html, None),
    BadInput("invalid-json-line", _jsonl("mixed-bad-json.jsonl", [
        _record(id="good-1"), '{"id": "bad-1", "text": "unterminated', _record(id="good-2"),
        "[1, 2, 3]", _record(id="good-3")]), "invalid JSON", records=5, failures=2),
    BadInput("undecodable-json-line", _bytes("bad-bytes.jsonl", (
        _record(id="ok-1") + "\n").encode() + b'{"text": "\xff\xfe"}\n'),
        "undecodable bytes", records=2),
    BadInput("missing-fields", _jsonl("missing.jsonl", [
        json.dumps({"id": "no-body", "title": "Only a title"}),
        json.dumps({"id": "empty-text", "text": ""}),
        json.dumps({"id": "text-only-whitespace", "text": "   "}),
        json.dumps({"id": "bad-type", "text": 12345})]),
        "neither 'text' nor 'html'", records=4, failures=4),
    BadInput("unknown-date-formats", _jsonl("dates.jsonl", [
        _record(id="date-words", published="yesterday afternoon"),
        _record(id="date-slashes", published="14/03/2019"),
        _record(id="date-impossible", published="2019-02-30"),
        _record(id="date-number", published=1552550400),
        _record(id="date-iso-ok", published="2019-03-14T09:30:00+02:00")]),
        "bad field 'published'", records=5, failures=4),
    BadInput("future-date", _jsonl("future.jsonl", [_record(id="future", published="2999-01-01")]),
             None),
    BadInput("non-english", _jsonl("languages.jsonl", [
        _record(id="french", text=FRENCH_REPORT), _record(id="russian", text=RUSSIAN_REPORT),
        _record(id="arabic", text=ARABIC_REPORT), _record(id="emoji", text="💥🔥 " * 50)]),
        None, records=4),
    BadInput("unsupported-suffix", _bytes("notes.docx", b"PK\x03\x04 not really"),
             "unsupported file type"),
    BadInput("directory-named-like-a-file", _directory_named_like_a_file, None),
    BadInput("broken-symlink", _broken_symlink, "no such file or directory"),
    BadInput("fifo", _fifo, "not a regular file"),
)
"""Every input of the battery, in the order docs/reliability.md lists them."""
