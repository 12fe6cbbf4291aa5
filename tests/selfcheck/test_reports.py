"""selfcheck.reports: the CISO's shares per step and Ressort, withheld below the minimum group
size, within the compliance reports' scopes, aggregated in one query."""

import uuid

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from compliance.models import ReportAccess
from compliance.reports.scopes import Role
from selfcheck.reports import answer_counts
from selfcheck.selectors import steps_for
from selfcheck.services import submit_check
from tests.compliance.reports.org import user_with
from tests.factories import dienststelle, employee, ressort, sign_in_with_mfa

pytestmark = pytest.mark.django_db

MINIMUM = 5


def take(person, steps, *answers):
    submit_check(
        user=person.user,
        steps=steps,
        answers={str(s.translation_key): a for s, a in zip(steps, answers, strict=True)},
        submission_id=uuid.uuid4(),
        language="de",
    )


@pytest.fixture
def org(steps):
    """RA: MINIMUM employees took the check (3 of them did the first step); RB: MINIMUM - 1
    took it, and one more never did."""
    steps = steps_for("de")
    ra, rb = ressort("RA", "Ressort A"), ressort("RB", "Ressort B")
    office_a, office_b = dienststelle("RA-1", of=ra), dienststelle("RB-1", of=rb)
    people_a = [employee(office=office_a) for _ in range(MINIMUM)]
    people_b = [employee(office=office_b) for _ in range(MINIMUM)]
    for n, person in enumerate(people_a):
        take(person, steps, "done" if n < 3 else "unknown", "done", "not_possible")
    for person in people_b[: MINIMUM - 1]:
        take(person, steps, "done", "done", "done")
    return {"ra": ra, "rb": rb, "a": people_a, "b": people_b, "steps": steps}


def client_for(client, role, **fields):
    sign_in_with_mfa(client, user_with(role, **fields))
    return client


def url():
    return reverse("selfcheck:report")


def withheld_text():
    return _("withheld: fewer than %(minimum)s employees") % {"minimum": MINIMUM}


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_shares_are_shown_at_the_minimum_and_withheld_below_it(client, org):
    html = client_for(client, Role.CISO).get(url()).content.decode()
    assert "60,0 %" in html or "60.0 %" in html  # RA, first step: 3 of 5
    assert "100,0 %" in html or "100.0 %" in html  # RA, second step: 5 of 5
    # RB has MINIMUM - 1: withheld, in words, for every step.
    assert html.count(escape(withheld_text())) == len(org["steps"])
    first_row_of_rb = html.split("RB – Ressort B")[1].split("</tr>")[0]
    assert escape(withheld_text()) in first_row_of_rb


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_one_more_employee_reaches_the_minimum_and_shows_the_figures(client, org):
    take(org["b"][-1], org["steps"], "unknown", "done", "done")
    html = client_for(client, Role.CISO).get(url()).content.decode()
    assert escape(withheld_text()) not in html
    assert "80,0 %" in html or "80.0 %" in html  # RB, first step: 4 of 5


def test_only_the_latest_run_and_active_employees_count(org):
    steps = org["steps"]
    first = steps[0].translation_key
    before = answer_counts(None)[(org["ra"].pk, first)]
    assert before == (5, 3)
    take(org["a"][3], steps, "done", "done", "done")  # a repeat: replaces their earlier run
    assert answer_counts(None)[(org["ra"].pk, first)] == (5, 4)
    leaver = org["a"][0]
    leaver.active = False
    leaver.save()
    assert answer_counts(None)[(org["ra"].pk, first)] == (4, 3)


def test_the_aggregate_is_one_query(org, django_assert_num_queries):
    with django_assert_num_queries(1):
        answer_counts(None)
    with django_assert_num_queries(1):
        answer_counts(frozenset({org["ra"].pk}))


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_the_page_query_count_does_not_grow_with_employees(
    client, org, django_assert_max_num_queries
):
    signed_in = client_for(client, Role.CISO)
    signed_in.get(url())
    with django_assert_max_num_queries(14):
        signed_in.get(url())


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_a_ressort_isb_sees_only_their_ressorts(client, org):
    html = client_for(client, Role.RESSORT_ISB, ressorts=[org["ra"]]).get(url()).content.decode()
    assert "RA – Ressort A" in html
    assert "RB – Ressort B" not in html


@pytest.mark.parametrize("role", [None, Role.DATA_PROTECTION_OFFICER])
def test_without_an_information_security_grant_the_page_is_forbidden(client, org, role):
    assert client_for(client, role).get(url()).status_code == 403
    assert not ReportAccess.objects.exists()


def test_every_view_is_logged(client, org):
    client_for(client, Role.CISO).get(url())
    access = ReportAccess.objects.get()
    assert access.parameters["view"] == "home_office_self_check"


def test_no_answers_or_names_of_individuals_are_shown(client, org):
    html = client_for(client, Role.CISO).get(url()).content.decode()
    for person in org["a"]:
        assert person.personnel_number not in html
        assert str(person.user.pseudonym) not in html


def test_the_compliance_dashboard_links_to_the_page(client, org):
    html = client_for(client, Role.CISO).get(reverse("compliance:reports")).content.decode()
    assert url() in html


def test_a_data_protection_officer_gets_no_link(client, org):
    signed_in = client_for(client, Role.DATA_PROTECTION_OFFICER)
    html = signed_in.get(reverse("compliance:reports")).content.decode()
    assert url() not in html
