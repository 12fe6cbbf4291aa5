"""Moodle's TinCan Launch plugin (mod_tincanlaunch): launch with the Rustici method, then the
completion check it runs against the LRS, replayed with the same query parameters."""

import io
import json
import uuid
import zipfile
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from django.core.management import call_command

from tests.factories import (
    UserFactory,
    correct_answers,
    lessons_of,
    module_page,
    quiz_of,
    sign_in_with_mfa,
)
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers
from xapi.activities import page_iri
from xapi.models import Statement
from xapi.vocabulary import COMPLETED, LAUNCHED

pytestmark = pytest.mark.django_db(transaction=True)

MOODLE_ACTOR = {
    "objectType": "Agent",
    "name": "Erika M.",
    "account": {"homePage": "https://moodle.example", "name": "1042"},
}


def launch_url(module, *, registration, lrs_endpoint, actor=MOODLE_ACTOR, activity_id=None):
    params = {
        "endpoint": lrs_endpoint,
        "auth": "Basic bW9vZGxlOnNlY3JldA==",
        "actor": json.dumps(actor),
        "registration": str(registration),
        "activity_id": activity_id or page_iri(module),
    }
    return f"{module.url}?{urlencode(params)}"


def moodle_completion_query(lrs_http, lrs_endpoint, module, actor=MOODLE_ACTOR):
    """What mod_tincanlaunch asks: statements of this agent with the completion verb for the
    launched activity, as ids, following `more` links."""
    params = {
        "agent": json.dumps(actor),
        "verb": COMPLETED.iri,
        "activity": page_iri(module),
        "related_activities": "false",
        "format": "ids",
    }
    response = lrs_http.get(lrs_endpoint + "statements", params=params)
    assert response.status_code == 200, response.text
    statements = response.json()["statements"]
    more = response.json()["more"]
    while more:
        page = lrs_http.get(lrs_endpoint.removesuffix("/xapi/") + more).json()
        statements += page["statements"]
        more = page["more"]
    return statements


def complete(client, module):
    for lesson in lessons_of(module):
        read_lesson(client, lesson)
    quiz = quiz_of(module)
    post_answers(client, quiz, correct_answers(quiz))


def test_launched_module_reports_completion_that_moodle_finds(client, lrs_http, lrs_endpoint):
    module = module_page()
    client.force_login(UserFactory())
    registration = uuid.uuid4()
    response = client.get(launch_url(module, registration=registration, lrs_endpoint=lrs_endpoint))
    assert response.status_code == 302 and response["Location"] == module.url
    assert moodle_completion_query(lrs_http, lrs_endpoint, module) == []

    complete(client, module)
    found = moodle_completion_query(lrs_http, lrs_endpoint, module)
    assert len(found) == 1
    assert found[0]["context"]["registration"] == str(registration)
    assert found[0]["actor"]["account"] == MOODLE_ACTOR["account"]
    assert Statement.objects.filter(verb_id=LAUNCHED.iri, registration=registration).exists()


def test_launching_an_already_completed_module_reports_completion_at_once(
    client, lrs_http, lrs_endpoint
):
    module = module_page()
    client.force_login(UserFactory())
    complete(client, module)
    registration = uuid.uuid4()
    client.get(launch_url(module, registration=registration, lrs_endpoint=lrs_endpoint))
    found = moodle_completion_query(lrs_http, lrs_endpoint, module)
    assert [s["context"]["registration"] for s in found] == [str(registration)]


def test_launch_asks_for_login_first_and_keeps_the_launch(client, lrs_endpoint):
    module = module_page()
    url = launch_url(module, registration=uuid.uuid4(), lrs_endpoint=lrs_endpoint)
    response = client.get(url)
    assert response.status_code == 302
    assert "accounts/login" in response["Location"] and "activity_id" in response["Location"]


@pytest.mark.parametrize(
    "change,message",
    [
        ({"activity_id": "https://elsewhere.example/a"}, "activity_id"),
        ({"registration": "nope"}, "registration"),
        ({"actor": '{"name": "no identifier"}'}, "actor"),
        ({"actor": "{not json"}, "actor"),
    ],
    ids=["other-activity", "bad-registration", "actor-without-ifi", "actor-not-json"],
)
def test_a_launch_that_does_not_fit_is_explained_and_records_nothing(
    client, lrs_endpoint, change, message
):
    module = module_page()
    client.force_login(UserFactory())
    params = {
        "endpoint": lrs_endpoint,
        "actor": json.dumps(MOODLE_ACTOR),
        "registration": str(uuid.uuid4()),
        "activity_id": page_iri(module),
        **change,
    }
    response = client.get(f"{module.url}?{urlencode(params)}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Statement.objects.filter(verb_id=LAUNCHED.iri).exists()


def test_tincan_package_names_the_activity_and_launch_url(tmp_path, settings):
    module = module_page(slug="phishing")
    out = tmp_path / "phishing.zip"
    call_command("export_tincan", "phishing", str(out), verbosity=0)
    xml = zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("tincan.xml")
    ns = {"t": "http://projecttincan.com/tincan.xsd"}
    activity = ElementTree.fromstring(xml).find("t:activities/t:activity", ns)
    assert activity.get("id") == page_iri(module)
    assert activity.find("t:launch", ns).text == settings.SENSI_BASE_URL + module.url
    assert activity.find("t:name", ns).text == module.title


def test_editors_download_the_package_from_the_wagtail_admin(client):
    module = module_page()
    admin = UserFactory(is_superuser=True, is_staff=True)
    sign_in_with_mfa(client, admin)
    response = client.get(f"/admin/module/{module.pk}/tincan.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    client.force_login(UserFactory())
    assert client.get(f"/admin/module/{module.pk}/tincan.zip").status_code in (302, 403)
