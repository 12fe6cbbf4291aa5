"""Figures of the compliance reports for a small hand-made organisation, suppression of
small groups, and the monthly trend."""

import datetime

import pytest
from django.utils import timezone

from compliance.dates import add_months
from compliance.models import ObligationVersion, ReportAccess
from compliance.reports.access import Report, open_report
from compliance.reports.figures import Figures, Group, Kind, Withheld, build_tree, suppress
from compliance.reports.scopes import Grant, Role, Scope, operator_scope
from compliance.reports.selectors import available_obligations, org_figures, select
from compliance.reports.trend import month_ends, trend
from compliance.services import create_obligation
from tests.compliance.reports.org import acknowledge, attend, build_org, staff
from tests.factories import dienststelle, module_page, ressort

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(home):
    return build_org(home)


def selection_for(scope: Scope, **filters):
    opened = open_report(scope=scope, report=Report.DASHBOARD, parameters={}, actor="test")
    available = available_obligations(scope)
    if "obligation" in filters:
        filters["obligation"] = next(o for o in available if o.pk == filters["obligation"].pk)
    return select(opened, available, **filters)


def by_code(org_result):
    return {org_result.ressorts[g.ressort_id].code: g for g in org_result.ressort_groups()}


def test_figures_per_ressort_count_employees_whose_every_obligation_is_current(org):
    result = org_figures(selection_for(operator_scope()))
    groups = by_code(result)
    assert groups["RA"].figures == Figures(employees=14, current=5, overdue_employees=5, overdue=5)
    assert groups["RB"].figures == Figures(employees=6, current=1, overdue_employees=5, overdue=5)
    assert result.root.figures == Figures(20, 6, 10, 10)
    assert result.root.figures.percent == 30.0


def test_filtering_by_obligation_counts_only_that_obligation(org):
    result = org_figures(selection_for(operator_scope(), obligation=org.it_security))
    groups = by_code(result)
    assert groups["RA"].figures == Figures(14, 9, 5, 5)
    assert groups["RB"].figures == Figures(6, 1, 5, 5)


def test_filtering_by_topic_counts_only_obligations_of_that_topic(org):
    result = org_figures(selection_for(operator_scope(), topic="data_protection"))
    groups = by_code(result)
    assert groups["RA"].figures == Figures(14, 5, 0, 0)
    assert groups["RB"].figures == Figures(6, 6, 0, 0)


def test_data_protection_officer_counts_data_protection_obligations_only(org):
    scope = Scope(
        (Grant(Role.DATA_PROTECTION_OFFICER, None, frozenset({"data_protection"}), False),)
    )
    selection = selection_for(scope)
    assert [o.title for o in selection.obligations] == ["Datenschutz"]
    assert by_code(org_figures(selection))["RA"].figures == Figures(14, 5, 0, 0)


def test_ressort_isb_counts_their_ressort_only(org):
    scope = Scope(
        (
            Grant(
                Role.RESSORT_ISB,
                frozenset({org.ra.pk}),
                frozenset({"it_security", "data_protection"}),
                True,
            ),
        )
    )
    result = org_figures(selection_for(scope))
    assert list(by_code(result)) == ["RA"]
    assert result.root.figures == Figures(14, 5, 5, 5)


def test_a_person_with_two_roles_gets_each_grant_in_its_own_rectangle(org):
    """Datenschutzbeauftragte for everybody plus Ressort-ISB of RA: RB counts data
    protection only, RA counts both obligations."""
    scope = Scope(
        (
            Grant(Role.DATA_PROTECTION_OFFICER, None, frozenset({"data_protection"}), False),
            Grant(
                Role.RESSORT_ISB,
                frozenset({org.ra.pk}),
                frozenset({"it_security", "data_protection"}),
                True,
            ),
        )
    )
    groups = by_code(org_figures(selection_for(scope)))
    assert groups["RA"].figures == Figures(14, 5, 5, 5)
    assert groups["RB"].figures == Figures(6, 6, 0, 0)


def test_inactive_employees_and_inactive_obligations_are_not_counted(org):
    leaver = org.people["B1"][0]
    leaver.active = False
    leaver.save()
    org.data_protection.active = False
    org.data_protection.save()
    groups = by_code(org_figures(selection_for(operator_scope())))
    assert groups["RB"].figures == Figures(5, 0, 5, 5)


