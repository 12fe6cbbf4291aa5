"""The one django-tasks task: run a Job. Every kind of job goes through it, so the worker
needs to know nothing about the domain."""

from django_tasks import task


@task()
def run_job(job_id: int) -> None:
    from .services import run

    run(job_id)
