"""gunicorn settings for Sensi: `gunicorn config.wsgi -c config/gunicorn.py`.

Sync workers, one request at a time each. Threaded workers (gthread, with keep-alive) were
measured with bench/lrs.py and were slower: a single-statement POST cost 5.5 instead of
4.9 ms of worker CPU, and one worker took most kept-alive client connections while the
other idled. Every worker keeps one database connection.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "4"))  # about two per core
timeout = 60

# Where an access log is enabled (--access-logfile), it has no query strings (%(U)s is the path
# alone) and no referrer: an LMS launch URL carries a credential in `auth=`.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s" %(M)sms'
