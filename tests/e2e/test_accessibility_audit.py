"""Automated WCAG 2.1 AA audit (BITV 2.0, EN 301 549 chapter 9) of every page type and state.

axe-core (bundled with axe-playwright-python, no network) checks each page at desktop width
and at 320 CSS px, where the page must also reflow without horizontal scrolling
(WCAG 1.4.10). axe finds roughly a third of WCAG problems; the keyboard journey in
`test_keyboard_journey.py` and the template review named in the accessibility statement cover
more.

The demo site is seeded once for this module (seeding takes about 15 s; some 70 audits
would otherwise seed it 70 times), so these tests start their own live server instead of
using `live_server`, which would flush the database after every test. To audit a new page
or state, add an entry to `AUDITS`.
"""

import re
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock
from urllib.parse import urlencode, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.images import get_image_model

from accounts import app_settings
from compliance.certificates.codes import code_for
from compliance.models import Dienststelle, Obligation, Ressort, RessortAssignment
from compliance.models.obligations import text_hash
from compliance.reports.scopes import Role
from compliance.selectors import current_version, employee_for
from compliance.services import confirm_acknowledgement
from courses import reading
from courses.blocks import LessonStreamBlock
from courses.models import LessonPage, ModulePage
from courses.services import record_lesson_read
from demo.seed import DEMO_PASSWORD
from quizzes.models import QuizPage
from quizzes.services import draw_questions, drawn_questions, submit_attempt
from tests.content.test_exercises import order_value, signs_value, sort_value
from tests.e2e.test_learner_journey import answer
from tests.factories import sign_in_with_mfa

pytestmark = pytest.mark.django_db

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "320px": {"width": 320, "height": 640},
}
EMPLOYEE = "beschaeftigte@sensi.example"
CISO = "ciso@sensi.example"
RESSORT_ISB = "ressort-isb@sensi.example"
DATA_PROTECTION_OFFICER = "dsb@sensi.example"
NEW_CISO = "neu-ciso@sensi.example"  # privileged, without a second factor yet
NEW_CISO_PASSWORD = "Neu-CISO-2026!"


@dataclass
class AuditSite:
    """What the audits navigate to: the server's URL and paths of the seeded pages."""

    url: str
    sessions: dict[str, str] = field(default_factory=dict)  # e-mail -> session cookie
    paths: dict[str, str] = field(default_factory=dict)
    quiz_id: int = 0


@dataclass(frozen=True)
class Audit:
    """Sign in as `user` (None: anonymous), then `visit` brings the page into its state."""

    user: str | None
    visit: Callable


def goto(name: str):
    def visit(page, site):
        page.goto(site.paths[name])
        # A redirect (to the login or the MFA setup, say) would audit another page than named.
        assert urlsplit(page.url).path == urlsplit(site.paths[name]).path, page.url

    return visit


