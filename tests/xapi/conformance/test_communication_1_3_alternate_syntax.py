"""Communication §1.3: the alternate request syntax (POST ?method=X, headers and content as
form fields)."""

import json
from urllib.parse import urlencode

from xapi.models import Document, Statement

from .conftest import VERSION, activity, agent, statement

FORM = "application/x-www-form-urlencoded"


def alternate(lrs, resource, method, form: dict, content_type=FORM, **headers):
    return lrs.client.post(
        f"/xapi/{resource}?method={method}", urlencode(form), content_type=content_type, **headers
    )


def test_communication_1_3_s3_b6_real_authorization_header_is_honoured(lrs):
    """§1.3.s3.b6 says headers MAY come as form fields, not that they must: a client that
    can set headers sends Authorization (and the version) as real headers."""
    form = {"content": json.dumps(statement())}
    response = alternate(
        lrs,
        "statements",
        "POST",
        form,
        HTTP_AUTHORIZATION=lrs.authorization,
        HTTP_X_EXPERIENCE_API_VERSION=VERSION,
    )
    assert response.status_code == 200, response.content
    assert Statement.objects.count() == 1


def test_communication_1_3_s3_b7_form_fields_are_treated_as_headers(lrs):
    form = {
        "Authorization": lrs.authorization,
        "X-Experience-API-Version": VERSION,
        "Content-Type": "application/json",
        "content": json.dumps(statement()),
    }
    assert alternate(lrs, "statements", "POST", form).status_code == 200


def test_communication_1_3_s3_b10_content_type_form_field_is_optional(lrs):
    """Without a Content-Type field the content is taken as JSON."""
    form = {
        "Authorization": lrs.authorization,
        "X-Experience-API-Version": VERSION,
        "content": json.dumps(statement()),
    }
    response = alternate(lrs, "statements", "POST", form)
    assert response.status_code == 200, response.content
    state = {
        "Authorization": lrs.authorization,
        "X-Experience-API-Version": VERSION,
        "activityId": activity()["id"],
        "agent": json.dumps(agent()),
        "stateId": "s",
        "content": '{"a": 1}',
    }
    assert alternate(lrs, "activities/state", "PUT", state).status_code == 204
    assert Document.objects.get().content_type == "application/json"


def test_communication_1_3_a_form_field_wins_over_the_real_header(lrs):
    form = {"X-Experience-API-Version": "0.9", "content": json.dumps(statement())}
    response = alternate(
        lrs,
        "statements",
        "POST",
        form,
        HTTP_AUTHORIZATION=lrs.authorization,
        HTTP_X_EXPERIENCE_API_VERSION=VERSION,
    )
    assert response.status_code == 400


def test_communication_1_3_s3_b9_a_body_that_is_not_a_form_is_a_400_not_a_415(lrs):
    response = alternate(
        lrs,
        "statements",
        "POST",
        {},
        content_type="application/json",
        HTTP_AUTHORIZATION=lrs.authorization,
        HTTP_X_EXPERIENCE_API_VERSION=VERSION,
    )
    assert response.status_code == 400
    assert response.json()["error"]
    assert not Statement.objects.exists()


def test_communication_1_3_s3_b13_form_parameters_are_query_parameters(lrs):
    lrs.post(statement())
    form = {
        "Authorization": lrs.authorization,
        "X-Experience-API-Version": VERSION,
        "limit": "1",
    }
    response = alternate(lrs, "statements", "GET", form)
    assert response.status_code == 200
    assert len(response.json()["statements"]) == 1
