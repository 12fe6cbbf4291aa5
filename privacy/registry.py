"""The personal data declarations of all installed apps (see `gdpr`): each app's
`<app>/personal_data.py` with its module-level `DECLARATION`, collected in the order of
INSTALLED_APPS."""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule

from gdpr import PERIODS, Declaration, Deletion, Purge, Section

MODULE = "personal_data"


@cache
def declarations() -> tuple[Declaration, ...]:
    found = []
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, MODULE):
            continue
        module = import_module(f"{config.name}.{MODULE}")
        declaration = getattr(module, "DECLARATION", None)
        if not isinstance(declaration, Declaration):
            raise ImproperlyConfigured(
                f"{config.name}.{MODULE} must define DECLARATION = gdpr.Declaration(...)."
            )
        for step in declaration.retention:
            if step.period not in PERIODS:
                raise ImproperlyConfigured(
                    f"{config.name}.{MODULE}: unknown retention period {step.period!r}."
                )
        found.append(declaration)
    return tuple(found)


def declared_models() -> set:
    return {model for declaration in declarations() for model in declaration.models}


def _ordered(items: list, key, order: tuple[str, ...]) -> list:
    """`items` in the position their key has in `order`; the others after them, in the
    order of INSTALLED_APPS (sorted() is stable)."""
    position = {name: index for index, name in enumerate(order)}
    return sorted(items, key=lambda item: position.get(key(item), len(order)))


def sections(order: tuple[str, ...] = ()) -> list[Section]:
    return _ordered(
        [section for declaration in declarations() for section in declaration.sections],
        lambda section: section.key,
        order,
    )


def retention_steps(order: tuple[str, ...] = ()) -> list[Deletion | Purge]:
    return _ordered(
        [step for declaration in declarations() for step in declaration.retention],
        lambda step: step.kinds[0],
        order,
    )