def sign_in_new_ciso(page, site):
    page.goto(site.paths["login"] + "?next=" + site.paths["reports"])
    page.get_by_label("E-Mail").fill(NEW_CISO)
    page.get_by_label("Passwort").fill(NEW_CISO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()


def reauthenticate_before_mfa_setup(page, site):
    """allauth's password prompt before a sensitive change (a sign-in seconds ago counts, so
    the page is opened directly here)."""
    sign_in_new_ciso(page, site)
    page.goto("/de/accounts/reauthenticate/")
    page.wait_for_load_state()
    assert "/accounts/reauthenticate/" in page.url, page.url


def mfa_setup_before_reports(page, site):
    """A privileged person without a second factor is sent to set one up, straight from
    signing in."""
    sign_in_new_ciso(page, site)
    assert "/2fa/totp/activate/" in page.url, page.url


def mfa_challenge_after_password(page, site):
    page.goto("/de/accounts/login/")
    page.get_by_label("E-Mail").fill(CISO)
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    assert "/2fa/authenticate/" in page.url, page.url


def sign_in_with_wrong_password(page, site):
    page.goto("/de/accounts/login/")
    page.get_by_label("E-Mail").fill(EMPLOYEE)
    page.get_by_label("Passwort").fill("not the password")
    page.get_by_role("button", name="Anmelden").click()


def request_password_reset(page, site):
    page.goto("/de/accounts/password/reset/")
    page.get_by_label("E-Mail").fill(EMPLOYEE)
    page.get_by_role("button", name="Passwort zurücksetzen").click()
    page.wait_for_url("**/done/")


def open_password_reset_link(page, site):
    request_password_reset(page, site)
    link = re.search(r"https?://\S+/password/reset/key/\S+", mail.outbox[-1].body).group(0)
    page.goto(site.url + urlsplit(link).path)
    page.get_by_role("button", name="Passwort ändern").wait_for()


def submit_empty_password_reset(page, site):
    page.goto("/de/accounts/password/reset/")
    page.get_by_role("button", name="Passwort zurücksetzen").click()


def lesson_with_details_open(page, site):
    page.goto(site.paths["lesson_all_blocks"])
    page.locator("details").evaluate_all("all => all.forEach(d => { d.open = true; })")


def submit_empty_quiz(page, site):
    page.goto(site.paths["quiz"])
    page.get_by_role("button", name="Antworten absenden").click()
    page.get_by_role("alert").wait_for()


def quiz_result(*, passed: bool):
    def visit(page, site):
        quiz = QuizPage.objects.get(pk=site.quiz_id)
        page.goto(site.paths["quiz"])
        answer(page, quiz, correctly=passed)  # only the questions drawn for this attempt
        page.locator(".result").wait_for()

    return visit


def confirm_without_ticking(page, site):
    page.goto(site.paths["confirm"])
    page.get_by_role("button", name="Verbindlich bestätigen").click()
    page.get_by_role("alert").wait_for()


def submit_feedback(*, valid: bool):
    def visit(page, site):
        page.goto(site.paths["accessibility"])
        if valid:
            page.get_by_label("Ihre Nachricht").fill("Die Tabelle ist mit dem Screenreader schwer.")
        page.get_by_role("button", name="Rückmeldung senden").click()
        page.get_by_role("alert" if not valid else "status").first.wait_for()

    return visit


def session_dialog(*, ended: bool):
    """The warning shortly before the idle timeout, or the notice that the session ended
    (static/js/session-timeout.js), reached by moving the page's clock forward."""

    def visit(page, site):
        page.clock.install()
        goto("my_training")(page, site)
        page.locator("#session-timeout").wait_for(state="attached")  # the timer is set
        idle = app_settings.SENSI_SESSION_IDLE_MINUTES * 60
        ahead = idle + 5 if ended else idle - app_settings.SENSI_SESSION_WARNING_SECONDS + 5
        page.clock.fast_forward(ahead * 1000)
        dialog = page.get_by_role("alertdialog")
        if ended:
            dialog.get_by_role("link", name="Erneut anmelden").wait_for()
        else:
            dialog.get_by_role("button", name="Sitzung verlängern").wait_for()

    return visit


# Every page type and state. Pages of other features join here with one line each.
AUDITS = {
    "home": Audit(None, goto("home")),
    "login": Audit(None, goto("login")),
    "login-with-errors": Audit(None, sign_in_with_wrong_password),
    "password-reset": Audit(None, goto("password_reset")),
    "password-reset-with-errors": Audit(None, submit_empty_password_reset),
    "password-reset-sent": Audit(None, request_password_reset),
    "password-reset-new-password": Audit(None, open_password_reset_link),
    "password-change": Audit(EMPLOYEE, goto("password_change")),
    "404": Audit(None, goto("missing")),
    "403": Audit(EMPLOYEE, goto("reports")),
    "my-training": Audit(EMPLOYEE, goto("my_training")),
    "my-training-en": Audit(EMPLOYEE, goto("my_training_en")),
    "session-timeout-warning": Audit(EMPLOYEE, session_dialog(ended=False)),
    "session-timeout-ended": Audit(EMPLOYEE, session_dialog(ended=True)),
    "module": Audit(EMPLOYEE, goto("module")),
    "lesson-demo": Audit(EMPLOYEE, goto("lesson_demo")),
    "lesson-every-block": Audit(EMPLOYEE, goto("lesson_all_blocks")),
    "lesson-every-block-expanded": Audit(EMPLOYEE, lesson_with_details_open),
    "quiz": Audit(EMPLOYEE, goto("quiz")),
    "quiz-with-errors": Audit(EMPLOYEE, submit_empty_quiz),
    "quiz-failed": Audit(EMPLOYEE, quiz_result(passed=False)),
    "quiz-passed": Audit(EMPLOYEE, quiz_result(passed=True)),
    "acknowledgement": Audit(EMPLOYEE, goto("confirm")),
    "acknowledgement-with-error": Audit(EMPLOYEE, confirm_without_ticking),
    "reports-ciso": Audit(CISO, goto("reports")),
    "reports-trend-ciso": Audit(CISO, goto("reports_trend")),
    "reports-ressort-ciso": Audit(CISO, goto("reports_ressort")),
    "reports-dienststelle-ciso": Audit(CISO, goto("reports_dienststelle")),
    "reports-overdue-ciso": Audit(CISO, goto("reports_overdue")),
    "reports-invalid-filter-ciso": Audit(CISO, goto("reports_invalid")),
    "reports-ressort-isb": Audit(RESSORT_ISB, goto("reports")),
    "reports-ressort-drilldown-isb": Audit(RESSORT_ISB, goto("reports_ressort")),
    "reports-overdue-ressort-isb": Audit(RESSORT_ISB, goto("reports_overdue")),
    "reports-data-protection-officer": Audit(DATA_PROTECTION_OFFICER, goto("reports")),
    "mfa-reauthenticate": Audit(None, reauthenticate_before_mfa_setup),
    "mfa-setup": Audit(None, mfa_setup_before_reports),
    "mfa-challenge": Audit(None, mfa_challenge_after_password),
    "my-data": Audit(EMPLOYEE, goto("my_data")),
    "processing-record": Audit(None, goto("processing")),
    "accessibility-statement": Audit(None, goto("accessibility")),
    "accessibility-statement-en": Audit(None, goto("accessibility_en")),
    "accessibility-statement-signed-in": Audit(EMPLOYEE, goto("accessibility")),
    "accessibility-feedback-with-errors": Audit(None, submit_feedback(valid=False)),
    "accessibility-feedback-sent": Audit(EMPLOYEE, submit_feedback(valid=True)),
    "certificate-verify": Audit(None, goto("verify_certificate")),
    "certificate-verify-valid": Audit(None, goto("verify_certificate_valid")),
    "certificate-verify-with-error": Audit(None, goto("verify_certificate_malformed")),
    "certificate-verify-unknown-en": Audit(None, goto("verify_certificate_unknown_en")),
}


def every_block_body(image, video, captions) -> list[dict]:
    """One of each block a lesson may contain, with demo-like content."""
    rich = "<p>Prüfen Sie den Absender, bevor Sie auf einen <a href='/de/'>Link</a> klicken.</p>"
    return [
        {"type": "heading", "value": {"text": "Alle Bausteine", "level": "h2"}},
        {"type": "text", "value": rich},
        {"type": "heading", "value": {"text": "Eine Unterüberschrift", "level": "h3"}},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Ein Angelhaken", "caption": "Phishing"},
        },
        {
            "type": "video",
            "value": {
                "title": "Phishing in 60 Sekunden",
                "video": video.pk,
                "captions": captions.pk,
                "transcript": "<p>Sprecherin: Eine E-Mail kommt an …</p>",
            },
        },
        *(
            {"type": "callout", "value": {"kind": kind, "title": "Achtung", "text": rich}}
            for kind in ("tip", "warning", "important")
        ),
        {"type": "checklist", "value": {"title": "Checkliste", "items": ["Absender", "Link"]}},
        {
            "type": "do_dont",
            "value": {"title": "Richtig und falsch", "dos": ["Melden"], "donts": ["Klicken"]},
        },
        {
            "type": "faq",
            "value": {"title": "Häufige Fragen", "items": [{"question": "Was?", "answer": rich}]},
        },
        {
            "type": "scenario",
            "value": {
                "title": "Ein Anruf",
                "situation": rich,
                "question": "Was tun Sie?",
                "choices": [
                    {"text": "Auflegen", "feedback": "Gut so.", "recommended": True},
                    {"text": "Passwort nennen", "feedback": "Nie.", "recommended": False},
                ],
            },
        },
        {"type": "spot_the_signs", "value": signs_value()},
        {"type": "sort_it", "value": sort_value()},
        {"type": "put_in_order", "value": order_value()},
    ]


