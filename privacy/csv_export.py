""" "Meine Daten" as a CSV file for German Excel: the tables of the page one after the other,
each with its caption, its column headings and its rows, and an empty line between them.

The same text as the page (from `privacy.tables`), UTF-8 with a byte order mark and `;`
between cells, as the compliance reports' "CSV für Excel" (compliance.reports.csv_export);
the complete, machine-readable form is the JSON download.
"""

import csv
import io
from collections.abc import Iterator
from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from compliance.reports.csv_export import BOM, safe

from .selectors import PersonalData
from .tables import my_data_facts, my_data_tables


def plain(cell) -> str:
    """Display text without the markup the page wraps around some cells (e.g. <code>)."""
    return unescape(strip_tags(str(cell)))


def my_data_csv(data: PersonalData) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    facts = my_data_facts(data)
    writer.writerow([safe(_("My data"))])
    for caption, pairs in (
        (_("User account"), facts["account"]),
        (_("Employee record"), facts["employee"]),
    ):
        if pairs:
            writer.writerow([])
            writer.writerow([safe(caption)])
            writer.writerows([safe(label), safe(plain(value))] for label, value in pairs)
    yield BOM + flush()
    for table in my_data_tables(data).values():
        writer.writerow([])
        writer.writerow([safe(table.caption)])
        writer.writerow([safe(column) for column in table.columns])
        if not table.rows:
            writer.writerow([safe(_("None."))])
        writer.writerows([safe(plain(cell)) for cell in row] for row in table.rows)
        yield flush()
