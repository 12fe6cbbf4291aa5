from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.models import ModulePage


class PackageExportCommand(BaseCommand):
    """Write a published module as an LMS package: `<command> MODULE_SLUG OUT.zip
    [--language de]`. Subclasses name the package builder (`package(module) -> bytes`)."""

    @staticmethod
    def package(module: ModulePage) -> bytes:
        raise NotImplementedError

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
        out.write_bytes(self.package(module))
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} for “{module.title}”."))
