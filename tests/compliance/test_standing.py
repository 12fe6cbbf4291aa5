"""compliance.standing: the Python function and the SQL forms (the `Case` and the `Q` per
standing) name the same standing for every status row, on generated cases around the
boundaries (today, the end of the due-soon window, older and current versions)."""

import datetime

from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from compliance.models import ObligationStatus
from compliance.standing import Standing, condition, expression, standing, standing_of
from tests.factories import dienststelle, employee, obligation

TODAY = datetime.date(2026, 6, 15)
SOON_DAYS = 14
ROWS = 8

# Days around today and the window's end, where the comparisons flip.
days = st.integers(min_value=-3, max_value=SOON_DAYS + 3).map(
    lambda offset: TODAY + datetime.timedelta(days=offset)
)
row = st.fixed_dictionaries(
    {
        "current_until": st.none() | days,
        "due_on": days,
        "acknowledged_version": st.none() | st.integers(min_value=1, max_value=3),
    }
)
versions = st.none() | st.integers(min_value=1, max_value=3)


@override_settings(SENSI_COMPLIANCE_DUE_SOON_DAYS=SOON_DAYS)
class StandingAgreesInPythonAndSql(TestCase):
    @classmethod
    def setUpTestData(cls):
        office = dienststelle()
        cls.obligation = obligation()
        ObligationStatus.objects.filter(obligation=cls.obligation).delete()
        cls.employees = [employee(office=office) for _ in range(ROWS)]

    def _statuses(self, rows):
        ObligationStatus.objects.filter(obligation=self.obligation).delete()
        return ObligationStatus.objects.bulk_create(
            ObligationStatus(employee=person, obligation=self.obligation, **fields)
            for person, fields in zip(self.employees, rows, strict=False)
        )

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(rows=st.lists(row, min_size=1, max_size=ROWS), version=versions)
    def test_the_case_expression_agrees_with_the_python_function(self, rows, version):
        statuses = self._statuses(rows)
        expected = {status.pk: standing(status, TODAY, version) for status in statuses}
        annotated = dict(
            ObligationStatus.objects.filter(obligation=self.obligation)
            .annotate(standing=expression(today=TODAY, version=version))
            .values_list("pk", "standing")
        )
        assert annotated == expected

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(rows=st.lists(row, min_size=1, max_size=ROWS), version=versions)
    def test_each_condition_selects_exactly_the_rows_of_its_standing(self, rows, version):
        statuses = self._statuses(rows)
        for which in Standing:
            selected = set(
                ObligationStatus.objects.filter(obligation=self.obligation)
                .filter(condition(which, today=TODAY, version=version))
                .values_list("pk", flat=True)
            )
            expected = {s.pk for s in statuses if standing(s, TODAY, version) == which}
            assert selected == expected, which


def test_an_older_acknowledged_version_is_renewal_due_even_far_from_the_deadline():
    far = TODAY + datetime.timedelta(days=365)
    fields = {"current_until": far, "due_on": far, "today": TODAY}
    assert standing_of(**fields, acknowledged_version=1, version=2) == Standing.RENEWAL_DUE
    assert standing_of(**fields, acknowledged_version=2, version=2) == Standing.DONE
    assert standing_of(**fields, acknowledged_version=1) == Standing.DONE
