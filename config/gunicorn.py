"""gunicorn settings for Sensi: `gunicorn config.wsgi -c config/gunicorn.py`.

Sync workers, one request at a time each. Threaded workers (gthread, with keep-alive) were
measured with bench/lrs.py and were slower: a single-statement POST cost 5.5 instead of
4.9 ms of worker CPU, and one worker took most kept-alive client connections while the
other idled. Every worker keeps one database connection.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "4"))  # about two per core
timeout = 60
