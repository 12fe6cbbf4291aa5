"""Compliance's background jobs (see `jobs`): the HR upload, the full ledger check and the
reminder run, started from the Wagtail admin and run by the worker with progress.

Each function takes `progress` and returns a `jobs.Outcome`; whatever it changes it changes
in one transaction (the import, the ledger check's one record) or idempotently (reminders:
each employee's mail is claimed once per day), so a failed job leaves nothing half-written and
its retry starts clean.
"""

import csv
import io
import logging

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

import jobs
from jobs import Outcome
from jobs import registry as job_registry

from .imports.employees import import_employees
from .imports.reports import Outcome as ImportOutcome
from .imports.views import can_import_employees
from .reports import exports as report_exports

logger = logging.getLogger(__name__)

IMPORT_EMPLOYEES = "compliance.import_employees"
VERIFY_LEDGER = "compliance.verify_ledger"
SEND_REMINDERS = "compliance.send_reminders"


def can_verify_ledger(user) -> bool:
    return user.is_superuser or user.has_perm("compliance.view_ledgerentry")


def can_send_reminders(user) -> bool:
    return user.is_superuser or user.has_perm("compliance.add_reminder")


def register() -> None:
    job_registry.register(
        IMPORT_EMPLOYEES, gettext_lazy("Import employees"), may_start=can_import_employees
    )
    job_registry.register(
        VERIFY_LEDGER,
        gettext_lazy("Verify the whole ledger"),
        may_start=can_verify_ledger,
        start_url="compliance_start_verify_ledger",
    )
    job_registry.register(
        SEND_REMINDERS,
        gettext_lazy("Send reminders"),
        may_start=can_send_reminders,
        start_url="compliance_start_send_reminders",
    )
    report_exports.register()


def import_employees_job(*, progress, input_file, full: bool, dry_run: bool, skip_invalid: bool):
    """The admin's HR upload (compliance.imports.views), as the command runs it: read from
    the private storage row by row, not into memory. A failed job keeps the upload there, so
    its retry reads the same file."""
    with input_file.open("rb") as upload:
        report = import_employees(
            upload, full=full, dry_run=dry_run, skip_invalid=skip_invalid, progress=progress
        )
    progress(report.data_rows, report.data_rows, _("Rows"))
    counts = {key: number for key, _label, number in report.counts()}
    logger.info("HR import job: %s, %s", report.outcome, counts)
    lines = [report.headline()]
    if report.data_rows:
        lines.append(
            ngettext(
                "%(rows)d row read (%(encoding)s).",
                "%(rows)d rows read (%(encoding)s).",
                report.data_rows,
            )
            % {"rows": report.data_rows, "encoding": report.encoding}
        )
    if report.outcome != ImportOutcome.REJECTED:
        lines.extend(
            f"{label[:1].upper()}{label[1:]}: {number}" for _k, label, number in report.counts()
        )
    outcome = Outcome(
        ok=report.outcome != ImportOutcome.REJECTED,
        summary="\n".join(lines),
        errors=[str(error) for error in report.errors],
    )
    if report.errors:
        outcome.file_name, outcome.file_content = "import-errors.csv", _errors_csv(report.errors)
    return outcome


def _errors_csv(errors) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";")
    writer.writerow([_("Line"), _("Problem")])
    for error in errors:
        writer.writerow([error.line or "", error.message])
    # With a BOM, so that spreadsheet programs read it as UTF-8.
    return text.getvalue().encode("utf-8-sig")


def verify_ledger_job(*, progress):
    """The full check of `manage.py verify_ledger`, from the admin."""
    from .ledger.verify import verify_ledger

    result = verify_ledger(full=True, progress=progress)
    return Outcome(ok=result.ok, summary=result.summary())


def queue_full_ledger_check():
    """A full ledger check as a job started by the system, unless one is waiting or
    running."""
    from jobs.models import Job

    active = (Job.State.QUEUED, Job.State.RUNNING)
    if not Job.objects.filter(kind=VERIFY_LEDGER, state__in=active).exists():
        jobs.start(VERIFY_LEDGER, "compliance.jobs.verify_ledger_job")


def send_reminders_job(*, progress):
    """A reminder run, as `manage.py send_reminders` does it."""
    from .reminder_mails import Outcome as MailOutcome
    from .reminder_mails import send_reminders

    reminded = 0
    stage = _("Sending reminders")

    def report(recipient, outcome):
        nonlocal reminded
        reminded += 1
        progress(reminded, None, stage)

    outcomes = send_reminders(report=report)
    summary = _(
        "Reminded %(sent)s employees; %(taken)s already reminded today by another run, "
        "%(failed)s failed."
    ) % {
        "sent": outcomes[MailOutcome.SENT],
        "taken": outcomes[MailOutcome.TAKEN],
        "failed": outcomes[MailOutcome.FAILED],
    }
    failed = outcomes[MailOutcome.FAILED]
    errors = (
        [_("%(count)s reminders could not be sent; a retry sends only those.") % {"count": failed}]
        if failed
        else []
    )
    return Outcome(ok=not failed, summary=summary, errors=errors)
