"""Signals for the apps above (compliance): seminars does not know who listens."""

from django.dispatch import Signal

# Sent inside the transaction that stored an `Attendance` row, with `attendance` (the row):
# a receiver's writes are committed or rolled back together with it.
attendance_recorded = Signal()
