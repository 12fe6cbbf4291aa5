"""The private storage of job files: uploads waiting for their job and results to download.

It has no URL: the web server does not serve it; `jobs.views.download` hands a result to the
user who may see its job, and nobody else."""

from functools import cache
from pathlib import Path

from django.core.files.storage import FileSystemStorage

from . import app_settings


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage under SENSI_PRIVATE_ROOT, read on each use (so tests can move it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(app_settings.private_root())

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Private files have no URL; use the job's download view.")


@cache
def private_storage() -> PrivateStorage:
    return PrivateStorage()
