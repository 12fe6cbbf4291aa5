"""Moodle's TinCan Launch plugin (mod_tincanlaunch) end to end, replayed by tests/moodle_plugin.py
against the live server: credential request, launch, statements with the launch credential,
completion query; and every launch that must be refused, with nothing recorded."""

import io
import uuid
import zipfile
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.utils import timezone
from tincan import Activity, Agent, Verb
from tincan import Statement as TinCanStatement

from tests import moodle_plugin
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
from xapi.models import ActorBinding, LaunchCredential, Statement
from xapi.vocabulary import LAUNCHED

pytestmark = pytest.mark.django_db(transaction=True)


def complete(client, module):
    for lesson in lessons_of(module):
        read_lesson(client, lesson)
    quiz = quiz_of(module)
    post_answers(client, quiz, correct_answers(quiz))


def credentials_for(lrs_endpoint, master, actor, module, registration, **kwargs):
    response = moodle_plugin.request_credentials(
        lrs_endpoint,
        master,
        actor=actor,
        activity_id=page_iri(module),
        registration=registration,
        **kwargs,
    )
    assert response.status_code == 200, response.text
    return response.json()


def open_launch(client, module, lrs_endpoint, *, auth, actor, registration, activity_id=None):
    return client.get(
        moodle_plugin.launch_url(
            module.url,
            endpoint=lrs_endpoint,
            auth=auth,
            actor=actor,
            registration=registration,
            activity_id=activity_id or page_iri(module),
        )
    )


def launch(client, module, lrs_endpoint, master, actor, registration=None):
    """The whole launch as the learner's browser sees it; returns the last response."""
    registration = registration or uuid.uuid4()
    creds = credentials_for(lrs_endpoint, master, actor, module, registration)
    auth = moodle_plugin.basic(creds["key"], creds["secret"])
    response = open_launch(
        client, module, lrs_endpoint, auth=auth, actor=actor, registration=registration
    )
    assert response.status_code == 302, response.content
    parked = response["Location"]
    assert "auth" not in parked and creds["secret"] not in parked
    response = client.get(parked)
    if response.status_code == 200 and b'method="post"' in response.content:
        response = client.post(parked)  # first use of this LMS account: the learner confirms
    return response


def nothing_recorded():
    return not Statement.objects.filter(verb_id=LAUNCHED.iri).exists()


def test_the_plugin_replayed_end_to_end(client, lrs_endpoint, lrs_credentials):
    module = module_page()
    user = UserFactory(email="erika@example.org")
    client.force_login(user)
    actor = moodle_plugin.moodle_actor("erika@example.org")
    registration = uuid.uuid4()
    response = launch(client, module, lrs_endpoint, lrs_credentials, actor, registration)
    assert response.status_code == 302 and response["Location"] == module.url
    assert ActorBinding.objects.get().user == user
    # Moodle polls `closed` on its launch window: the opener link must survive (finding 10).
    assert client.get(module.url)["Cross-Origin-Opener-Policy"] == "unsafe-none"
    query = {"actor": actor, "activity_id": page_iri(module)}
    assert moodle_plugin.completion_query(lrs_endpoint, lrs_credentials, **query) == []

    complete(client, module)
    found = moodle_plugin.completion_query(lrs_endpoint, lrs_credentials, **query)
    assert len(found) == 1
    assert str(found[0].context.registration) == str(registration)
    assert found[0].actor.mbox == actor["mbox"]


def test_a_launch_credential_writes_and_reads_only_its_actor(client, lrs_endpoint, lrs_credentials):
    module = module_page()
    actor = moodle_plugin.moodle_actor("erika@example.org")
    registration = uuid.uuid4()
    creds = credentials_for(lrs_endpoint, lrs_credentials, actor, module, registration)
    remote = moodle_plugin.lrs(lrs_endpoint, creds["key"], creds["secret"])

    def statement(mbox, activity_id=None):
        return TinCanStatement(
            actor=Agent(mbox=mbox),
            verb=Verb(id="http://adlnet.gov/expapi/verbs/experienced"),
            object=Activity(id=activity_id or page_iri(module)),
            context={"registration": registration},
        )

    assert remote.save_statement(statement(actor["mbox"])).success
    other = remote.save_statement(statement("mailto:someone.else@example.org"))
    assert other.response.status == 403
    outside = remote.save_statement(statement(actor["mbox"], "https://elsewhere.example/a"))
    assert outside.response.status == 403
    assert Statement.objects.count() == 1
    mine = remote.query_statements({})
    assert mine.success and len(mine.content.statements) == 1
    theirs = remote.query_statements({"agent": Agent(mbox="mailto:someone.else@example.org")})
    assert theirs.response.status == 403