def test_drilldown_groups_by_dienststelle_subtree_and_withholds_small_groups(org):
    result = org_figures(selection_for(operator_scope()), by_office=True)
    ra = result.find(org.ra.pk)
    a1 = result.find(org.ra.pk, org.offices["A1"].path)
    a11, a12 = (result.find(org.ra.pk, org.offices[code].path) for code in ("A11", "A12"))
    assert [part.path for part in ra.parts] == [org.offices["A1"].path, org.offices["A2"].path]
    assert a1.figures == Figures(9, 0, 5, 5) and a1.withheld is None
    assert a12.figures.employees == 3 and a12.withheld == Withheld.SMALL
    # A11 alone would give away A12 by subtraction from A1.
    assert a11.withheld == Withheld.COMPLEMENTARY
    assert a11.shown is None and a12.shown is None


def test_the_minimum_group_size_is_a_setting(org, settings):
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 3
    result = org_figures(selection_for(operator_scope()), by_office=True)
    a12 = result.find(org.ra.pk, org.offices["A12"].path)
    assert a12.shown == Figures(3, 0, 3, 3)


def test_a_scope_below_the_minimum_is_withheld_entirely(org, settings):
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 25
    result = org_figures(selection_for(operator_scope()))
    assert all(group.shown is None for group in result.root.walk())


def test_attended_counts_current_acknowledgements_that_attending_a_session_discharged(org):
    """A mix: most acknowledgements entered by an administrator, some by attending a session;
    an attendance that has run out and one on an obligation already current do not count."""
    admin = org.admin
    attend(org.people["A2"][0], org.it_security, by=admin)  # already current: left alone
    for person in org.people["A11"][4:6] + org.people["B1"][1:4]:
        attend(person, org.it_security, by=admin)
    expired = org.people["B1"][3]
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    org.it_security.statuses.filter(employee=expired).update(
        current_until=yesterday, due_on=yesterday
    )
    result = org_figures(selection_for(operator_scope()), by_office=True)
    groups = by_code(result)
    assert groups["RA"].figures == Figures(14, 5, 3, 3, attended=2)
    assert groups["RB"].figures == Figures(6, 3, 3, 3, attended=2)
    assert result.root.figures.attended == 4
    a11 = result.find(org.ra.pk, org.offices["A11"].path)
    assert a11.figures.attended == 2
    assert result.find(org.ra.pk, org.offices["A1"].path).shown.attended == 2
    # By obligation: data protection was never attended.
    only_dp = org_figures(selection_for(operator_scope(), obligation=org.data_protection))
    assert only_dp.root.figures.attended == 0


def test_attended_is_withheld_with_its_small_group(org, settings):
    for person in org.people["A12"][:2]:
        attend(person, org.it_security)
    result = org_figures(selection_for(operator_scope()), by_office=True)
    a12 = result.find(org.ra.pk, org.offices["A12"].path)
    assert a12.figures.attended == 2 and a12.withheld == Withheld.SMALL and a12.shown is None
    assert result.find(org.ra.pk, org.offices["A11"].path).shown is None  # complementary
    assert result.find(org.ra.pk, org.offices["A1"].path).shown.attended == 2
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 3
    result = org_figures(selection_for(operator_scope()), by_office=True)
    assert result.find(org.ra.pk, org.offices["A12"].path).shown.attended == 2


def test_attended_adds_up_the_tree():
    assert Figures(5, 2, attended=1) + Figures(7, 3, attended=2) == Figures(12, 5, attended=3)


# --- the suppression rule on its own ---------------------------------------------------------


def tree(total_parts):
    root = Group(Kind.TOTAL)
    for size, children in total_parts:
        part = Group(Kind.RESSORT, ressort_id=size, figures=Figures(size, size))
        for child in children:
            part.parts.append(Group(Kind.OFFICE, size, f"{child:04d}", Figures(child, child)))
        root.parts.append(part)
        root.figures += part.figures
    return root


def test_two_small_groups_protect_each_other_without_complementary_suppression():
    root = suppress(tree([(3, []), (4, []), (20, [])]), 5)
    assert [g.withheld for g in root.parts] == [Withheld.SMALL, Withheld.SMALL, None]


def test_a_single_small_group_takes_the_next_smallest_with_it():
    root = suppress(tree([(3, []), (9, []), (20, [])]), 5)
    assert [g.withheld for g in root.parts] == [Withheld.SMALL, Withheld.COMPLEMENTARY, None]


def test_a_complementary_suppression_carries_on_into_the_withheld_groups_parts():
    root = suppress(tree([(3, []), (12, [6, 6]), (20, [])]), 5)
    withheld = root.parts[1]
    assert withheld.withheld == Withheld.COMPLEMENTARY
    # Its two parts would add up to it; one of them is withheld too.
    assert [p.withheld for p in withheld.parts].count(Withheld.COMPLEMENTARY) == 1


