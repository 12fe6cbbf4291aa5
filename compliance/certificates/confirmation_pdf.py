"""The PDF an employee downloads as proof of an acknowledgement (reportlab)."""

import io
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import override
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from pdf.fonts import REGULAR, stylesheet
from pdf.tagging import Tagging

from ..dates import local_datetime
from ..models import LedgerEntry


def confirmation_pdf(entry: LedgerEntry) -> bytes:
    version = entry.obligation_version
    obligation = version.obligation
    employee = entry.employee
    buffer = io.BytesIO()
    tags = Tagging()
    with override(entry.language):
        title = _("Confirmation of acknowledgement")
        document_title = f"{title}: {obligation.title}"
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=document_title,
            author="Sensi",
            subject=obligation.title,
            lang=entry.language,
            initialFontName=REGULAR,
            leftMargin=2.2 * cm,
            rightMargin=2.2 * cm,
        )
        styles = stylesheet()
        label_style = styles["BodyText"].clone("label", fontName=styles["Heading2"].fontName)
        confirmed = local_datetime(entry.confirmed_at, entry.language)
        rows = [
            [_("Employee"), f"{employee.user.get_full_name()} ({employee.personnel_number})"],
            [_("Ressort"), str(employee.ressort)],
            [_("Obligation"), obligation.title],
            [_("Module version"), version.module_version_label],
            [_("Acknowledged at"), confirmed],
            [_("Ledger entry"), f"#{entry.seq}"],
            [_("Fingerprint of the text (SHA-256)"), entry.text_hash],
            [_("Fingerprint of the entry (SHA-256)"), entry.entry_hash],
        ]
        if entry.kind == LedgerEntry.Kind.CORRECTION:
            rows.append([_("Recorded by an administrator because"), entry.reason])
        elif entry.kind == LedgerEntry.Kind.ATTENDANCE:
            rows.append([_("Satisfied by attending the session"), entry.reason])
        table = tags.facts(rows, label_style=label_style, value_style=styles["BodyText"])
        story = [
            tags.h1(Paragraph(escape(title), styles["Title"])),
            tags.h2(Paragraph(_("The following text was acknowledged:"), styles["Heading2"])),
            tags.p(
                Paragraph(
                    # reportlab reads Paragraph text as markup: the text is the editors'
                    escape(version.text_for(entry.language)).replace("\n", "<br/>"),
                    styles["BodyText"],
                )
            ),
            Spacer(1, 0.6 * cm),
            table,
            Spacer(1, 0.6 * cm),
            tags.p(
                Paragraph(
                    _(
                        "This confirmation was created by Sensi from its tamper-evident "
                        "acknowledgement ledger (%(url)s)."
                    )
                    % {"url": escape(settings.SENSI_BASE_URL)},
                    styles["Italic"],
                )
            ),
        ]
        document.build(story)
    return tags.finish(buffer.getvalue(), title=document_title, language=entry.language)
