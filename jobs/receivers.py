"""A deleted job (retention, `purge_expired`) takes its private files with it."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Job


@receiver(post_delete, sender=Job)
def delete_job_files(sender, instance: Job, **kwargs):
    for field_file in (instance.result_file, instance.input_file):
        if field_file and not Job.objects.filter(input_file=field_file.name).exists():
            name, storage = field_file.name, field_file.storage
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
