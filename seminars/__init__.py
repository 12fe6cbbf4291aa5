"""Blended learning: on-site and online sessions ("Präsenz- oder Online-Termine") that a module
offers, registrations with a waiting list, iCalendar invitations, trainers' attendance lists,
BigBlueButton rooms and reminders the day before.

Layer: above `courses` (a module offers sessions) and `xapi` (attendance is recorded through
its one entry point); below `compliance`, which listens to `seminars.signals.attendance_recorded`
to let attendance satisfy an obligation. `seminars` never imports `compliance`, `privacy` or
`demo`; `demo` and `config` import it.
"""
