from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.cmi5_package import package
from courses.models import ModulePage


class Command(BaseCommand):
    """Write a module as a cmi5 course package (zip with cmi5.xml) for an LMS's cmi5 launch.

    export_cmi5 MODULE_SLUG OUT.zip [--language de]
    """

    help = "Export a module as a cmi5 course package (cmi5.xml), e.g. for Moodle's mod_cmi5launch."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the module's slug, e.g. phishing")
        parser.add_argument("out", help="path of the zip file to write")
        parser.add_argument("--language", default="de", help="language version to launch")

    def handle(self, *args, **options):
        module = (
            ModulePage.objects.live()
            .filter(slug=options["slug"], locale__language_code=options["language"])
            .first()
        )
        if module is None:
            raise CommandError(
                f"No published module with slug {options['slug']!r} in {options['language']!r}."
            )
        out = Path(options["out"])
        out.write_bytes(package(module))
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} for “{module.title}”."))
