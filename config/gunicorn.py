"""gunicorn settings for Sensi: `gunicorn config.wsgi -c config/gunicorn.py`.

Threaded workers (gthread): `WEB_CONCURRENCY` processes (default 4, two per core of the 2-core
reference machine) of `SENSI_GUNICORN_THREADS` threads each (default 4), so up to 16 requests
at once. With sync workers (one request per process) four slow requests held every worker while
cheap ones queued behind them: on a deadline morning four sign-ins (an Argon2id hash, about
0.1 s of CPU, and a dozen commits of the login rate limits) or one CISO's PDF report and three
sign-ins. A thread that waits (for PostgreSQL, a commit's disk flush, or Argon2id, which runs
without Python's lock) lets the other threads of its process answer meanwhile; Python code of
one process still runs one thread at a time, so four processes keep both cores busy.
bench/load/run.py measures it (bench/README.md "Load").

The price: a request costs about 0.6 ms more worker CPU than with sync workers (bench/lrs.py,
single-statement POSTs: 5.5 instead of 4.9 ms), and every thread keeps a database connection
of its own, so PostgreSQL's `max_connections` must exceed workers x threads of all instances
(16 per instance with the defaults; docs/operations.md "gunicorn and the reverse proxy").
`SENSI_GUNICORN_THREADS=1` gives the sync workers of before.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "4"))  # about two per core
threads = int(os.environ.get("SENSI_GUNICORN_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = 60

# Where an access log is enabled (--access-logfile), it has no query strings (%(U)s is the path
# alone) and no referrer: an LMS launch URL carries a credential in `auth=`.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s" %(M)sms'
