from courses.cmi5_package import package
from courses.management.package_export import PackageExportCommand


class Command(PackageExportCommand):
    """Write a module as a cmi5 course package (zip with cmi5.xml) for an LMS's cmi5 launch.

    export_cmi5 MODULE_SLUG OUT.zip [--language de]
    """

    help = "Export a module as a cmi5 course package (cmi5.xml), e.g. for Moodle's mod_cmi5launch."
    package = staticmethod(package)
