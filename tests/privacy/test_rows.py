"""privacy.rows: the rows of every section of "Meine Daten" read in one query are the rows each
section's own query gives (types, order and keys), so the page, its PDF and CSV and the JSON
download show exactly what they showed with one query per section."""

import io
import json
import re
import uuid

import pdfplumber
import pytest
from allauth.socialaccount.models import SocialAccount
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import Value
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from compliance.models import ReportAccess, RessortAssignment
from compliance.selectors import current_version
from compliance.services import record_correction
from content.models import ExerciseAnswer, ScenarioAnswer
from courses.models import Cmi5Session
from gamification.models import PersonalProgressOptOut
from impulses.models import DigestSubscription, ImpulseAnswer
from jobs.models import Job
from privacy import registry, selectors
from privacy.rows import read_together
from selfcheck.services import submit_check
from seminars.models import Attendance
from seminars.models import Registration as SeminarRegistration
from tests.factories import UserFactory, obligation, ressort, with_totp
from tests.selfcheck.conftest import make_step
from tests.seminars.conftest import make_session, trainer_group
from xapi.agents import agent_ifi
from xapi.models import ActorBinding

pytestmark = pytest.mark.django_db

# What changes from one response to the next: the CSRF token, the session's time left.
PER_RESPONSE = re.compile(
    r'(name="csrfmiddlewaretoken" value=|data-csrf-token=|data-expires-in=)"[^"]+"'
)


def one_query_per_queryset(querysets):
    """How the sections were read before privacy.rows: each QuerySet on its own."""
    return [list(queryset) for queryset in querysets]


@pytest.fixture
def anna(learners, module):
    """Anna of the `learners` with something in every section that reads rows."""
    anna = learners[0]
    user = anna.user
    admin = UserFactory(first_name="Ada", last_name="Admin")
    record_correction(
        employee=anna.employee,
        version=current_version(obligation(module=module, title="Papierpflicht")),
        confirmed_at=timezone.now(),
        language="de",
        reason="Papierformular",
        recorded_by=admin,
    )
    RessortAssignment.objects.create(user=user, ressort=ressort("HMdF", "Finanzen"))
    with_totp(user)
    SocialAccount.objects.create(
        user=user, provider="oidc", uid="a-1", extra_data={"amr": ["mfa"], "score": 0.5}
    )
    ReportAccess.objects.create(
        user=user, report="dashboard", roles="ciso", parameters={"ressort": "HMdF"}
    )
    Job.objects.create(kind="privacy.my_data_export", function="f", started_by=user)
    actor = {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "7"}}
    ActorBinding.objects.create(actor_ifi=agent_ifi(actor), actor=actor, user=user)
    PersonalProgressOptOut.objects.create(user=user)
    ScenarioAnswer.objects.create(
        user=user, page_key=module.translation_key, block_id="b", option_id="o"
    )
    ExerciseAnswer.objects.create(
        user=user, page_key=module.translation_key, block_id="e", response=["b", "a"], success=0
    )
    ImpulseAnswer.objects.create(user=user, impulse_key=uuid.uuid4(), option_id="x", correct=1)
    Cmi5Session.objects.create(
        session_id="s-1",
        user=user,
        module_key=module.translation_key,
        activity_id="https://lms.example/a",
        registration=uuid.uuid4(),
        actor=actor,
        endpoint="https://lms.example/lrs",
        token_expires_at=timezone.now(),
        launch_mode="Normal",
        move_on="Completed",
        context_template={},
    )
    DigestSubscription.objects.create(user=user)
    trainer = UserFactory()
    trainer.groups.add(trainer_group())
    session = make_session(module=module, trainer=trainer)
    SeminarRegistration.objects.create(session=session, user=user, status="confirmed")
    Attendance.objects.create(session=session, user=user, recorded_by=trainer)
    step = make_step()
    submit_check(
        user=user,
        steps=[step],
        answers={str(step.translation_key): "done"},
        submission_id=uuid.uuid4(),
        language="de",
    )
    return anna


def test_each_section_reads_what_its_own_query_gives(anna, monkeypatch):
    together = selectors.personal_data(anna.user).sections()
    monkeypatch.setattr(selectors, "read_together", one_query_per_queryset)
    alone = selectors.personal_data(anna.user).sections()
    assert together == alone
    dump = lambda value: json.dumps(value, cls=DjangoJSONEncoder)  # noqa: E731 - keys in order
    for key in alone:
        assert dump(together[key]) == dump(alone[key]), key
    # every section has rows (the documents are read by the agents, not with the sections)
    assert [key for key in alone if not alone[key]] == ["xapi_documents"]


def test_the_page_and_its_files_show_what_one_query_per_section_showed(anna, monkeypatch):
    def contents() -> list:
        client = anna.client
        page = PER_RESPONSE.sub("", client.get(reverse("privacy:my_data")).text)
        csv = b"".join(client.get(reverse("privacy:download_csv")).streaming_content)
        pdf = client.get(reverse("privacy:download_pdf")).content
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            text = [page.extract_text() for page in document.pages]
        download = json.loads(b"".join(client.get(reverse("privacy:download")).streaming_content))
        return [page, csv, text, download]

    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)  # the "as of" of the PDF and download
    together = contents()
    monkeypatch.setattr(selectors, "read_together", one_query_per_queryset)
    assert contents() == together


def test_rows_keep_their_types_and_order(anna):
    attempts = anna.user.quiz_attempts.order_by("-submitted_at").values(
        "id", "quiz_key", "submitted_at", "passed", "answers", "percent"
    )
    entries = anna.employee.ledger_entries.order_by("-seq").values(
        "seq", "recorded_by_id", "confirmed_at", "obligation_version__obligation__title"
    )
    [read_attempts, read_entries] = read_together([attempts, entries])
    assert read_attempts == list(attempts) and read_entries == list(entries)
    assert [list(row) for row in read_entries] == [list(row) for row in entries]
    assert isinstance(read_attempts[0]["quiz_key"], uuid.UUID)
    assert read_attempts[0]["submitted_at"].utcoffset() is not None


def test_all_sections_take_one_query(anna):
    querysets = [
        queryset
        for section in registry.sections()
        for queryset in selectors._querysets(section.rows(anna.user))
    ]
    assert len(querysets) > 20
    with CaptureQueriesContext(connection) as queries:
        read_together(querysets)
    assert len(queries) == 1


def test_a_value_json_could_not_carry_exactly_is_refused(user):
    with pytest.raises(TypeError, match="FloatField"):
        read_together([type(user).objects.values(share=Value(0.5))])
