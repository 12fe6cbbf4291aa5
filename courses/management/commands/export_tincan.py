from courses.management.package_export import PackageExportCommand
from courses.tincan_package import package


class Command(PackageExportCommand):
    """Write a module as a TinCan package (zip with tincan.xml) for Moodle's TinCan Launch.

    export_tincan MODULE_SLUG OUT.zip [--language de]
    """

    help = "Export a module as a TinCan package for Moodle (mod_tincanlaunch)."
    package = staticmethod(package)
