"""Keep credentials out of the logs.

An LMS launch URL carries `auth=Basic …` (TinCan) or a one-time `fetch=` URL (cmi5) in its
query string, and a misconfigured client may log its Authorization header. Sensi redirects a
launch at once to a URL without them, but the first request line still reaches runserver's
request log (`django.server`) and any log line that quotes a URL. This filter, on every
handler, blanks such values before they are written. gunicorn's access log leaves out query
strings altogether (config/gunicorn.py).
"""

import logging
import re

# auth=… and a cmi5 launch's one-time fetch=… URL in a query string (raw or percent-encoded),
# and Basic credentials anywhere.
PATTERNS = (
    (re.compile(r"(?i)([?&](?:auth|fetch)=)[^&\s\"']*"), r"\1[redacted]"),
    (re.compile(r"(?i)(basic(?:%20|\+|\s)+)[A-Za-z0-9+/=%]{8,}"), r"\1[redacted]"),
)


def redact(text: str) -> str:
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactCredentialsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
