""" "Meine Daten" as a tagged PDF (reportlab, PDF/UA structure from `pdf.tagging`): the account,
the employee record and every table of the page, in the reader's language. The same text as
the page (`privacy.tables`); the complete, machine-readable form is the JSON download."""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle

from compliance.dates import local_datetime
from pdf.fonts import REGULAR, stylesheet
from pdf.tagging import Tagging

from .csv_export import plain
from .selectors import PersonalData
from .tables import my_data_facts, my_data_tables

MARGIN = 2 * cm
WIDTH = A4[0] - 2 * MARGIN


def my_data_pdf(data: PersonalData) -> bytes:
    language = get_language() or "de"
    title = _("My data")
    tags = Tagging()
    buffer = io.BytesIO()
    styles = stylesheet()
    body = styles["BodyText"]
    small = body.clone("small", fontSize=8, leading=10)
    label = body.clone("label", fontName=styles["Heading2"].fontName)
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="Sensi",
        lang=language,
        initialFontName=REGULAR,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
    )

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(REGULAR, 7)
        canvas.drawString(MARGIN, 1.2 * cm, _("Page %(page)d") % {"page": document.page})
        canvas.restoreState()

    def h2(text):
        return tags.h2(Paragraph(escape(text), styles["Heading2"]))

    facts = my_data_facts(data)
    story = [
        tags.h1(Paragraph(escape(title), styles["Title"])),
        tags.p(
            Paragraph(
                escape(
                    _(
                        "Everything Sensi stores about you (right of access, Art. 15 GDPR), as "
                        "of %(when)s. Your quiz answers and every learning record in full are "
                        "in the JSON download."
                    )
                    % {"when": local_datetime(timezone.now(), language)}
                ),
                body,
            )
        ),
        h2(_("User account")),
        tags.facts(facts["account"], label_style=label, value_style=body),
    ]
    story.append(h2(_("Employee record")))
    if facts["employee"]:
        story.append(tags.facts(facts["employee"], label_style=label, value_style=body))
    else:
        story.append(
            tags.p(Paragraph(escape(_("Sensi holds no employee record about you.")), body))
        )
    for table in my_data_tables(data).values():
        story += [Spacer(1, 0.3 * cm), h2(table.caption)]
        if not table.rows:
            story.append(tags.p(Paragraph(escape(_("None.")), body)))
            continue
        story.append(_table(tags, table, small))
    document.build(story, onFirstPage=tags.artifact(footer), onLaterPages=tags.artifact(footer))
    return tags.finish(buffer.getvalue(), title=title, language=language)


def _table(tags: Tagging, table, style):
    rows = [[Paragraph(escape(column), style) for column in table.columns]]
    rows += [[Paragraph(escape(plain(cell)), style) for cell in row] for row in table.rows]
    flowable = tags.table(
        rows,
        header_rows=1,
        header_columns=1,
        repeatRows=1,
        colWidths=[WIDTH / len(table.columns)] * len(table.columns),
    )
    flowable.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.75, "#333333"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, "#888888"),
            ]
        )
    )
    return flowable
