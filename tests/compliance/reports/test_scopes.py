"""Who may see which report: the scope matrix, enforced on the server.

CISO: everything. Datenschutzbeauftragte: data protection obligations everywhere, no names.
Ressort-ISB: their own Ressort only, names included. Redaktion, employees, superusers
without a report role and Ressort-ISB without an assigned Ressort: no report at all.
"""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.models import ReportAccess
from compliance.reports.scopes import Role, operator_scope, scope_for
from compliance.services import record_correction
from tests.compliance.reports.org import build_org, user_with
from tests.compliance.reports.spreadsheets import xlsx_rows, xlsx_text
from tests.factories import UserFactory, employee, obligation, sign_in_with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(home):
    org = build_org(home)
    org.users = {
        "ciso": user_with(Role.CISO),
        "dsb": user_with(Role.DATA_PROTECTION_OFFICER),
        "isb_a": user_with(Role.RESSORT_ISB, ressorts=[org.ra]),
        "isb_unassigned": user_with(Role.RESSORT_ISB),
        "redaktion": user_with("Redaktion"),
        "employee": employee(office=org.offices["A2"]).user,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    return org


def endpoints(org):
    a1, b1 = org.offices["A1"], org.offices["B1"]
    return {
        "dashboard": reverse("compliance:reports"),
        "trend": reverse("compliance:reports_trend"),
        "ressort_a": reverse("compliance:reports_ressort", args=["RA"]),
        "ressort_b": reverse("compliance:reports_ressort", args=["RB"]),
        "office_a": reverse("compliance:reports_dienststelle", args=["RA", a1.pk]),
        "office_b": reverse("compliance:reports_dienststelle", args=["RB", b1.pk]),
        "names": reverse("compliance:reports_overdue"),
        "names_b": reverse("compliance:reports_overdue") + "?ressort=RB",
        "names_csv": reverse("compliance:reports_overdue_csv"),
        "names_xlsx": reverse("compliance:reports_overdue_xlsx"),
        "csv": reverse("compliance:reports_csv") + "?format=csv-machine",
        "csv_excel": reverse("compliance:reports_csv"),
        "xlsx": reverse("compliance:reports_xlsx"),
        "pdf": reverse("compliance:reports_pdf"),
    }


ALL = {
    "dashboard",
    "trend",
    "ressort_a",
    "ressort_b",
    "office_a",
    "office_b",
    "names",
    "names_b",
    "names_csv",
    "names_xlsx",
    "csv",
    "csv_excel",
    "xlsx",
    "pdf",
}
ALLOWED = {
    "ciso": ALL,
    "dsb": ALL - {"names", "names_b", "names_csv", "names_xlsx"},
    "isb_a": ALL - {"ressort_b", "office_b", "names_b"},
    "isb_unassigned": set(),
    "redaktion": set(),
    "employee": set(),
    "superuser": set(),
}


@pytest.mark.parametrize("who", sorted(ALLOWED))
def test_scope_matrix(client, org, who):
    sign_in_with_mfa(client, org.users[who])
    for name, url in endpoints(org).items():
        response = client.get(url)
        expected = 200 if name in ALLOWED[who] else 403
        assert response.status_code == expected, (who, name)


def test_the_matrix_covers_every_report_and_export_url(org):
    from compliance.urls import urlpatterns

    covered = {url.split("?")[0] for url in endpoints(org).values()}
    for pattern in urlpatterns:
        if pattern.name.startswith("reports"):
            assert any(
                pattern.pattern.match(url.lstrip("/").removeprefix("de/")) for url in covered
            ), f"{pattern.name} is missing from the scope matrix"


# Beyond the reports: personal documents, the admin areas and the LRS, per role.
PERSONAL_AND_ADMIN = {
    # who: (own confirmation PDF of the employee, Wagtail admin, Django admin)
    "ciso": (404, False, False),
    "dsb": (404, False, False),
    "isb_a": (404, False, False),
    "isb_unassigned": (404, False, False),
    "redaktion": (404, False, False),
    "employee": (200, False, False),
    "superuser": (404, True, True),
}


@pytest.mark.parametrize("who", sorted(PERSONAL_AND_ADMIN))
def test_personal_documents_admin_areas_and_lrs_matrix(client, org, who):
    person = org.users["employee"].employee
    entry = record_correction(
        employee=person,
        version=obligation().versions.get(),
        confirmed_at=timezone.now(),
        language="de",
        reason="Papier",
        recorded_by=org.users["superuser"],
    )
    pdf_status, wagtail_admin, django_admin = PERSONAL_AND_ADMIN[who]
    user = org.users[who]
    sign_in_with_mfa(client, user)

    pdf = client.get(reverse("compliance:confirmation_pdf", args=[entry.seq]))
    assert pdf.status_code == pdf_status, who
    assert (client.get("/admin/").status_code == 200) is wagtail_admin, who
    assert (client.get("/django-admin/").status_code == 200) is django_admin, who
    # A signed-in session is no LRS credential: statements need an LRS client's key.
    assert client.get("/xapi/statements", HTTP_X_EXPERIENCE_API_VERSION="1.0.3").status_code == 401
    # Meine Daten holds the signed-in person's own data and nobody else's.
    own = b"".join(client.get(reverse("privacy:download")).streaming_content).decode()
    assert user.email in own
    others = {u.email for name, u in org.users.items() if name != who}
    assert not [email for email in others if email in own], who


def test_anonymous_visitors_are_sent_to_the_login(client, org):
    for url in endpoints(org).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert not ReportAccess.objects.exists()


def test_refused_requests_compute_and_log_nothing(client, org):
    sign_in_with_mfa(client, org.users["isb_a"])
    client.get(endpoints(org)["ressort_b"])
    sign_in_with_mfa(client, org.users["dsb"])
    client.get(endpoints(org)["names"])
    assert not ReportAccess.objects.exists()


def all_names(org):
    return {p.user.last_name for people in org.people.values() for p in people}


def names_of(org, *offices):
    return {p.user.last_name for office in offices for p in org.people[office]}


def test_ressort_isb_sees_nothing_of_other_ressorts(client, org):
    sign_in_with_mfa(client, org.users["isb_a"])
    urls = endpoints(org)
    dashboard = client.get(urls["dashboard"])
    assert [row.label for row in dashboard.context["rows"]] == ["RA – Ressort A"]
    text = dashboard.content.decode()
    # as a word: the random CSRF token may contain the letters "RB"
    assert not re.search(r"\bRB\b", text) and "Ressort B" not in text

    rows = list(csv.DictReader(io.StringIO(streamed(client.get(urls["csv"])))))
    assert {row["ressort_code"] for row in rows} == {"", "RA"}

    page = client.get(urls["names"]).content.decode()
    assert all(name in page for name in names_of(org, "A11", "A12") - overdue_free(org))
    assert not any(name in page for name in names_of(org, "B1"))

    listed = streamed(client.get(urls["names_csv"]))
    assert not any(name in listed for name in names_of(org, "B1"))

    rows = xlsx_rows(client.get(urls["xlsx"]))
    assert {row["Ressort (Kürzel)"] for row in rows} == {None, "RA"}
    listed = xlsx_text(client.get(urls["names_xlsx"]))
    assert names_of(org, "A11") - overdue_free(org) <= set(listed.split("\n"))
    assert not any(name in listed for name in names_of(org, "B1"))


def overdue_free(org):
    """People of RA without an overdue acknowledgement."""
    return {p.user.last_name for p in org.people["A11"][:4] + org.people["A2"]}


def test_ressort_isb_named_list_is_exactly_the_overdue_people_of_their_ressort(client, org):
    sign_in_with_mfa(client, org.users["isb_a"])
    response = client.get(endpoints(org)["names"])
    listed = {row["employee__user__last_name"] for row in response.context["page"]}
    assert listed == names_of(org, "A11", "A12") - overdue_free(org)


def test_data_protection_officer_cannot_choose_it_security_obligations(client, org):
    sign_in_with_mfa(client, org.users["dsb"])
    url = endpoints(org)["dashboard"]
    page = client.get(url).content.decode()
    assert "Datenschutz" in page and "IT-Sicherheit" not in page
    assert client.get(url, {"obligation": org.it_security.pk}).status_code == 400
    assert client.get(url, {"topic": "it_security"}).status_code == 400


def test_aggregate_reports_never_show_names_or_quiz_results(client, org):
    sign_in_with_mfa(client, org.users["ciso"])
    urls = endpoints(org)
    for name in ("dashboard", "trend", "ressort_a", "office_a", "csv", "csv_excel", "xlsx"):
        response = client.get(urls[name])
        if name == "xlsx":
            body = xlsx_text(response)
        else:
            body = streamed(response) if response.streaming else response.content.decode()
        assert not any(person in body for person in all_names(org)), name
        assert "score" not in body.lower(), name


def test_ressort_isb_without_an_assignment_or_role_holder_without_group_has_no_scope(org):
    assert not scope_for(org.users["isb_unassigned"]).may_view
    only_assigned = user_with(None, ressorts=[org.ra])
    assert not scope_for(only_assigned).may_view


def test_scopes_of_each_role(org):
    ciso, dsb, isb = (scope_for(org.users[key]) for key in ("ciso", "dsb", "isb_a"))
    assert ciso.ressort_ids is None and ciso.may_see_names
    assert dsb.topics == {"data_protection"} and not dsb.may_see_names
    assert isb.ressort_ids == {org.ra.pk} and isb.may_see_names
    assert not operator_scope().may_see_names


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")
