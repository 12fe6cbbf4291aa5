"""Dates and times as Sensi's documents print them: Europe/Berlin (the `TIME_ZONE`), German
"06.12.2026, 17:05 Uhr" or English "6 December 2026, 17:05".

Django's own German DATETIME_FORMAT is "6. Dezember 2026 17:05"; certificates and reports
use the numeric form that German administrative documents use.
"""

import calendar
from datetime import date, datetime

from django.utils import formats, timezone
from django.utils.translation import override


def local_datetime(value: datetime, language: str) -> str:
    local = timezone.localtime(value)
    if not language.startswith("en"):
        return f"{local:%d.%m.%Y, %H:%M} Uhr"
    return f"{local_date(local.date(), language)}, {local:%H:%M}"


def local_date(value: date, language: str) -> str:
    if not language.startswith("en"):
        return f"{value:%d.%m.%Y}"
    with override(language):
        return formats.date_format(value, "j F Y")


FOREVER = date.max  # an acknowledgement without recurrence never runs out


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day where it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
