"""Production: exactly the safe defaults of base.py. `manage.py check --deploy` passes."""

from .base import *  # noqa: F403
