"""The Teilnahmebescheinigung: what it prints, its QR code, that it is a tagged PDF, and the
learner's download next to the confirmation (finding 8)."""

import datetime
import io
import os
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.certificates.codes import code_for
from compliance.certificates.pdf import Certificate, certificate_pdf, qr_code, verification_url
from compliance.services import record_correction
from courses.models import ModuleProgress
from tests.factories import UserFactory, employee, obligation
from tests.pdf_checks import TaggedPdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(user):
    user.first_name, user.last_name = "Henriette", "Zwiebelbaum"
    user.save()
    return employee(user=user)


@pytest.fixture
def duty(module):
    return obligation(module=module, title="Pflicht: Phishing", recurrence_months=24)


def acknowledged(person, duty, language="de", when=None):
    return record_correction(
        employee=person,
        version=duty.versions.get(),
        confirmed_at=when or timezone.make_aware(datetime.datetime(2026, 12, 6, 17, 5)),
        language=language,
        reason="Papierformular",
        recorded_by=UserFactory(is_superuser=True),
    )


def pdf_of(entry, completed=None) -> bytes:
    return certificate_pdf(Certificate(entry=entry, module_completed_at=completed))


def test_certificate_prints_person_office_module_dates_and_code(person, duty):
    entry = acknowledged(person, duty)
    completed = timezone.make_aware(datetime.datetime(2026, 12, 5, 9, 30))
    pdf = TaggedPdf(pdf_of(entry, completed))
    text = pdf.flat_text
    assert "Teilnahmebescheinigung" in text
    assert "Henriette Zwiebelbaum" in text
    assert str(person.dienststelle) in text and str(person.ressort) in text
    assert "Pflicht: Phishing" in text and duty.module.title in text
    assert f"Modulversion {entry.obligation_version.module_version_label}" in text
    assert "Modul abgeschlossen am 05.12.2026" in text
    assert "Kenntnisnahme bestätigt am 06.12.2026, 17:05 Uhr" in text
    assert "Gültig bis 06.12.2028" in text  # 24 months
    assert code_for(entry) in text


def test_without_recorded_completion_and_recurrence_the_certificate_says_so(person, module):
    duty = obligation(module=module, recurrence_months=None)
    text = TaggedPdf(pdf_of(acknowledged(person, duty))).flat_text
    assert "Modul abgeschlossen am nicht in Sensi erfasst" in text
    assert "Gültig bis unbefristet" in text


def test_english_certificate(person, duty):
    pdf = TaggedPdf(pdf_of(acknowledged(person, duty, "en")))
    assert pdf.lang == "en"
    assert pdf.title == "Certificate of participation: Pflicht: Phishing"
    assert "Valid until 6 December 2028" in pdf.flat_text
    assert "/en/" in pdf.flat_text  # the verification page in English


def test_qr_code_holds_the_verification_url(person, duty, settings):
    settings.SENSI_BASE_URL = "https://sensi.example.hessen.de"
    entry = acknowledged(person, duty)
    url = verification_url(code_for(entry), "de")
    assert url.startswith("https://sensi.example.hessen.de/de/")
    assert url.endswith("?code=" + code_for(entry))
    (widget,) = qr_code(url).contents
    assert widget.value == url
    pdf = TaggedPdf(pdf_of(entry))
    (figure,) = pdf.elements_of_type("Figure")
    assert url in figure["/Alt"]
    assert url in pdf.flat_text.replace(" ", "")  # printed as well, for who cannot scan


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")) and not os.environ.get("CI"),
    reason="zbarimg or pdftoppm missing: run bin/install-system-deps",  # CI installs them
)
def test_qr_code_decodes_to_the_verification_url(person, duty, tmp_path: Path):
    entry = acknowledged(person, duty)
    (tmp_path / "c.pdf").write_bytes(pdf_of(entry))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", tmp_path / "c.pdf", tmp_path / "page"], check=True
    )
    (image,) = tmp_path.glob("page*.png")
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", image], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == verification_url(code_for(entry), "de")


