"""The demo organisation that `seed_demo` builds for `make run`, and the generated one."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone

from compliance import app_settings, selectors, services
from compliance.dates import FOREVER, add_months
from compliance.ledger.verify import verify_ledger
from compliance.models import (
    Dienststelle,
    Employee,
    LedgerEntry,
    Obligation,
    ObligationStatus,
    Ressort,
)
from compliance.reports.access import Report, open_report
from compliance.reports.scopes import operator_scope
from compliance.reports.selectors import available_obligations, org_figures, select
from compliance.reports.trend import trend
from compliance.selectors import obligations_for
from compliance.standing import Standing, standing
from demo.organisation import RESSORTS
from demo.seed import ACCOUNTS

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("seeded_demo")
class TestTheDemoOrganisation:
    """Seeded once for the class (tests/conftest.py); each test runs in its own savepoint."""

    def test_the_ressorts_of_the_report_with_their_full_names(self):
        names = dict(Ressort.objects.values_list("code", "name"))
        assert set(names) == {"StK", "HMdF", "HMdIS", "HMWK", "HMSI", "HMUKLV", "HMWEVW", "HMinD"}
        assert names["HMdIS"] == "Hessisches Ministerium des Innern und für Sport"
        assert names["HMinD"] == "Hessisches Ministerium für Digitale Strategie und Entwicklung"

    def test_every_ressort_has_dienststellen_on_two_levels(self):
        for ressort in Ressort.objects.all():
            offices = Dienststelle.objects.filter(ressort=ressort)
            assert {office.depth for office in offices} == {1, 2}, ressort.code
            for office in offices.filter(depth=2):
                assert office.get_parent().ressort == ressort

    def test_demo_accounts_are_employees_the_learner_in_hmdis(self):
        for account in ACCOUNTS:
            assert Employee.objects.filter(user__email=account.email, active=True).exists()
        learner = Employee.objects.get(user__email="beschaeftigte@sensi.example")
        assert learner.ressort.code == "HMdIS"
        assert learner.dienststelle.ressort == learner.ressort

    def test_every_ressort_is_above_the_minimum_group_size(self):
        sizes = dict(
            Employee.objects.filter(active=True)
            .values_list("ressort__code")
            .annotate(n=Count("pk"))
            .values_list("ressort__code", "n")
        )
        assert len(sizes) == len(RESSORTS)
        assert min(sizes.values()) > app_settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE
        assert Employee.objects.count() >= 40

    def test_fictitious_colleagues_cannot_sign_in(self):
        demo_emails = {account.email for account in ACCOUNTS}
        for user in get_user_model().objects.filter(employee__isnull=False):
            assert user.has_usable_password() == (user.email in demo_emails), user.email

    def test_six_yearly_obligations_with_future_deadlines_and_both_texts(self):
        obligations = Obligation.objects.select_related("module")
        assert obligations.count() == 6
        assert {o.module.topic for o in obligations} == {"it_security", "data_protection"}
        for obligation in obligations:
            assert obligation.everyone and obligation.recurrence_months == 12
            assert obligation.due_date > timezone.localdate()
            assert obligation.module.title in obligation.text_de
            assert "Ich bestätige" in obligation.text_de and "I confirm" in obligation.text_en
            assert obligation.versions.count() == 1
        assert ObligationStatus.objects.count() == 6 * Employee.objects.count()

    def test_some_colleagues_have_acknowledged_and_the_ledger_verifies(self):
        entries = LedgerEntry.objects.all()
        assert entries.count() > 50
        assert set(entries.values_list("reason", flat=True)) == {"Demo"}
        assert not entries.filter(employee__user__email__in=[a.email for a in ACCOUNTS])
        assert not entries.filter(confirmed_at__lt=F("obligation_version__valid_from"))
        assert verify_ledger().ok
        standings = {
            item.standing
            for employee in Employee.objects.filter(personnel_number__gte="DEMO-1000")
            for item in obligations_for(employee)
        }
        assert {Standing.DONE, Standing.OPEN, Standing.DUE_SOON} <= standings

    def test_every_status_is_in_the_demo_and_some_are_overdue(self):
        today = timezone.localdate()
        standings = [standing(status, today, 1) for status in ObligationStatus.objects.all()]
        assert set(standings) == set(Standing)
        assert standings.count(Standing.OVERDUE) >= 10

    def test_dienststellen_are_large_enough_for_the_drilldown_to_show_figures(self):
        minimum = app_settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE
        sizes = dict(
            Employee.objects.values_list("dienststelle__code")
            .annotate(n=Count("pk"))
            .values_list("dienststelle__code", "n")
        )
        small = {code for code, n in sizes.items() if n < minimum}
        assert small == {"HZD-HU"}  # the one that shows how small groups are withheld
        assert min(n for code, n in sizes.items() if code not in small) >= 5
        scope = operator_scope()
        opened = open_report(scope=scope, report=Report.DASHBOARD, parameters={}, actor="t")
        org = org_figures(select(opened, available_obligations(scope)), by_office=True)
        withheld = [g for g in org.root.walk() if g.withheld]
        assert len(withheld) == 2  # HZD-HU and, complementary, one neighbour

    def test_the_trend_has_twelve_months_of_history_with_a_shape(self):
        scope = operator_scope()
        opened = open_report(scope=scope, report=Report.TREND, parameters={}, actor="t")
        points = trend(select(opened, available_obligations(scope)))
        assert len(points) == 12
        shares = [point.percent for point in points]
        assert None not in shares
        assert shares[0] < 40 < shares[-1]  # from the first campaign to most of the staff
        assert len(set(shares)) == 12

    def test_the_demo_learner_sees_open_obligations_on_my_training(self, client):
        learner = get_user_model().objects.get(email="beschaeftigte@sensi.example")
        client.force_login(learner)
        response = client.get(reverse("courses:my_training"))
        assert response.status_code == 200
        page = response.content.decode()
        for obligation in Obligation.objects.all():
            assert obligation.title in page
        standings = [item.standing for item in obligations_for(learner.employee)]
        assert Standing.DONE not in standings
        assert Standing.DUE_SOON in standings

    def test_seeding_again_adds_no_organisation_or_acknowledgements(self):
        def counts():
            return [
                model.objects.count()
                for model in (Ressort, Dienststelle, Employee, Obligation, ObligationStatus)
            ] + [LedgerEntry.objects.count()]

        before = counts()
        call_command("seed_demo", allow_demo_accounts=True, verbosity=0)
        assert counts() == before
        assert verify_ledger().ok


# --- the generated organisation: seed_demo --employees N ----------------------------------------


@pytest.fixture
def generated():
    """The generated employees (the class seeds them)."""
    return Employee.objects.filter(personnel_number__startswith="GEN-")


def expected_status(obligation, employee, entries):
    """What the services would have set after these ledger entries (or none)."""
    version = selectors.current_version(obligation)
    if not entries:
        return (None, None, selectors.initial_due_date(obligation, version, employee.entry_date))
    last = entries[-1]
    day = timezone.localdate(last.confirmed_at)
    months = obligation.recurrence_months
    until = add_months(day, months) if months else FOREVER
    return (last.confirmed_at, until, until)


@pytest.mark.usefixtures("seeded_demo")
class TestAGeneratedOrganisation:
    """`seed_demo --employees 150`, once for the class; each test runs in its own savepoint."""

    seed_demo_options = {"employees": 150}

    def test_generated_organisation_has_ten_ressorts_eight_obligations_and_a_valid_chain(
        self, generated
    ):
        assert generated.count() == 150
        assert Ressort.objects.count() == 10
        assert Dienststelle.objects.filter(code__contains="-G").count() == 300
        assert Obligation.objects.count() == 8
        assert ObligationStatus.objects.filter(employee__in=generated).count() == 150 * 8
        entries = LedgerEntry.objects.filter(employee__in=generated)
        assert entries.count() > 150 * 6
        times = list(entries.order_by("seq").values_list("confirmed_at", flat=True))
        assert times == sorted(times)  # chained in the order they happened
        assert min(times) > timezone.now() - datetime.timedelta(days=550)
        assert not entries.filter(confirmed_at__lt=F("obligation_version__valid_from"))
        assert verify_ledger().ok
        standings = {
            standing(status, timezone.localdate(), 1)
            for status in ObligationStatus.objects.filter(employee__in=generated)
        }
        assert {Standing.DONE, Standing.OVERDUE, Standing.OPEN} <= standings

    def test_generated_statuses_say_what_the_ledger_says(self, generated):
        for employee in generated.order_by("pk")[:40]:
            for status in employee.obligation_statuses.select_related("obligation"):
                entries = list(
                    LedgerEntry.objects.filter(
                        employee=employee, obligation_version__obligation=status.obligation
                    ).order_by("seq")
                )
                assert (status.acknowledged_at, status.current_until, status.due_on) == (
                    expected_status(status.obligation, employee, entries)
                ), (employee, status.obligation)

    def test_generating_again_adds_employees_and_later_appends_still_chain(self, generated):
        call_command("seed_demo", allow_demo_accounts=True, employees=20, verbosity=0)
        numbers = list(generated.values_list("personnel_number", flat=True))
        assert len(numbers) == len(set(numbers)) == 170
        assert max(numbers) == "GEN-0000170"
        assert Obligation.objects.count() == 8
        assert ObligationStatus.objects.filter(employee__in=generated).count() == 170 * 8
        person = generated.order_by("pk").first()
        services.record_correction(
            employee=person,
            version=selectors.current_version(Obligation.objects.first()),
            confirmed_at=timezone.now(),
            language="de",
            reason="Papierformular",
            recorded_by=None,
        )
        assert verify_ledger().ok
