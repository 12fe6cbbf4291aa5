"""The generic tagging of platypus stories, on content long enough to split over pages."""

import io

from reportlab.lib.pagesizes import A6
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle

from pdf.fonts import REGULAR, stylesheet
from pdf.tagging import Tagging
from tests.pdf_checks import TaggedPdf

LONG = " ".join(f"Satz {n} über Informationssicherheit." for n in range(60))


def build(story_of, *, footer=None) -> TaggedPdf:
    tags, buffer, styles = Tagging(), io.BytesIO(), stylesheet()
    document = SimpleDocTemplate(buffer, pagesize=A6, initialFontName=REGULAR, title="Probe")
    on_page = tags.artifact(footer) if footer else lambda canvas, document: None
    document.build(story_of(tags, styles), onFirstPage=on_page, onLaterPages=on_page)
    return TaggedPdf(tags.finish(buffer.getvalue(), title="Probe", language="de"))


def numbered_page(canvas, document):
    canvas.setFont(REGULAR, 7)
    canvas.drawString(1 * cm, 0.5 * cm, f"Seite {document.page}")
    canvas.line(1 * cm, 0.8 * cm, 9 * cm, 0.8 * cm)


def test_a_paragraph_split_over_pages_stays_one_p_with_content_on_each_page():
    pdf = build(lambda tags, styles: [tags.p(Paragraph(LONG, styles["BodyText"]))])
    assert len(pdf.reader.pages) >= 2
    assert pdf.structure_types == ["Document", "P"]
    (p,) = pdf.elements_of_type("P")
    assert len(p["/K"]) == len(pdf.reader.pages)  # one marked-content reference per page
    assert (
        pdf.structure_mcids
        == pdf.content_mcids
        == {(page, 0) for page in range(len(pdf.reader.pages))}
    )
    assert pdf.parent_tree_mismatches == []
    assert "Satz 59 über Informationssicherheit." in pdf.flat_text


def test_page_numbers_and_rules_are_artifacts_not_content():
    pdf = build(
        lambda tags, styles: [tags.p(Paragraph(LONG, styles["BodyText"]))], footer=numbered_page
    )
    assert pdf.untagged_painting == []
    assert "Seite 2" in pdf.text  # still drawn, just not read out
    assert pdf.structure_types == ["Document", "P"]


def test_a_table_split_over_pages_repeats_its_header_as_artifact():
    rows = [["Monat", "Anteil"]] + [[f"2025-{n:02d}", f"{n} %"] for n in range(1, 41)]

    def story(tags, styles):
        table = tags.table(rows, header_rows=1, header_columns=1, repeatRows=1)
        table.setStyle(
            TableStyle(
                [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("GRID", (0, 0), (-1, -1), 0.25, "grey")]
            )
        )
        return [tags.h1(Paragraph("Verlauf", styles["Title"])), table]

    pdf = build(story)
    assert len(pdf.reader.pages) >= 2
    types = pdf.structure_types
    assert types[:3] == ["Document", "H1", "Table"] and types.count("Table") == 1
    assert types.count("TR") == 41  # the header row once, although it is printed on each page
    scopes = [str(th["/A"]["/Scope"]) for th in pdf.elements_of_type("TH")]
    assert scopes == ["/Column", "/Column"] + ["/Row"] * 40
    assert pdf.text.count("Monat") == len(pdf.reader.pages)
    assert pdf.untagged_painting == [] and pdf.nested_mcids == []
    assert pdf.structure_mcids == pdf.content_mcids
    assert pdf.parent_tree_mismatches == []


def test_untagged_content_is_found():
    """The check the other tests rely on does see a flowable that was not wrapped."""
    pdf = build(lambda tags, styles: [Paragraph("Ohne Auszeichnung", styles["BodyText"])])
    assert pdf.untagged_painting == ["page 0: Tj ['Ohne Auszeichnung']"]


def test_a_qr_code_is_a_figure_with_its_text_alternative_and_a_bounding_box():
    from compliance.certificates.pdf import qr_code

    url = "https://sensi.example/de/bescheinigungen/pruefen/?code=ABCD"
    pdf = build(lambda tags, styles: [tags.figure(qr_code(url), alt=f"QR-Code: {url}")])
    assert pdf.structure_types == ["Document", "Figure"]
    (figure,) = pdf.elements_of_type("Figure")
    assert figure["/Alt"] == f"QR-Code: {url}"
    assert str(figure["/A"]["/O"]) == "/Layout" and len(figure["/A"]["/BBox"]) == 4
    assert pdf.untagged_painting == [] and pdf.nested_mcids == []
    assert pdf.structure_mcids == pdf.content_mcids
    assert pdf.fonts == {} or all(pdf.fonts.values())
