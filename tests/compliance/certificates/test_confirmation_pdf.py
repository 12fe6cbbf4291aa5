"""The confirmation of an acknowledgement is a tagged PDF (BITV 2.0, PDF/UA-1 direction)."""

import pytest
from django.utils import timezone

from compliance.certificates.confirmation_pdf import confirmation_pdf
from compliance.services import record_correction
from tests.factories import UserFactory, employee, obligation
from tests.pdf_checks import TaggedPdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def duty(module):
    return obligation(module=module, title="Pflicht: Umgang mit Phishing")


def confirmation(duty, language: str) -> TaggedPdf:
    person = employee()
    entry = record_correction(
        employee=person,
        version=duty.versions.get(),
        confirmed_at=timezone.now(),
        language=language,
        reason="Papierformular vom 24.11.",
        recorded_by=UserFactory(is_superuser=True),
    )
    return TaggedPdf(confirmation_pdf(entry)), entry


def test_german_confirmation_declares_language_title_and_marking(duty):
    pdf, _ = confirmation(duty, "de")
    assert pdf.lang == "de"
    assert pdf.title == "Bestätigung der Kenntnisnahme: Pflicht: Umgang mit Phishing"
    assert pdf.xmp_title == pdf.title
    assert pdf.display_doc_title and pdf.marked
    assert pdf.pages_with_tab_order_and_struct_parents == [True]


def test_english_confirmation_says_en(duty):
    pdf, _ = confirmation(duty, "en")
    assert pdf.lang == "en"
    assert pdf.title == "Confirmation of acknowledgement: Pflicht: Umgang mit Phishing"
    assert "I have taken note of the guidance." in pdf.text


def test_confirmation_structure_is_heading_text_and_a_table_with_row_headers(duty):
    pdf, entry = confirmation(duty, "de")
    types = pdf.structure_types
    assert types[:4] == ["Document", "H1", "H2", "P"]
    assert types.count("TR") == 9  # eight facts and the reason of the correction
    assert types.count("TH") == 9 and types.count("TD") == 9
    assert [th["/A"]["/Scope"] for th in pdf.elements_of_type("TH")] == ["/Row"] * 9
    assert types[-1] == "P"  # the note on the ledger comes after the table, as printed


def test_every_mark_on_the_confirmation_is_tagged_or_an_artifact(duty):
    pdf, _ = confirmation(duty, "de")
    assert pdf.untagged_painting == []
    assert pdf.nested_mcids == [] and pdf.duplicate_mcids == []
    assert pdf.structure_mcids == pdf.content_mcids
    assert len(pdf.content_mcids) == 4 + 18  # four paragraphs, 18 cells
    assert pdf.parent_tree_mismatches == []


def test_confirmation_fonts_are_embedded_and_the_text_is_readable(duty):
    pdf, entry = confirmation(duty, "de")
    assert pdf.fonts == {"DejaVuSans": True, "DejaVuSans-Bold": True, "DejaVuSans-Oblique": True}
    text = pdf.text
    assert "Bestätigung der Kenntnisnahme" in text
    assert "Ich habe die Hinweise zur Kenntnis genommen." in text
    assert entry.entry_hash in text.replace("\n", "")
    assert "Papierformular vom 24.11." in text


def test_markup_characters_in_the_obligation_are_printed_as_written(module):
    duty = obligation(
        module=module,
        title="Pflicht: <b>Router</b> & Drucker",
        text_de="Passwörter < 12 Zeichen & <Standardkennwörter> sind verboten.",
    )
    pdf, _ = confirmation(duty, "de")
    assert "Passwörter < 12 Zeichen & <Standardkennwörter> sind verboten." in pdf.text
    assert "Pflicht: <b>Router</b> & Drucker" in pdf.text
