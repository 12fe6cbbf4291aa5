"""The Teilnahmebescheinigung (certificate of participation) as a tagged PDF (reportlab).

One certificate per acknowledgement in the ledger: who (name, Dienststelle), what (obligation,
module title and version), when (module completed, acknowledgement confirmed, valid until),
and how to check it (verification code, and a QR code with the address of the public page).
"""

import io
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from pdf.fonts import MONO, REGULAR, stylesheet
from pdf.tagging import Tagging

from ..dates import local_date, local_datetime
from ..models import LedgerEntry
from .codes import code_for, valid_until

QR_SIZE = 3.6 * cm


def verification_url(code: str, language: str) -> str:
    """The public page that answers for `code`, in the certificate's language."""
    with override(language):
        path = reverse("compliance:verify_certificate")
    return f"{settings.SENSI_BASE_URL.rstrip('/')}{path}?{urlencode({'code': code})}"


def qr_code(url: str) -> Drawing:
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    scale = QR_SIZE / (x1 - x0)
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[scale, 0, 0, scale, 0, 0])
    drawing.initialFontName = REGULAR  # the renderer sets a font first; only embedded ones
    drawing.add(widget)
    return drawing


@dataclass(frozen=True)
class Certificate:
    entry: LedgerEntry
    module_completed_at: datetime | None  # None: not recorded (paper form, or deleted)

    @property
    def code(self) -> str:
        return code_for(self.entry)


def certificate_pdf(certificate: Certificate) -> bytes:
    entry = certificate.entry
    language = entry.language
    version = entry.obligation_version
    obligation = version.obligation
    employee = entry.employee
    code = certificate.code
    url = verification_url(code, language)
    buffer = io.BytesIO()
    tags = Tagging()
    with override(language):
        title = _("Certificate of participation")
        document_title = f"{title}: {obligation.title}"
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=document_title,
            author="Sensi",
            subject=obligation.title,
            lang=language,
            initialFontName=REGULAR,
            leftMargin=2.2 * cm,
            rightMargin=2.2 * cm,
        )
        styles = stylesheet()
        body = styles["BodyText"]
        label_style = body.clone("label", fontName=styles["Heading2"].fontName)
        code_style = body.clone("code", fontName=MONO, fontSize=11, leading=14)
        until = valid_until(entry)
        completed = certificate.module_completed_at
        rows = [
            (_("Name"), employee.user.get_full_name(), body),
            (_("Dienststelle"), str(employee.dienststelle), body),
            (_("Ressort"), str(employee.ressort), body),
            (_("Mandatory training"), obligation.title, body),
            (_("Module"), obligation.module.title, body),
            (_("Module version"), version.module_version_label, body),
            (
                _("Module completed on"),
                local_date(timezone.localdate(completed), language)
                if completed
                else _("not recorded in Sensi"),
                body,
            ),
            (_("Acknowledgement confirmed on"), local_datetime(entry.confirmed_at, language), body),
            (_("Valid until"), local_date(until, language) if until else _("no expiry"), body),
            (_("Verification code"), code, code_style),
        ]
        table = tags.facts(rows, label_style=label_style, value_style=body)
        statement = _(
            "%(name)s has completed the mandatory training “%(obligation)s” and confirmed "
            "taking note of it."
        ) % {"name": employee.user.get_full_name(), "obligation": obligation.title}
        check = _(
            "To check that this certificate is genuine and still valid, open %(url)s or scan "
            "the QR code, or enter the verification code at %(page)s. The page answers only "
            "whether the certificate is valid, expired or revoked, with the module and dates."
        ) % {"url": url, "page": url.split("?")[0]}
        story = [
            tags.h1(Paragraph(escape(title), styles["Title"])),
            tags.p(Paragraph(escape(statement), body)),
            Spacer(1, 0.4 * cm),
            table,
            Spacer(1, 0.6 * cm),
            tags.h2(Paragraph(escape(_("Verification")), styles["Heading2"])),
            tags.p(Paragraph(escape(check), body)),
            tags.figure(
                qr_code(url),
                alt=_("QR code with the address of the verification page: %(url)s") % {"url": url},
            ),
            Spacer(1, 0.4 * cm),
            tags.p(
                Paragraph(
                    escape(
                        _(
                            "Issued by Sensi on %(date)s from its tamper-evident "
                            "acknowledgement ledger, entry #%(seq)s."
                        )
                        % {
                            "date": local_date(timezone.localdate(), language),
                            "seq": entry.seq,
                        }
                    ),
                    styles["Italic"],
                )
            ),
        ]
        document.build(story)
    return tags.finish(buffer.getvalue(), title=document_title, language=language)