def test_certificate_is_tagged_like_the_confirmation(person, duty):
    pdf = TaggedPdf(pdf_of(acknowledged(person, duty)))
    assert pdf.lang == "de"
    assert pdf.title == "Teilnahmebescheinigung: Pflicht: Phishing" == pdf.xmp_title
    assert pdf.display_doc_title and pdf.marked
    assert pdf.pages_with_tab_order_and_struct_parents == [True]
    types = pdf.structure_types
    assert types[:4] == ["Document", "H1", "P", "Table"]
    assert types.count("TR") == 10 and types.count("TH") == 10 and types.count("TD") == 10
    assert [th["/A"]["/Scope"] for th in pdf.elements_of_type("TH")] == ["/Row"] * 10
    assert types[-4:] == ["H2", "P", "Figure", "P"]
    assert pdf.untagged_painting == []
    assert pdf.nested_mcids == [] and pdf.duplicate_mcids == []
    assert pdf.structure_mcids == pdf.content_mcids
    assert pdf.parent_tree_mismatches == []
    assert set(pdf.fonts) <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
        "DejaVuSansMono",
    }
    assert all(pdf.fonts.values())


def test_no_text_of_the_certificate_overlaps(person, duty):
    with pdfplumber.open(io.BytesIO(pdf_of(acknowledged(person, duty)))) as pdf:
        (page,) = pdf.pages
        words = page.extract_words()
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            width = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            assert not (width > 0.5 and height > 0.5), (a["text"], b["text"])


# --- the learner's download -------------------------------------------------------------------


def test_learner_downloads_the_certificate_of_their_own_entry(learner_client, person, duty):
    ModuleProgress.objects.create(
        user=person.user, module_key=duty.module.translation_key, completed_at=timezone.now()
    )
    entry = acknowledged(person, duty, when=timezone.now())
    response = learner_client.get(reverse("compliance:certificate_pdf", args=[entry.seq]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"sensi-bescheinigung-{entry.seq}.pdf" in response["Content-Disposition"]
    text = TaggedPdf(response.content).flat_text
    assert f"Modul abgeschlossen am {timezone.localdate():%d.%m.%Y}" in text


def test_someone_elses_certificate_is_404(client, person, duty):
    entry = acknowledged(person, duty)
    client.force_login(UserFactory())
    assert client.get(reverse("compliance:certificate_pdf", args=[entry.seq])).status_code == 404


def test_certificate_download_needs_sign_in(client, person, duty):
    entry = acknowledged(person, duty)
    response = client.get(reverse("compliance:certificate_pdf", args=[entry.seq]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_certificate_download_queries_do_not_grow(
    learner_client, person, duty, django_assert_max_num_queries
):
    entry = acknowledged(person, duty, when=timezone.now())
    url = reverse("compliance:certificate_pdf", args=[entry.seq])
    learner_client.get(url)  # warm up: the site structure is built once, then cached
    with django_assert_max_num_queries(8):
        learner_client.get(url)


def test_my_training_offers_the_certificate_next_to_the_confirmation(learner_client, person, duty):
    entry = acknowledged(person, duty, when=timezone.now())
    html = learner_client.get(reverse("courses:my_training")).content.decode()
    assert reverse("compliance:certificate_pdf", args=[entry.seq]) in html
    assert reverse("compliance:confirmation_pdf", args=[entry.seq]) in html
    assert "Teilnahmebescheinigung (PDF)" in html


def test_an_acknowledgement_of_an_old_version_offers_no_certificate(learner_client, person, duty):
    from compliance.services import issue_new_version

    entry = acknowledged(person, duty, when=timezone.now())
    issue_new_version(obligation=duty, change_note_de="Neu")
    html = learner_client.get(reverse("courses:my_training")).content.decode()
    assert reverse("compliance:certificate_pdf", args=[entry.seq]) not in html
    assert reverse("compliance:confirmation_pdf", args=[entry.seq]) in html