def add_lesson_with_every_block(module: ModulePage) -> LessonPage:
    image = get_image_model().objects.first()
    video = Document(title="Phishing-Video")
    video.file.save("phishing.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.save()
    captions = Document(title="Phishing-Untertitel")
    captions.file.save("phishing.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"))
    captions.save()
    body = every_block_body(image, video, captions)
    assert {block["type"] for block in body} == set(LessonStreamBlock.base_blocks), (
        "Add the new block type to every_block_body(), so that the audit sees it."
    )
    lesson = LessonPage(title="Alle Inhaltsbausteine", slug="alle-bausteine", body=body)
    # Before the quiz, so that the quiz stays the module's last step.
    quiz = QuizPage.objects.child_of(module).get()
    quiz.add_sibling(pos="left", instance=lesson)
    lesson.save_revision().publish()
    return lesson


def complete_module(user, module: ModulePage) -> None:
    for lesson in LessonPage.objects.child_of(module).live().specific():
        # Opened an hour ago, so that the end of the lesson counts (courses.reading).
        with mock.patch("courses.reading.clock", return_value=time.time() - 3600):
            token = reading.issue_token(user=user, lesson=lesson)
        record_lesson_read(user=user, lesson=lesson, token=token)
    quiz = QuizPage.objects.child_of(module).get()
    draw = draw_questions(user=user, quiz=quiz)
    answers = {q.id: sorted(q.correct_ids) for q in drawn_questions(quiz=quiz, draw=draw)}
    submit_attempt(user=user, quiz=quiz, token=draw.token, answers=answers)


