"""Read the exports back as a spreadsheet program would: the two CSV variants and XLSX."""

import csv
import io

from openpyxl import load_workbook


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def german_csv(response) -> list[dict]:
    """As German Excel reads "CSV für Excel": UTF-8 with BOM, `;`."""
    data = body(response)
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def machine_csv(response) -> list[dict]:
    data = body(response)
    assert not data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def workbook(response):
    return load_workbook(io.BytesIO(body(response)))


def xlsx_rows(response) -> list[dict]:
    """The first tab as dicts by header, with typed values."""
    sheet = workbook(response).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def xlsx_text(response) -> str:
    """Every cell of every tab, for "nothing of this appears anywhere" checks."""
    book = workbook(response)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
