"""Tests of marsad.ingest.readers: every kind of input, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

from marsad.ingest import InputError, read_inputs
from marsad.model import SourceDocument

DATA = Path(__file__).parent.parent / "data" / "ingest"
# Enab Baladi, English edition, 8 May 2018 (the project's seed article)
SEED = DATA.parent / "seed_enab_baladi.txt"
SEED_TITLE = "Assad’s Forces Advance in Southern Damascus, Further Regime Troops Killed"


def read_all(paths: list[str], **options: object) -> list[SourceDocument | InputError]:
    return list(read_inputs(paths, **options))  # type: ignore[arg-type]


def test_txt_first_line_is_title() -> None:
    [document] = read_all([str(SEED)])
    assert isinstance(document, SourceDocument)
    assert document.title == SEED_TITLE
    assert document.text is not None and SEED_TITLE not in document.text
    assert document.origin == str(SEED)


@pytest.mark.parametrize(
    ("options", "published", "outlet"),
    [
        ({}, None, None),
        ({"published": dt.date(2018, 5, 8)}, dt.date(2018, 5, 8), None),
        ({"outlet": "Enab Baladi"}, None, "Enab Baladi"),
    ],
)
def test_options_fill_missing_fields(
    options: dict[str, object], published: dt.date | None, outlet: str | None
) -> None:
    [document] = read_all([str(SEED)], **options)
    assert isinstance(document, SourceDocument)
    assert (document.published, document.outlet) == (published, outlet)


def test_html_keeps_raw_html_and_reads_metadata() -> None:
    [document] = read_all([str(DATA / "news_page.html")], outlet="Ignored Because Page Says")
    assert isinstance(document, SourceDocument)
    assert document.html is not None and "<article" in document.html
    assert document.title == "Shelling kills four civilians in southern Idlib countryside"
    assert document.url == "https://levant-monitor.example/news/shelling-kills-four-idlib"
    assert document.outlet == "The Levant Monitor"


def test_html_title_falls_back_to_title_element(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text("<html><head><title> Raid on Jisr al-Shughur </title></head>"
                    "<body><p>Text of the page.</p></body></html>", encoding="utf-8")
    [document] = read_all([str(page)])
    assert isinstance(document, SourceDocument)
    assert document.title == "Raid on Jisr al-Shughur"


def test_jsonl_good_lines_pass_and_bad_lines_name_file_and_line() -> None:
    path = DATA / "mixed.jsonl"
    items = read_all([str(path)], outlet="Default Outlet", published=dt.date(2024, 1, 1))
    documents = [item for item in items if isinstance(item, SourceDocument)]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [document.id for document in documents] == ["a1", "a3", "5"]
    assert [document.origin for document in documents] == [f"{path}:1", f"{path}:3", f"{path}:6"]
    assert [str(error) for error in errors] == [
        f"{path}:2: invalid JSON (Unterminated string starting at)",
        f"{path}:4: record has neither 'text' nor 'html'",
    ]
    first, second, third = documents
    assert (first.outlet, first.published) == ("Syria Direct", dt.date(2021, 7, 29))
    assert (second.outlet, second.published) == ("Default Outlet", dt.date(2023, 8, 21))
    assert second.html is not None and second.text is None
    assert (third.outlet, third.published) == ("Default Outlet", dt.date(2024, 1, 1))


def test_jsonl_extra_keys_are_not_passed_on() -> None:
    first = next(read_inputs([str(DATA / "mixed.jsonl")]))
    assert isinstance(first, SourceDocument)
    dumped = first.model_dump()
    assert not {"gold", "label", "source"} & set(dumped)
    assert first.language == "en" and first.url == "https://example.org/a1"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1, 2]", "expected a JSON object, got list"),
        ('{"text": "x", "published": "last week"}', "bad field 'published'"),
        ('{"id": "z", "text": ""}', "record has neither 'text' nor 'html'"),
        ("{", "invalid JSON (Expecting property name enclosed in double quotes)"),
    ],
)
def test_jsonl_bad_records(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    [error] = read_all([str(path)])
    assert isinstance(error, InputError)
    assert error.origin == f"{path}:1"
    assert error.reason.startswith(reason)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n  ", "file has only whitespace"),
        ("blank.jsonl", b"\n\n", "file has only whitespace"),
        ("empty.jsonl", b"", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image), not text"),
        ("report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF), not text"),
        ("archive.jsonl", b"\x1f\x8b\x08\x00\x00\x00", "binary file (gzip archive), not text"),
        ("nul.txt", b"Title\n\nsome\x00text", "binary file (NUL bytes), not text"),
        ("latin.txt", "Title\n\ncaf\xe9 cr\xe8me br\xfbl\xe9e".encode("latin-1"),
         "undecodable bytes at offset 10 (not UTF-8 or Windows-1256 Arabic)"),
        ("report.pdf", b"%PDF-1.7", "unsupported file type '.pdf' (expected .htm, .html, "
                                    ".jsonl, .ndjson, .txt)"),
    ],
)
def test_bad_files_yield_errors(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert read_all([str(path)]) == [InputError(str(path), reason)]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert read_all([str(missing)]) == [InputError(str(missing), "no such file or directory")]


@pytest.mark.parametrize(
    ("content", "expected_text"),
    [
        ("Title\n\nBody text.\n".encode("utf-8-sig"), "\nBody text."),
        ("عنوان\n\nقصف على إدلب".encode("cp1256"), "\nقصف على إدلب"),
        ("Title\n\nBody text.\n".encode("utf-16"), "\nBody text."),
    ],
)
def test_encodings(tmp_path: Path, content: bytes, expected_text: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    [document] = read_all([str(path)])
    assert isinstance(document, SourceDocument)
    assert document.text == expected_text


def test_directory_walk_is_recursive_sorted_and_reports_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Title A\n\nText A.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Title C\n\nText C.", encoding="utf-8")
    (tmp_path / "b" / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copy(DATA / "news_page.html", tmp_path / "page.html")
    items = read_all([str(tmp_path)])
    assert [str(item) if isinstance(item, InputError) else item.title for item in items] == [
        "Title A",
        "Title C",
        f"{tmp_path / 'b' / 'notes.docx'}: skipped: unsupported file type '.docx' "
        "(expected .htm, .html, .jsonl, .ndjson, .txt)",
        f"{tmp_path / 'empty.txt'}: empty file",
        "Shelling kills four civilians in southern Idlib countryside",
    ]


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("Headline\n\nFirst paragraph.\n", [("<stdin>", "Headline", "\nFirst paragraph.")]),
        ("One line report of shelling in Idlib\n",
         [("<stdin>", None, "One line report of shelling in Idlib")]),
        ('\n{"id": "s1", "text": "Shelling."}\n{"id": "s2", "text": "Raid."}\n',
         [("<stdin>:2", None, "Shelling."), ("<stdin>:3", None, "Raid.")]),
    ],
)
def test_stdin(stdin: str, expected: list[tuple[str, str | None, str]]) -> None:
    items = read_all(["-"], stdin=io.StringIO(stdin))
    assert [(item.origin, item.title, item.text) for item in items
            if isinstance(item, SourceDocument)] == expected
    assert len(items) == len(expected)


def test_empty_stdin() -> None:
    assert read_all(["-"], stdin=io.StringIO("\n \n")) == [InputError("<stdin>", "empty input")]


def test_reading_is_lazy(tmp_path: Path) -> None:
    """A bad first input does not stop later ones; nothing is read before it is asked for."""
    (tmp_path / "a.txt").write_text("A\n\nText.", encoding="utf-8")
    items = read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "a.txt")])
    assert isinstance(next(items), InputError)
    (tmp_path / "a.txt").write_text("Changed\n\nText.", encoding="utf-8")
    second = next(items)
    assert isinstance(second, SourceDocument) and second.title == "Changed"
