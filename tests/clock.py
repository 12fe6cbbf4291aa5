"""Pinning Django's clock for tests whose expected dates are computed once per module."""

import datetime

from django.utils import timezone


def pin_clock(monkeypatch, instant: datetime.datetime) -> None:
    """Make `timezone.now()` (and so `timezone.localdate()`) return `instant`.

    A module-level TODAY is computed when pytest collects the module; a run that crosses
    midnight in Europe/Berlin would otherwise compare it with the next day."""
    monkeypatch.setattr(timezone, "now", lambda: instant)
