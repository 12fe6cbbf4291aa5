import getpass

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import override

from compliance.models import Ressort
from compliance.reports import csv_export, pdf_report
from compliance.reports.access import Report, open_report
from compliance.reports.scopes import operator_scope
from compliance.reports.selectors import available_obligations, select


class Command(BaseCommand):
    """Write the compliance report as PDF or CSV, for all Ressorts or one.

    The same figures, suppression and access log as the dashboard; the log names the
    operating-system account. Named lists are not available here (see
    docs/compliance-reports.md). The file is written as the report is produced.
    """

    help = "Write the compliance report (figures per Ressort and Dienststelle) as PDF or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["pdf", "csv"], required=True)
        parser.add_argument("--out", required=True, help="File to write.")
        parser.add_argument("--ressort", help="Code of one Ressort (default: all).")
        parser.add_argument("--topic", default="", help="it_security or data_protection.")
        parser.add_argument("--obligation", type=int, help="Id of one obligation.")
        parser.add_argument("--language", choices=["de", "en"], default="de")

    def handle(self, *args, **options):
        ressort = None
        if options["ressort"]:
            ressort = Ressort.objects.filter(code=options["ressort"]).first()
            if ressort is None:
                raise CommandError(f"Unknown Ressort: {options['ressort']}")
        scope = operator_scope([ressort.pk] if ressort else None)
        available = available_obligations(scope)
        if options["topic"] and options["topic"] not in scope.topics:
            raise CommandError(f"Unknown topic: {options['topic']}")
        obligation = None
        if options["obligation"] is not None:
            obligation = next((o for o in available if o.pk == options["obligation"]), None)
            if obligation is None:
                raise CommandError(f"Unknown or inactive obligation: {options['obligation']}")
        report = Report.PDF if options["format"] == "pdf" else Report.CSV
        opened = open_report(
            scope=scope,
            report=report,
            parameters={
                "command": "compliance_report",
                "ressort": ressort.code if ressort else "",
                "topic": options["topic"],
                "obligation": options["obligation"],
                "out": options["out"],
            },
            actor=f"manage.py ({getpass.getuser()})",
        )
        selection = select(opened, available, topic=options["topic"], obligation=obligation)
        with override(options["language"]):
            if report == Report.PDF:
                content = pdf_report.report_content(selection)
                opened.seal(pdf_report.content_hash(content))
                with open(options["out"], "wb") as file:
                    pdf_report.write_pdf(content, file, language=options["language"])
                summary = f"hash {opened.access.content_hash}"
            else:
                with open(options["out"], "w", newline="", encoding="utf-8") as file:
                    lines = csv_export.write(csv_export.figure_rows(selection), file)
                summary = f"{lines} lines"
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {options['out']} ({summary}); access log #{opened.access.pk}."
                )
            )
