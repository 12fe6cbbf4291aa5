"""gunicorn settings for Sensi: `gunicorn config.wsgi -c config/gunicorn.py`.

Threaded workers keep HTTP connections alive and overlap one request's wait for PostgreSQL
with another's Python work. LRS clients send many small requests: with the sync worker, each
opened a new connection and the worker sat idle during every commit (bench/lrs.py measured
single-statement POSTs needing 4.3 instead of 6.6 ms of worker CPU, see docs/operations.md).
Each thread has its own database connection: workers × threads connections per instance.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "4"))  # about two per core
worker_class = "gthread"
threads = int(os.environ.get("SENSI_GUNICORN_THREADS", "4"))
keepalive = 5  # seconds; behind a reverse proxy that reuses its upstream connections
timeout = 60
