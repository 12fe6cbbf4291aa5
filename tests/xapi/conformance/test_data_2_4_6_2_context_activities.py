"""Data §2.4.6.2.s4.b3–b4: every contextActivities value comes back as an array, a single
Activity as an array of one, in every format."""

import importlib

import pytest
from django.apps import apps as django_apps

from xapi.models import Statement

from .conftest import activity, statement

PARENT = activity("module-1", name={"de": "Modul", "en": "Module"})


def with_single_parents():
    inner = statement(verb="answered", context={"contextActivities": {"parent": PARENT}})
    inner.pop("id")
    inner["objectType"] = "SubStatement"
    return statement(
        verb="planned",
        obj=inner,
        context={"contextActivities": {"parent": PARENT, "grouping": [PARENT]}},
    )


@pytest.mark.parametrize("fmt", ["exact", "ids", "canonical"])
def test_data_2_4_6_2_s4_b3_single_context_activity_comes_back_as_an_array(lrs, fmt):
    sent = with_single_parents()
    assert lrs.post(sent).status_code == 200
    for response in (lrs.get(format=fmt), lrs.get(statementId=sent["id"], format=fmt)):
        assert response.status_code == 200
        body = response.json()
        found = body["statements"][0] if "statements" in body else body
        for part in (found, found["object"]):
            parents = part["context"]["contextActivities"]["parent"]
            assert isinstance(parents, list) and len(parents) == 1
            assert parents[0]["id"] == PARENT["id"]
        assert isinstance(found["context"]["contextActivities"]["grouping"], list)


def test_data_2_4_6_2_s4_b4_a_resend_in_the_other_form_is_the_same_statement(lrs):
    sent = with_single_parents()
    assert lrs.post(sent).status_code == 200
    as_lists = {
        **sent,
        "context": {"contextActivities": {"parent": [PARENT], "grouping": [PARENT]}},
    }
    assert lrs.post(as_lists).status_code == 200
    assert Statement.objects.count() == 1


def test_data_2_4_6_2_s4_b3_statements_stored_earlier_are_migrated_to_arrays(lrs):
    sent = with_single_parents()
    assert lrs.post(sent).status_code == 200
    row = Statement.objects.get()
    row.data["context"]["contextActivities"]["parent"] = PARENT  # as stored before the fix
    row.data["object"]["context"]["contextActivities"]["parent"] = PARENT
    row.save()

    migration = importlib.import_module("xapi.migrations.0008_conformance")
    migration.context_activities_as_lists(django_apps, None)

    data = Statement.objects.get().data
    assert data["context"]["contextActivities"]["parent"] == [PARENT]
    assert data["object"]["context"]["contextActivities"]["parent"] == [PARENT]