def test_the_credential_is_stored_hashed_and_capped(lrs_endpoint, lrs_credentials, settings):
    settings.SENSI_XAPI_LAUNCH_CREDENTIAL_MAX_MINUTES = 10
    module = module_page()
    actor = moodle_plugin.moodle_actor("erika@example.org")
    creds = credentials_for(lrs_endpoint, lrs_credentials, actor, module, uuid.uuid4(), minutes=600)
    stored = LaunchCredential.objects.get(key=creds["key"])
    assert creds["secret"] not in stored.secret_hash
    assert stored.expires_at <= timezone.now() + timedelta(minutes=10)


def test_a_request_without_learner_identifier_is_refused(lrs_endpoint, lrs_credentials):
    """With account identifiers the plugin sends {} (see tests/moodle_plugin.py)."""
    module = module_page()
    actor = {"name": "Erika", "account": {"homePage": "https://moodle.example", "name": "1042"}}
    response = moodle_plugin.request_credentials(
        lrs_endpoint,
        lrs_credentials,
        actor=actor,
        activity_id=page_iri(module),
        registration=uuid.uuid4(),
    )
    assert response.status_code == 400 and "Identify by email" in response.json()["error"]
    assert not LaunchCredential.objects.exists()


def test_the_login_page_never_sees_the_credential(client, lrs_endpoint, lrs_credentials):
    module = module_page()
    actor = moodle_plugin.moodle_actor("erika@example.org")
    registration = uuid.uuid4()
    creds = credentials_for(lrs_endpoint, lrs_credentials, actor, module, registration)
    auth = moodle_plugin.basic(creds["key"], creds["secret"])
    response = open_launch(
        client, module, lrs_endpoint, auth=auth, actor=actor, registration=registration
    )
    response = client.get(response["Location"])
    assert response.status_code == 302 and "accounts/login" in response["Location"]
    next_url = parse_qs(urlsplit(response["Location"]).query)["next"][0]
    assert "auth" not in next_url and creds["key"] not in next_url
    assert set(parse_qs(urlsplit(next_url).query)) == {"launch"}


REFUSALS = ["forged", "foreign-actor", "reused", "expired", "wrong-activity", "client-credential"]


@pytest.mark.parametrize("case", REFUSALS)
def test_a_launch_that_does_not_hold_is_refused_and_records_nothing(
    client, lrs_endpoint, lrs_credentials, case
):
    module = module_page()
    learner = UserFactory(email="mallory@example.org")
    actor = moodle_plugin.moodle_actor("mallory@example.org")
    registration = uuid.uuid4()
    creds = credentials_for(lrs_endpoint, lrs_credentials, actor, module, registration)
    auth = moodle_plugin.basic(creds["key"], creds["secret"])
    activity_id = None
    if case == "forged":
        auth = moodle_plugin.basic("nobody", "nothing")
    elif case == "foreign-actor":
        colleague = UserFactory(email="colleague@example.org")
        actor = moodle_plugin.moodle_actor("colleague@example.org", "Kollegin")
        ActorBinding.objects.create(actor_ifi=f"mbox:{actor['mbox']}", actor=actor, user=colleague)
        creds = credentials_for(lrs_endpoint, lrs_credentials, actor, module, registration)
        auth = moodle_plugin.basic(creds["key"], creds["secret"])
    elif case == "reused":
        other = UserFactory(email="first@example.org")
        client.force_login(other)
        LaunchCredential.objects.update(launched_at=timezone.now())
    elif case == "expired":
        LaunchCredential.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    elif case == "wrong-activity":
        activity_id = page_iri(module_page(title="Anderes Modul", slug="anderes"))
    elif case == "client-credential":
        auth = moodle_plugin.basic(*lrs_credentials)
    bindings = list(ActorBinding.objects.values_list("actor_ifi", "user"))
    client.force_login(learner)
    response = open_launch(
        client,
        module,
        lrs_endpoint,
        auth=auth,
        actor=actor,
        registration=registration,
        activity_id=activity_id,
    )
    if response.status_code == 302:  # checked again when accepted
        response = client.get(response["Location"])
        if response.status_code == 200:
            response = client.post(response.wsgi_request.get_full_path())
    assert response.status_code in (400, 403), response
    assert "Nothing was recorded" in response.content.decode() or "nichts" in (
        response.content.decode()
    )
    assert nothing_recorded()
    assert list(ActorBinding.objects.values_list("actor_ifi", "user")) == bindings


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
