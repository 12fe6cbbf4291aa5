"""The HR import as an upload in the Wagtail admin (compliance.imports.views)."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from compliance.models import Employee
from jobs.models import Job
from tests.compliance.imports.hr_data import (
    csv_file,
    existing,
    line,
)
from tests.factories import UserFactory, sign_in_with_mfa

pytestmark = pytest.mark.django_db


def upload(data: bytes, **options):
    return {"file": SimpleUploadedFile("export.csv", data, content_type="text/csv"), **options}


URL = reverse("compliance_import_employees")


def test_the_upload_page_offers_the_form_with_dry_run_ticked(admin_client):
    response = admin_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'for="id_file"' in page and 'type="file"' in page
    assert re.search(r'<input type="checkbox" name="dry_run"[^>]*checked', page)
    assert not re.search(r'<input type="checkbox" name="partial"[^>]*checked', page)
    assert URL in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_ordinary_user_cannot_open_the_upload_page(learner_client):
    response = learner_client.get(URL)
    assert response.status_code in (302, 403)
    assert learner_client.post(URL, upload(csv_file(line()))).status_code in (302, 403)
    assert not Employee.objects.exists()


def test_an_editor_without_the_permission_neither_sees_nor_opens_it(client):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_with_mfa(client, editor)
    assert client.get(URL).status_code in (302, 403)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="add_employee"))
    assert client.get(URL).status_code == 200


def _job_page(admin_client, response):
    """The upload starts a background job (run at once by the test settings' immediate
    backend) and redirects to its page. The job reports in the language of the admin who
    started it: German here."""
    assert response.status_code == 302
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs_detail", args=[job.pk])
    page = admin_client.get(response["Location"])
    assert page.status_code == 200
    return job, page.content.decode()


def test_uploading_with_dry_run_shows_the_report_and_changes_nothing(admin_client, org):
    response = admin_client.post(URL, upload(csv_file(line("1001"), line("1002")), dry_run="on"))

    job, page = _job_page(admin_client, response)
    assert job.state == Job.State.SUCCEEDED
    assert job.summary.startswith("Probelauf:") and "Angelegt: 2" in job.summary
    assert "Angelegt: 2" in page
    assert not Employee.objects.exists()
    assert not job.input_file, "a finished import keeps no copy of the upload"


def test_uploading_without_dry_run_imports(admin_client, org):
    job, _page = _job_page(admin_client, admin_client.post(URL, upload(csv_file(line("1001")))))
    assert job.summary.startswith("Die Datei wurde importiert.")
    assert Employee.objects.filter(personnel_number="1001").exists()


def test_an_upload_with_errors_lists_them_by_line_and_changes_nothing(admin_client, org):
    data = csv_file(line("1001"), line("1002", entry="31.02.2020"))

    job, page = _job_page(admin_client, admin_client.post(URL, upload(data)))

    assert job.state == Job.State.FAILED
    assert job.summary.startswith("Die Datei wurde nicht importiert")
    assert "Zeile 3:" in page and "31.02.2020" in page
    assert reverse("jobs_download", args=[job.pk]) in page  # the errors as a CSV file
    assert not Employee.objects.exists()


def test_upload_options_partial_and_skip_invalid_are_passed_on(admin_client, org):
    other = existing("9999", org["HMdIS-Z"])
    data = csv_file(line("1001"), line("1002", entry="x"))

    job, _page = _job_page(
        admin_client, admin_client.post(URL, upload(data, partial="on", skip_invalid="on"))
    )

    assert job.state == Job.State.SUCCEEDED
    assert "Angelegt: 1" in job.summary and "Ausgeschieden: 0" in job.summary
    assert Employee.objects.filter(personnel_number="1001").exists()
    other.refresh_from_db()
    assert other.active


def test_an_upload_without_file_explains_the_error_at_the_field(admin_client):
    response = admin_client.post(URL, {"dry_run": "on"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_file_helptext id_file_error"' in page
    assert 'id="id_file_error"' in page and 'href="#id_file"' in page