def test_tree_keeps_employees_placed_directly_in_a_dienststelle_apart():
    rows = [(1, 10, Figures(2, 1)), (1, 11, Figures(7, 7))]
    root = build_tree(rows, paths={10: "0001", 11: "00010001"})
    office = root.parts[0].parts[0]
    assert [p.kind for p in office.parts] == [Kind.DIRECT, Kind.OFFICE]
    assert office.figures == Figures(9, 8)


# --- trend -----------------------------------------------------------------------------------


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def yearly(home):
    """A yearly obligation in force for two years, five people (one joined recently)."""
    office = dienststelle("T1", of=ressort("RT", "Ressort T"))
    people = staff(office, "T", 4)
    ends = month_ends(timezone.localdate())
    late = staff(office, "late", 1)[0]
    late.entry_date = ends[8] - datetime.timedelta(days=5)
    late.save()
    duty = create_obligation(
        title="Jährliche Unterweisung",
        module=module_page(home=home, title="Jährlich", lessons=1, questions=[]),
        text_de="Gelesen.",
        text_en="Read.",
        due_date=timezone.localdate() - datetime.timedelta(days=400),
        recurrence_months=12,
    )
    ObligationVersion.objects.filter(obligation=duty).update(
        valid_from=timezone.now() - datetime.timedelta(days=800)
    )
    return duty, people, ends


def test_trend_counts_a_person_from_their_confirmation_until_the_recurrence_runs_out(
    yearly, settings
):
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 1
    duty, (e1, e2, _e3, e4), ends = yearly
    acknowledge(e1, duty, when=at(ends[3] - datetime.timedelta(days=10)))
    # Renewed early: two entries, counted once.
    acknowledge(e2, duty, when=at(ends[1] - datetime.timedelta(days=10)))
    acknowledge(e2, duty, when=at(ends[5] - datetime.timedelta(days=10)))
    # Confirmed a little over a year before month 6: runs out between months 5 and 6.
    acknowledge(e4, duty, when=at(add_months(ends[6], -12) - datetime.timedelta(days=10)))

    points = trend(selection_for(operator_scope(), obligation=duty))

    assert [p.month_end for p in points] == ends
    assert [p.current for p in points] == [1, 2, 2, 3, 3, 3, 2, 2, 2, 2, 2, 2]
    # The fifth person joined in month 8 and counts from then on.
    assert [p.required for p in points] == [4] * 8 + [5] * 4
    assert points[3].percent == 75.0


def test_trend_without_recurrence_counts_every_confirmation_before_the_month_end(home, settings):
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 1
    office = dienststelle("T2", of=ressort("RT", "Ressort T"))
    (person,) = staff(office, "once", 1)
    duty = create_obligation(
        title="Einmalig",
        module=module_page(home=home, title="Einmal", lessons=1, questions=[]),
        text_de="Gelesen.",
        text_en="Read.",
        due_date=timezone.localdate(),
    )
    ends = month_ends(timezone.localdate())
    ObligationVersion.objects.filter(obligation=duty).update(
        valid_from=at(ends[0]) - datetime.timedelta(days=400)
    )
    acknowledge(person, duty, when=at(ends[2] - datetime.timedelta(days=10)))
    points = trend(selection_for(operator_scope(), obligation=duty))
    assert [p.current for p in points] == [0, 0] + [1] * 10


def test_trend_starts_at_the_first_month_the_obligation_was_in_force(yearly, settings):
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 1
    duty, _people, ends = yearly
    ObligationVersion.objects.filter(obligation=duty).update(
        valid_from=at(ends[4] + datetime.timedelta(days=3))
    )
    points = trend(selection_for(operator_scope(), obligation=duty))
    # No empty months before it: the first point is the first month end with figures.
    assert [p.month_end for p in points] == ends[5:]
    assert points[0].required == 4 and points[0].percent == 0.0


def test_trend_is_empty_before_any_obligation_is_in_force(yearly, settings):
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 1
    duty, _people, _ends = yearly
    ObligationVersion.objects.filter(obligation=duty).update(valid_from=timezone.now())
    assert trend(selection_for(operator_scope(), obligation=duty)) == []


def test_trend_months_with_fewer_people_than_the_minimum_are_withheld(yearly):
    duty, _people, _ends = yearly
    points = trend(selection_for(operator_scope(), obligation=duty))
    assert [p.withheld for p in points] == [True] * 8 + [False] * 4
    assert points[0].percent is None


def test_opening_a_report_writes_the_access_log_first(org):
    scope = operator_scope()
    opened = open_report(scope=scope, report=Report.CSV, parameters={"topic": ""}, actor="cron")
    entry = ReportAccess.objects.get()
    assert opened.access == entry
    assert entry.actor == "cron" and entry.report == "csv" and entry.user is None
    assert entry.parameters["scope"]["roles"] == ["operator"]