def seed_audit_site(url: str) -> AuditSite:
    call_command("seed_demo", allow_demo_accounts=True, verbosity=0)
    users = get_user_model().objects
    employee = users.get(email=EMPLOYEE)
    ressort = Ressort.objects.order_by("code").first()
    office = Dienststelle.objects.filter(ressort=ressort).order_by("path").first()
    isb = users.create_user(email=RESSORT_ISB, password="x" * 12)
    isb.groups.add(Group.objects.get(name="Ressort-ISB"))
    RessortAssignment.objects.create(user=isb, ressort=ressort)
    dpo = users.create_user(email=DATA_PROTECTION_OFFICER, password="x" * 12)
    dpo.groups.add(Group.objects.get(name="Datenschutzbeauftragte"))

    phishing = ModulePage.objects.get(slug="phishing", locale__language_code="de")
    lesson = add_lesson_with_every_block(phishing)
    # One obligation waits for its confirmation, another one is confirmed (PDF link).
    waiting, confirmed = Obligation.objects.exclude(module=phishing).order_by("pk")[:2]
    for obligation in (waiting, confirmed):
        complete_module(employee, obligation.module.specific)
    text = current_version(confirmed).text_for("de")
    entry, _created = confirm_acknowledgement(
        employee=employee_for(employee),
        obligation=confirmed,
        language="de",
        shown_text_hash=text_hash(text),
    )

    new_ciso = users.create_user(email=NEW_CISO, password=NEW_CISO_PASSWORD)
    new_ciso.groups.add(Group.objects.get(name=Role.CISO))

    # The audit submits the quiz once per result page and width: lift the attempt policy.
    QuizPage.objects.child_of(phishing).update(attempts_per_period=None, reread_after_failures=None)
    site = AuditSite(url=url, quiz_id=QuizPage.objects.child_of(phishing).get().pk)
    for user in (employee,):
        client = Client()
        client.force_login(user)
        site.sessions[user.email] = client.cookies["sessionid"].value
    for user in (users.get(email=CISO), isb, dpo):  # past the second factor
        client = Client()
        sign_in_with_mfa(client, user)
        site.sessions[user.email] = client.cookies["sessionid"].value
    with translation.override("de"):
        site.paths.update(
            home="/de/",
            login=reverse("account_login"),
            password_reset=reverse("account_reset_password"),
            password_change=reverse("account_change_password"),
            missing="/de/gibt-es-nicht/",
            my_training=reverse("courses:my_training"),
            module=phishing.url,
            lesson_demo=LessonPage.objects.child_of(phishing).first().url,
            lesson_all_blocks=lesson.url,
            quiz=QuizPage.objects.child_of(phishing).get().url,
            confirm=reverse("compliance:confirm", args=[waiting.pk]),
            reports=reverse("compliance:reports"),
            reports_trend=reverse("compliance:reports_trend"),
            reports_ressort=reverse("compliance:reports_ressort", args=[ressort.code]),
            reports_dienststelle=reverse(
                "compliance:reports_dienststelle", args=[ressort.code, office.pk]
            ),
            reports_overdue=reverse("compliance:reports_overdue"),
            reports_invalid=reverse("compliance:reports") + "?ressort=does-not-exist",
            accessibility=reverse("accessibility:statement"),
            my_data=reverse("privacy:my_data"),
            processing=reverse("privacy:processing"),
            verify_certificate=reverse("compliance:verify_certificate"),
            verify_certificate_valid=reverse("compliance:verify_certificate")
            + "?"
            + urlencode({"code": code_for(entry)}),
            verify_certificate_malformed=reverse("compliance:verify_certificate") + "?code=x",
        )
    with translation.override("en"):
        site.paths.update(
            my_training_en=reverse("courses:my_training"),
            accessibility_en=reverse("accessibility:statement"),
            verify_certificate_unknown_en=reverse("compliance:verify_certificate")
            + "?code=ABCD-EFGH-JKMN-PQRS-TVWX-1",
        )
    return site


