"""Background jobs ("Hintergrundaufträge"): long work off the request, with progress.

A job is a row (`jobs.models.Job`) that says who started what, how far it got and what came
of it, and a django-tasks task (`jobs.tasks.run_job`) that a worker (`manage.py db_worker`,
see docs/operations.md) runs. `jobs.start(kind, fn_path, user=..., **kwargs)` creates both;
the function named by `fn_path` receives a `progress` reporter and returns a `jobs.Outcome`;
`jobs.report_progress(job, done, total)` reports from elsewhere (`jobs.progress` holds the
reporters, also the command line's bar). Domain apps register their kinds of job
(`jobs.registry.register`).

Layer: like `xapi`, a low layer. It imports Django, django-tasks and `gdpr` only, never a
domain app (compliance, courses, privacy, ...); domain apps import it. The Wagtail admin views
list jobs (a user sees their own, a superuser all) with their progress, result and errors.
"""

__all__ = ["Outcome", "report_progress", "start"]


def __getattr__(name: str):
    # `jobs.start(...)` without importing the models while the app registry loads.
    if name in __all__:
        from . import services

        return getattr(services, name)
    raise AttributeError(name)
