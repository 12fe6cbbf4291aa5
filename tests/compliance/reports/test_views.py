"""The report pages: what they show, the access log, and bounded queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from compliance.models import ObligationVersion, ReportAccess
from compliance.reports.figures import Withheld
from compliance.reports.scopes import Role
from compliance.services import sync_statuses
from tests.compliance.reports.org import attend, build_org, staff, user_with
from tests.factories import dienststelle, ressort, sign_in_with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(home):
    return build_org(home)


@pytest.fixture
def ciso(org):
    return user_with(Role.CISO, first_name="Clara", last_name="Sicher")


@pytest.fixture
def ciso_client(client, ciso):
    sign_in_with_mfa(client, ciso)
    return client


def test_dashboard_shows_each_ressort_with_its_figures(ciso_client, org):
    response = ciso_client.get(reverse("compliance:reports"))
    assert response.status_code == 200
    rows = {row.label: row.group.shown for row in response.context["rows"]}
    assert rows["RA – Ressort A"].employees == 14
    assert rows["RB – Ressort B"].current == 1
    html = response.content.decode()
    assert '<caption id="figures-table-caption">' in html and '<th scope="row">' in html
    # Where it is too wide it scrolls in a focusable region named by the caption.
    assert re.search(
        r'<div class="report-table-scroll" role="region" tabindex="0"\s+'
        r'aria-labelledby="figures-table-caption">\s*<table',
        html,
    )
    assert reverse("compliance:reports_ressort", args=["RA"]) in html


def test_drilldown_marks_withheld_cells_with_text_not_colour(ciso_client, org):
    a1 = org.offices["A1"]
    response = ciso_client.get(reverse("compliance:reports_dienststelle", args=["RA", a1.pk]))
    rows = {row.label: row.group for row in response.context["rows"]}
    assert rows["A12 – Referat A12"].withheld == Withheld.SMALL
    assert rows["A11 – Referat A11"].withheld == Withheld.COMPLEMENTARY
    assert response.context["total"].shown.employees == 9
    html = response.content.decode()
    assert "&lt; 5" in html
    # Eight cells of the complementary row, seven beside "< 5" of the small one.
    assert html.count('<span class="visually-hidden">ausgeblendet</span>') == 15


def test_a_withheld_group_stays_withheld_on_its_own_page(ciso_client, org):
    a11 = org.offices["A11"]
    response = ciso_client.get(reverse("compliance:reports_dienststelle", args=["RA", a11.pk]))
    assert response.context["total"].shown is None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", response.content.decode(), re.S)
    assert cells
    assert "6" not in [cell.strip() for cell in cells]


def test_filters_are_kept_in_the_links_to_drilldowns_and_exports(ciso_client, org):
    response = ciso_client.get(reverse("compliance:reports"), {"topic": "it_security"})
    html = response.content.decode()
    assert reverse("compliance:reports_ressort", args=["RA"]) + "?topic=it_security" in html
    assert reverse("compliance:reports_pdf") + "?topic=it_security" in html


def test_every_view_and_export_is_logged_with_who_what_and_when(ciso_client, ciso, org):
    a1 = org.offices["A1"]
    urls = [
        (reverse("compliance:reports"), "dashboard"),
        (reverse("compliance:reports_trend"), "trend"),
        (reverse("compliance:reports_ressort", args=["RA"]), "ressort"),
        (reverse("compliance:reports_dienststelle", args=["RA", a1.pk]), "dienststelle"),
        (reverse("compliance:reports_overdue"), "overdue"),
        (reverse("compliance:reports_overdue_csv"), "overdue_csv"),
        (reverse("compliance:reports_csv"), "csv"),
        (reverse("compliance:reports_pdf"), "pdf"),
    ]
    for url, _report in urls:
        response = ciso_client.get(url, {"obligation": org.it_security.pk})
        assert response.status_code == 200, url
    entries = list(ReportAccess.objects.order_by("pk"))
    assert [e.report for e in entries] == [report for _url, report in urls]
    for entry, (url, _report) in zip(entries, urls, strict=True):
        assert entry.user == ciso and entry.actor == ciso.email and entry.roles == "CISO"
        assert entry.parameters["obligation"] == org.it_security.pk
        assert entry.parameters["path"] == url
        assert entry.at is not None
    assert entries[3].parameters["dienststelle"] == "A1"


def test_the_access_log_cannot_be_deleted_through_the_model(ciso_client, org):
    ciso_client.get(reverse("compliance:reports"))
    with pytest.raises(Exception, match="cannot be deleted"):
        ReportAccess.objects.get().delete()


def test_named_list_is_paginated_and_links_to_its_csv(ciso_client, org):
    response = ciso_client.get(reverse("compliance:reports_overdue"), {"ressort": "RA"})
    assert response.context["page"].paginator.count == 5
    assert reverse("compliance:reports_overdue_csv") + "?ressort=RA" in response.content.decode()


def test_named_list_of_an_unknown_dienststelle_or_ressort_is_not_found(ciso_client, org):
    url = reverse("compliance:reports_overdue")
    assert ciso_client.get(url, {"ressort": "XX"}).status_code == 404
    assert ciso_client.get(url, {"dienststelle": org.offices["A1"].pk}).status_code == 404
    assert ciso_client.get(url, {"dienststelle": "x"}).status_code == 404


def test_trend_page_is_an_accessible_table_beside_its_chart(ciso_client, org):
    ObligationVersion.objects.update(valid_from=timezone.now() - datetime.timedelta(days=400))
    response = ciso_client.get(reverse("compliance:reports_trend"))
    html = response.content.decode()
    assert len(response.context["points"]) == 12
    assert "<caption>" in html and html.count('<th scope="row">') == 12
    assert re.search(r'<svg[^>]*role="img"', html) and 'id="trend-table"' in html


def test_trend_page_starts_at_the_first_month_with_data(ciso_client, org):
    # In force since the middle of the month before last: two month ends with figures.
    since = timezone.localdate().replace(day=1) - datetime.timedelta(days=45)
    ObligationVersion.objects.update(
        valid_from=timezone.make_aware(datetime.datetime.combine(since, datetime.time()))
    )
    response = ciso_client.get(reverse("compliance:reports_trend"))
    points = response.context["points"]
    assert len(points) == 2 and points[0].required > 0
    assert response.content.decode().count('<th scope="row">') == 2


def test_trend_page_before_any_month_with_data_says_so(ciso_client, org):
    response = ciso_client.get(reverse("compliance:reports_trend"))
    assert response.context["points"] == []
    assert "<svg" not in response.content.decode()


def grow(org, *, ressorts: int, offices: int, people: int):
    """More Ressorts, Dienststellen and employees, with their status rows."""
    for r in range(ressorts):
        extra = ressort(f"X{r}", f"Ressort X{r}")
        top = dienststelle(f"X{r}-0", of=extra)
        for o in range(offices):
            office = top.add_child(ressort=extra, code=f"X{r}-0-{o}", name=f"Stelle {o}")
            top.refresh_from_db()
            staff(office, f"X{r}-{o}", people)
    sync_statuses(org.it_security)
    sync_statuses(org.data_protection)


@pytest.mark.parametrize(
    "name", ["reports", "reports_ressort", "reports_dienststelle", "reports_trend"]
)
def test_queries_do_not_grow_with_the_organisation(ciso_client, org, name):
    args = {
        "reports_ressort": ["RA"],
        "reports_dienststelle": ["RA", org.offices["A1"].pk],
    }.get(name, [])
    url = reverse(f"compliance:{name}", args=args)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert ciso_client.get(url).status_code == 200
        return len(queries)

    count()  # the trend's first request takes the monthly snapshots (a few queries a month)
    small = count()
    grow(org, ressorts=3, offices=4, people=6)
    assert count() == small


def test_dashboard_query_budget(ciso_client, org, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        ciso_client.get(reverse("compliance:reports"))


def test_drilldown_counts_attendance_and_explains_it_without_naming_anyone(ciso_client, org):
    for person in org.people["A11"][4:6]:
        attend(person, org.it_security)
    response = ciso_client.get(reverse("compliance:reports_ressort", args=["RA"]))
    assert response.context["total"].shown.attended == 2
    html = response.content.decode()
    assert 'data-label="Aktuell durch Teilnahme an einem Termin">2</td>' in html
    assert 'id="measure-attended"' in html
    assert "Person-A11" not in html  # an aggregate page: counts only


def test_named_list_says_how_the_latest_acknowledgement_was_made(ciso_client, org):
    person = org.people["B1"][1]
    attend(person, org.it_security)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    org.it_security.statuses.filter(employee=person).update(
        current_until=yesterday, due_on=yesterday
    )
    response = ciso_client.get(reverse("compliance:reports_overdue"), {"ressort": "RB"})
    html = response.content.decode()
    assert '<th scope="col">Letzter Nachweis</th>' in html
    assert 'data-label="Letzter Nachweis">Teilnahme an Termin</td>' in html
    assert 'data-label="Letzter Nachweis">noch keiner</td>' in html
