"""Where an employee stands with an obligation: the one definition, in Python and in SQL.

A status row (`ObligationStatus`) is

- **renewal due** while an acknowledgement still counts (`current_until` today or later) but
  its renewal falls within SENSI_COMPLIANCE_DUE_SOON_DAYS, or it acknowledged an older
  version than the obligation's current one;
- **done** while an acknowledgement counts otherwise;
- **overdue** when none counts and the deadline (`due_on`) has passed;
- **due soon** when none counts and the deadline is within the window;
- **open** otherwise.

`standing()` answers this for one row in Python; `condition()` and `expression()` give the
same answer in SQL (a `Q` per standing, and a `Case` naming each row's standing), for the
reminders and the reports. tests/compliance/test_standing.py checks that both agree.
"""

from datetime import date, timedelta

from django.db.models import Case, CharField, Expression, Q, TextChoices, Value, When
from django.utils.translation import gettext_lazy as _

from . import app_settings


class Standing(TextChoices):
    OPEN = "open", _("Open")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")
    RENEWAL_DUE = "renewal_due", _("Renewal due")


# The standings that call for a reminder e-mail (`Reminder.standing`).
REMINDED = (Standing.DUE_SOON, Standing.OVERDUE, Standing.RENEWAL_DUE)

# A version to compare the acknowledged one with: a number, an expression (per row), or
# None for "do not compare versions".
Version = int | Expression | None


def soon_until(today: date) -> date:
    """The last day of the "due soon" window that starts today."""
    return today + timedelta(days=app_settings.SENSI_COMPLIANCE_DUE_SOON_DAYS)


def standing_of(
    *,
    current_until: date | None,
    due_on: date,
    acknowledged_version: int | None,
    today: date,
    version: int | None = None,
) -> Standing:
    """The standing from a status row's fields; with the obligation's current `version`, an
    acknowledgement of an older one is "renewal due"."""
    soon = soon_until(today)
    if current_until is not None and current_until >= today:
        outdated = version is not None and (acknowledged_version or 0) < version
        return Standing.RENEWAL_DUE if outdated or due_on <= soon else Standing.DONE
    if due_on < today:
        return Standing.OVERDUE
    return Standing.DUE_SOON if due_on <= soon else Standing.OPEN


def standing(status, today: date, version: int | None = None) -> Standing:
    """The standing of one `ObligationStatus` row (see `standing_of`)."""
    return standing_of(
        current_until=status.current_until,
        due_on=status.due_on,
        acknowledged_version=status.acknowledged_version,
        today=today,
        version=version,
    )


# --- the same in SQL -------------------------------------------------------------------------


def current(today: date) -> Q:
    """An acknowledgement counts today."""
    return Q(current_until__gte=today)


def not_current(today: date) -> Q:
    """No acknowledgement counts today (written out, so that NULL is plainly included)."""
    return Q(current_until__isnull=True) | Q(current_until__lt=today)


def _renewal(today: date, version: Version) -> Q:
    """Renewal is due within the window, or (given a version number of 1 or more) an older
    version than the current one was acknowledged."""
    renewal = Q(due_on__lte=soon_until(today))
    if version is not None:
        renewal |= Q(acknowledged_version__isnull=True) | Q(acknowledged_version__lt=version)
    return renewal


def condition(which: Standing, *, today: date, version: Version = None) -> Q:
    """The rows whose standing is `which`; the five conditions exclude one another."""
    soon = soon_until(today)
    renewal = _renewal(today, version)
    return {
        Standing.RENEWAL_DUE: current(today) & renewal,
        Standing.DONE: current(today) & ~renewal,
        Standing.OVERDUE: not_current(today) & Q(due_on__lt=today),
        Standing.DUE_SOON: not_current(today) & Q(due_on__gte=today, due_on__lte=soon),
        Standing.OPEN: not_current(today) & Q(due_on__gt=soon),
    }[which]


def expression(*, today: date, version: Version = None) -> Case:
    """Each row's standing as a value, e.g. `.annotate(standing=expression(today=today))`."""
    return Case(
        *(
            When(condition(which, today=today, version=version), then=Value(which.value))
            for which in Standing
        ),
        output_field=CharField(),
    )
