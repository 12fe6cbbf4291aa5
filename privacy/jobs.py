""" "Meine Daten" as PDF or CSV in a background job (see `jobs`), when the tables are long
(more than SENSI_MY_DATA_INLINE_MAX_ROWS rows): the employee sees its progress on the job's
page and downloads the file there. Only the employee who asked sees the job and its file
(not even a superuser: `may_view` is never true for anyone else), and only they can retry it.
The job writes nothing but its file, kept SENSI_JOBS_RESULT_RETENTION_DAYS."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import jobs
from jobs import Outcome
from jobs import registry as job_registry

from .csv_export import my_data_csv
from .pdf_export import my_data_pdf
from .selectors import PersonalData, personal_data
from .tables import my_data_tables

MY_DATA_EXPORT = "privacy.my_data_export"
FORMATS = ("pdf", "csv")


def register() -> None:
    job_registry.register(
        MY_DATA_EXPORT,
        gettext_lazy("My data as a file"),
        may_start=lambda user: user.is_authenticated,
        may_view=lambda user, job: False,
    )


def table_rows(data: PersonalData) -> int:
    return sum(len(table.rows) for table in my_data_tables(data).values())


def start_export(user, export_format: str):
    return jobs.start(
        MY_DATA_EXPORT,
        "privacy.jobs.my_data_export_job",
        user=user,
        reuse_unfinished=True,
        user_id=user.pk,
        format=export_format,
    )


def filename(extension: str) -> str:
    return f"sensi-personal-data-{timezone.localdate():%Y-%m-%d}.{extension}"


def my_data_export_job(*, progress, user_id: int, format: str):  # noqa: A002 - the stored name
    user = get_user_model().objects.get(pk=user_id)
    progress(0, 2, _("Collecting your data"))
    data = personal_data(user)
    progress(1, 2, _("Writing the file"))
    content = my_data_pdf(data) if format == "pdf" else "".join(my_data_csv(data)).encode()
    progress(2, 2, _("Writing the file"))
    return Outcome(
        summary=_("Your file is ready."), file_name=filename(format), file_content=content
    )
