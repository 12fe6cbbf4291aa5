"""Reading the CSV file: encodings, header, quoting and line numbers (compliance.imports.table),
here through the employee import."""

import io

import pytest

from compliance.imports import table
from compliance.imports.employee_rows import parse_employees
from compliance.imports.employees import import_employees
from tests.compliance.imports.hr_data import (
    HEADER,
    User,
    assert_refused,
    csv_file,
    existing,
    fail,
    line,
    snapshot,
)

pytestmark = pytest.mark.django_db

READING_ERRORS = {
    "empty-file": (b"", 1, "The file is empty."),
    "header-only": (csv_file(), 2, "no data rows"),
    "missing-column": (
        csv_file(
            "1001;Muster;Erika;HMdIS;HMdIS-Z;01.04.2020", header=HEADER.replace(";E-Mail", "")
        ),
        1,
        "Missing columns: E-Mail.",
    ),
    "comma-separated": (
        csv_file(line().replace(";", ","), header=HEADER.replace(";", ",")),
        1,
        "separated by semicolons",
    ),
    "misspelt-column": (
        csv_file(line("1001", left=""), header=HEADER + ";Austritsdatum"),
        1,
        "Unknown columns: Austritsdatum.",
    ),
    "duplicate-column": (
        csv_file(line("1001", left="x"), header=HEADER + ";nachname"),
        1,
        "Column “Nachname” appears more than once.",
    ),
    "too-few-fields": (
        csv_file(line("1001"), "1002;Muster;Erika;HMdIS;HMdIS-Z;01.04.2020"),
        3,
        "Expected 7 fields separated by semicolons, found 6.",
    ),
    "too-many-fields": (csv_file(line("1001"), line("1002") + ";x"), 3, "found 8"),
    "text-after-quotes": (
        csv_file(line("1001"), line("1002", last='"Mül"ler')),
        3,
        "must be followed directly by a semicolon",
    ),
    "unclosed-quote": (
        csv_file(line("1001"), line("1002", last='"Müller'), line("1003")),
        3,
        "never closed",
    ),
    "undecodable-byte": (
        csv_file(line("1001")) + line("1002", last="M\x81ller").encode("latin-1") + b"\n",
        3,
        "0x81",
    ),
    "mixed-encodings": (
        csv_file(line("1001", last="Müller")) + line("1002", last="Jäger").encode("cp1252"),
        3,
        "not valid UTF-8",
    ),
}


@pytest.mark.parametrize(
    "data,line_number,message", READING_ERRORS.values(), ids=READING_ERRORS.keys()
)
def test_a_file_that_cannot_be_read_is_refused_with_line_and_reason(
    tmp_path, org, data, line_number, message
):
    assert_refused(tmp_path, org, data, line_number, message)


def test_skip_invalid_does_not_import_a_file_that_cannot_be_read_to_its_end(tmp_path, org):
    existing("9999", org["HMdIS-Z"])
    before = snapshot()
    data = csv_file(line("1001"), line("1002", last='"Müller'), line("1003"))

    err = fail(tmp_path, data, "--skip-invalid")

    assert "Line 3: " in err
    assert snapshot() == before


def test_parsing_counts_lines_as_a_spreadsheet_shows_them():
    data = csv_file(
        line("1001"),
        "",
        '1002;"Muster\nZweizeilig";Erika;x;HMdIS;Z;01.04.2020',
        line("1003", entry="?"),
    )
    parsed = parse_employees(data)
    assert [row.line for row in parsed.rows] == [2]
    # Row 3 is blank; row 4 spans two lines of text (a line break in quotes) but is one row.
    assert {error.line for error in parsed.errors} == {4, 5}
    assert parsed.personnel_numbers == {"1001", "1002", "1003"}


def test_rows_before_broken_quoting_are_still_checked():
    data = csv_file(line("1001", entry="?"), line("1002", last='"Müller'), line("1003"))
    parsed = parse_employees(data)
    assert not parsed.readable
    assert [error.line for error in parsed.errors] == [2, 3]


# --- reading a stored file in pieces ------------------------------------------------------------


class CountingFile(io.BytesIO):
    """A stored upload that remembers how much each read asked for."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.sizes = []

    def read(self, size=-1):
        self.sizes.append(size)
        return super().read(size)

    def read1(self, size=-1):
        self.sizes.append(size)
        return super().read1(size)


def test_the_file_is_read_in_pieces_never_whole(org):
    file = CountingFile(csv_file(*(line(str(1000 + n)) for n in range(300))))

    report = import_employees(file)

    assert report.created == 300
    assert file.sizes and all(0 < size <= table.CHUNK_BYTES for size in file.sizes)


@pytest.mark.parametrize(
    "data,line_number,message", READING_ERRORS.values(), ids=READING_ERRORS.keys()
)
def test_errors_are_found_where_they_are_when_pieces_split_lines_and_characters(
    monkeypatch, tmp_path, org, data, line_number, message
):
    """Seven bytes at a time: pieces end inside lines, quoted values and two-byte umlauts."""
    monkeypatch.setattr(table, "CHUNK_BYTES", 7)
    assert_refused(tmp_path, org, data, line_number, message)


def test_umlauts_split_between_pieces_are_read_whole(monkeypatch, org):
    monkeypatch.setattr(table, "CHUNK_BYTES", 3)
    for encoding, name in (("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252")):
        data = csv_file(line("1001", last="Müßig-Jäger"), encoding=encoding)
        report = import_employees(data, full=False)
        assert (report.encoding, report.errors) == (name, [])
    assert User.objects.get(email="p1001@example.org").last_name == "Müßig-Jäger"


def test_a_bad_byte_far_into_the_file_is_reported_at_its_line(monkeypatch, tmp_path, org):
    monkeypatch.setattr(table, "CHUNK_BYTES", 64)
    rows = [line(str(1000 + n), last="Müller") for n in range(50)]
    data = csv_file(*rows) + line("2000", last="J\xe4ger").encode("cp1252") + b"\n"
    assert_refused(tmp_path, org, data, 52, "not valid UTF-8")