@contextmanager
def rolled_back():
    """SQLite in memory (the default): the live server thread shares the test thread's
    connection, so it sees uncommitted data. Seed inside a transaction and roll it back at
    the end, like the class-level transaction of Django's TestCase."""
    atomic = transaction.atomic()
    atomic.__enter__()
    try:
        yield
    finally:
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@contextmanager
def committed_then_restored():
    """PostgreSQL (CI): the live server has its own connection and sees committed data only.
    Commit the seed, then flush and restore the database as it was, as Django's
    `serialized_rollback` does, so that later tests find what the migrations created."""
    snapshot = connection.creation.serialize_db_to_string()
    try:
        yield
    finally:
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(snapshot)
        # flush reset the sequences, the snapshot came back with its ids: move the sequences
        # past them, or the next test's INSERTs collide with restored rows.
        models = apps.get_models(include_auto_created=True)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


@pytest.fixture(scope="module")
def audit_site(django_db_setup, django_db_blocker):
    """The demo site with a live server, once for this module; each test's own changes in
    the test thread are rolled back by its `django_db` transaction."""
    from pytest_django.live_server_helper import LiveServer

    shared_connection = connection.vendor == "sqlite" and connection.is_in_memory_db()
    isolation = rolled_back if shared_connection else committed_then_restored
    with django_db_blocker.unblock(), isolation():
        server = LiveServer("localhost")
        try:
            yield seed_audit_site(server.url)
        finally:
            server.stop()


@pytest.fixture(scope="module")
def axe():
    return Axe()


# The innermost elements that reach beyond the viewport, to say what breaks the reflow.
TOO_WIDE = """() => [...document.querySelectorAll("body *")]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(el => ![...el.children].some(c => c.getBoundingClientRect().right >
    document.documentElement.clientWidth + 1))
  .slice(0, 5)
  .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className
      ? "." + el.className.replace(/ /g, ".") : "")
    + " " + Math.round(el.getBoundingClientRect().right) + "px")"""


def readable(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}\n       {node['failureSummary'].replace(chr(10), ' ')}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", AUDITS)
def test_page_has_no_wcag_violations(name, viewport, audit_site, browser, axe):
    audit = AUDITS[name]
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        base_url=audit_site.url,
        locale="de-DE",
        # axe is injected as a script; a strict Content-Security-Policy must not stop it.
        bypass_csp=True,
    )
    if audit.user:
        context.add_cookies(
            [{"name": "sessionid", "value": audit_site.sessions[audit.user], "url": audit_site.url}]
        )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        audit.visit(page, audit_site)
        page.wait_for_load_state()
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, (
            f"{name} at {viewport} ({page.url}) has {len(violations)} WCAG violation(s):\n"
            + readable(violations)
        )
        if viewport == "320px":
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, (
                f"{name} scrolls horizontally at 320 CSS px ({width} px wide, WCAG 1.4.10); "
                f"too wide: {page.evaluate(TOO_WIDE)}"
            )
    finally:
        context.close()


def test_the_audit_finds_and_reports_violations(browser, axe):
    """The harness itself: a page with known faults fails with rule, impact and target."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    try:
        page.set_content(
            '<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            '<input type="text" id="nameless"></body></html>'
        )
        report = readable(axe.run(page, options=AXE_OPTIONS).response["violations"])
    finally:
        context.close()
    assert "- image-alt (critical)" in report
    assert "- label (critical)" in report
    assert "- html-has-lang (serious)" in report
    assert "at #nameless" in report
