"""Communication §2.1.3.s3, "Filter Conditions for StatementRefs", and §2.1.4.s1.b2."""

import time

from django.utils import timezone

from .conftest import activity, statement


def ref(target: dict, actor="andrew", verb="confirmed") -> dict:
    return statement(actor=actor, verb=verb, obj={"objectType": "StatementRef", "id": target["id"]})


def test_communication_2_1_3_s3_statements_targeting_a_match_are_returned(lrs):
    passed = statement(actor="ben", verb="passed", obj=activity("explosives-training"))
    confirmed = ref(passed)
    other = statement(actor="carl", verb="passed", obj=activity("first-aid"))
    assert lrs.post([passed, confirmed, other]).status_code == 200

    both = {passed["id"], confirmed["id"]}
    actor_filter = '{"account": {"homePage": "https://sensi.example", "name": "ben"}}'
    assert set(lrs.ids(agent=actor_filter)) == both
    assert set(lrs.ids(activity=activity("explosives-training")["id"])) == both
    assert set(lrs.ids(verb="http://adlnet.gov/expapi/verbs/passed")) == both | {other["id"]}
    assert set(lrs.ids(verb="http://adlnet.gov/expapi/verbs/confirmed")) == {confirmed["id"]}


def test_communication_2_1_3_s3_the_rule_applies_recursively(lrs):
    c = statement(actor="ben", verb="passed", obj=activity("explosives-training"))
    b = ref(c)
    a = ref(b, actor="dora", verb="approved")
    assert lrs.post([c, b, a]).status_code == 200
    assert set(lrs.ids(activity=activity("explosives-training")["id"])) == {
        a["id"],
        b["id"],
        c["id"],
    }


def test_communication_2_1_3_s3_time_filters_apply_to_the_targeting_statement(lrs):
    passed = statement(actor="ben", verb="passed", obj=activity("explosives-training"))
    assert lrs.post(passed).status_code == 200
    time.sleep(0.01)
    cut = timezone.now().isoformat()
    time.sleep(0.01)
    confirmed = ref(passed)
    assert lrs.post(confirmed).status_code == 200
    explosives = activity("explosives-training")["id"]
    assert lrs.ids(activity=explosives, since=cut) == [confirmed["id"]]
    assert lrs.ids(activity=explosives, until=cut) == [passed["id"]]
    assert len(lrs.ids(activity=explosives, limit=1)) == 1


def test_communication_2_1_4_s1_b2_voiding_statement_matches_the_voided_ones_filter(lrs):
    passed = statement(actor="ben", verb="passed", obj=activity("explosives-training"))
    voiding = ref(passed, actor="admin", verb="voided")
    assert lrs.post(passed).status_code == 200
    assert lrs.post(voiding).status_code == 200
    assert lrs.ids(activity=activity("explosives-training")["id"]) == [voiding["id"]]


def test_communication_2_1_3_s3_context_statement_refs_do_not_count(lrs):
    passed = statement(actor="ben", verb="passed", obj=activity("explosives-training"))
    commented = statement(
        actor="andrew",
        verb="commented",
        obj=activity("forum"),
        context={"statement": {"objectType": "StatementRef", "id": passed["id"]}},
    )
    assert lrs.post([passed, commented]).status_code == 200
    assert lrs.ids(activity=activity("explosives-training")["id"]) == [passed["id"]]


def test_communication_2_1_3_s3_a_cycle_of_references_terminates(lrs):
    """Ids are the client's: a can target b before b exists, and b target a."""
    a = statement(actor="ben", verb="noted")
    b = statement(actor="eve", verb="noted")
    a["object"] = {"objectType": "StatementRef", "id": b["id"]}
    b["object"] = {"objectType": "StatementRef", "id": a["id"]}
    assert lrs.post([a, b]).status_code == 200
    actor_filter = '{"account": {"homePage": "https://sensi.example", "name": "ben"}}'
    assert set(lrs.ids(agent=actor_filter)) == {a["id"], b["id"]}
