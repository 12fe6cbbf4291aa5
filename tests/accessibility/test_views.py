"""The accessibility statement and its feedback form (BITV 2.0 §7 (1) no. 2)."""

import uuid

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accessibility.models import AccessibilityFeedback

CONTACT = "barrierefreiheit@sensi.example"


@pytest.fixture(autouse=True)
def feedback_address(settings):
    settings.SENSI_ACCESSIBILITY_FEEDBACK_EMAIL = CONTACT


@pytest.fixture
def url():
    with translation.override("de"):
        return reverse("accessibility:statement")


def form_data(**changes):
    data = {
        "message": "Das Diagramm auf der Startseite hat keinen Alternativtext.",
        "page": "/de/meine-schulungen/",
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "website": "",
        "submission_id": str(uuid.uuid4()),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def send(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


def test_statement_names_status_barriers_date_contact_and_enforcement_body(client, url, db):
    response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Erklärung zur Barrierefreiheit</h1>" in page
    for heading in (
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung zur Barrierefreiheit",
        "Feedback und Kontaktangaben",
        "Durchsetzungsverfahren",
    ):
        assert f"<h2>{heading}</h2>" in page
    assert "2. Dezember 2026" in page
    assert f'href="mailto:{CONTACT}"' in page
    assert 'href="https://www.schlichtungsstelle-bgg.de/"' in page


def test_statement_is_there_in_english_too(client, db):
    with translation.override("en"):
        url = reverse("accessibility:statement")
    assert url == "/en/accessibility/"
    response = client.get(url)
    assert response.status_code == 200
    assert "<h1>Accessibility statement</h1>" in response.content.decode()


def test_every_page_links_the_statement_in_its_footer_with_the_page_concerned(client, url, db):
    response = client.get(reverse("account_login"))

    assert f'href="{url}?page=/de/accounts/login/"' in response.content.decode()
    form = client.get(f"{url}?page=/de/accounts/login/").context["form"]
    assert form["page"].value() == "/de/accounts/login/"


def test_valid_feedback_is_stored_mailed_and_acknowledged(
    client, url, db, django_capture_on_commit_callbacks
):
    data = form_data()
    response = send(client, url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"{url}#main"
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == data["message"]
    assert (feedback.page, feedback.email, feedback.language) == (
        "/de/meine-schulungen/",
        "erika@example.org",
        "de",
    )
    (message,) = mail.outbox
    assert message.to == [CONTACT]
    assert message.reply_to == ["erika@example.org"]
    assert data["message"] in message.body
    assert "/de/meine-schulungen/" in message.body
    page = client.get(url).content.decode()
    assert "Vielen Dank. Wir haben Ihre Rückmeldung erhalten" in page


def test_only_the_message_is_required(client, url, db, django_capture_on_commit_callbacks):
    data = form_data(name="", email="", page="")
    response = send(client, url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert AccessibilityFeedback.objects.get().email == ""
    assert mail.outbox[0].reply_to == []


def test_feedback_without_a_configured_address_is_stored_but_not_mailed(
    client, url, db, settings, django_capture_on_commit_callbacks
):
    settings.SENSI_ACCESSIBILITY_FEEDBACK_EMAIL = ""
    response = send(client, url, form_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 1
    assert mail.outbox == []


def test_missing_message_shows_an_error_summary_and_a_described_field_and_stores_nothing(
    client, url, db, django_capture_on_commit_callbacks
):
    response = send(client, url, form_data(message="   "), django_capture_on_commit_callbacks)

    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary" role="alert"' in page
    assert 'href="#id_message"' in page
    assert "Bitte beschreiben Sie die Barriere" in page
    assert 'id="id_message_error"' in page
    assert 'aria-describedby="id_message_error id_message_helptext"' in page
    assert 'aria-invalid="true"' in page
    assert AccessibilityFeedback.objects.count() == 0
    assert mail.outbox == []


def test_invalid_email_is_rejected_and_the_entries_are_kept(
    client, url, db, django_capture_on_commit_callbacks
):
    data = form_data(email="erika(at)example")
    response = send(client, url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-describedby="id_email_error id_email_helptext"' in page
    assert data["message"] in page
    assert AccessibilityFeedback.objects.count() == 0


@pytest.mark.parametrize(
    "tampered",
    [
        {"message": "x" * 5001},
        {"page": "/de/" + "x" * 600},
        {"name": "x" * 201},
        {"submission_id": "not-a-uuid"},
        {"submission_id": None},
    ],
    ids=["long-message", "long-page", "long-name", "bad-submission-id", "no-submission-id"],
)
def test_tampered_input_is_rejected_and_nothing_stored_or_mailed(
    client, url, db, django_capture_on_commit_callbacks, tampered
):
    response = send(client, url, form_data(**tampered), django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert AccessibilityFeedback.objects.count() == 0
    assert mail.outbox == []


def test_a_second_submit_of_the_same_form_counts_once(
    client, url, db, django_capture_on_commit_callbacks
):
    data = form_data()
    first = send(client, url, data, django_capture_on_commit_callbacks)
    second = send(client, url, data, django_capture_on_commit_callbacks)

    assert first.status_code == second.status_code == 302
    assert AccessibilityFeedback.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_bot_filling_the_spam_trap_sees_success_but_nothing_is_stored(
    client, url, db, django_capture_on_commit_callbacks
):
    data = form_data(website="https://spam.example")
    response = send(client, url, data, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 0
    assert mail.outbox == []


def test_feedback_without_csrf_token_is_refused(url, db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, form_data())

    assert response.status_code == 403
    assert AccessibilityFeedback.objects.count() == 0


def test_markup_in_feedback_is_escaped_in_the_admin_list(admin_client, db):
    AccessibilityFeedback.objects.create(
        submission_id=uuid.uuid4(), message="<script>alert(1)</script>", language="de"
    )
    response = admin_client.get(reverse("wagtailsnippets_accessibility_accessibilityfeedback:list"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page


def test_statement_says_the_pdfs_are_tagged_but_not_yet_validated(client, url, db):
    page = " ".join(client.get(url).content.decode().split())
    assert "sind getaggte PDF-Dokumente mit Dokumentsprache, Titel" in page
    assert "noch nicht mit einem PDF/UA-Prüfprogramm geprüft" in page
    assert "keine getaggten PDF-Dokumente" not in page
