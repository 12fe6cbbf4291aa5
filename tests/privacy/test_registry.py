"""privacy.registry: every table with personal data is declared by its app (gdpr)."""

from django.apps import apps
from django.contrib.auth import get_user_model

from compliance.models import Employee
from gdpr import PERIODS, Declaration
from privacy import registry
from privacy.retention import ORDER as RETENTION_ORDER
from privacy.selectors import ORDER as EXPORT_ORDER

SENSI_APPS = {"accounts", "content", "courses", "quizzes", "compliance", "privacy", "xapi"}
SENSI_APPS |= {"accessibility", "demo", "impulses", "jobs", "selfcheck", "seminars"}


def models_about_a_person() -> set:
    """Sensi's models with a foreign key or one-to-one field of their own (not inherited
    from Wagtail's Page, whose owner is an editor) to the user or to the employee."""
    people = {get_user_model(), Employee}
    return {
        model
        for model in apps.get_models()
        if model._meta.app_label in SENSI_APPS
        for field in model._meta.local_fields
        if field.is_relation and field.related_model in people
    }


def test_every_model_with_a_foreign_key_to_a_person_is_declared():
    missing = models_about_a_person() - registry.declared_models()
    assert not missing, (
        "Declare the personal data of "
        + ", ".join(sorted(model._meta.label for model in missing))
        + " in its app's personal_data.py (see gdpr)."
    )


def test_every_app_declares_in_its_own_module():
    for declaration in registry.declarations():
        assert isinstance(declaration, Declaration)
        assert declaration.models


def test_retention_steps_name_known_periods_and_distinct_kinds():
    steps = registry.retention_steps()
    kinds = [kind for step in steps for kind in step.kinds]
    assert len(kinds) == len(set(kinds))
    assert {step.period for step in steps} <= set(PERIODS)


def test_the_fixed_orders_name_declared_sections_and_steps():
    sections = {section.key for section in registry.sections()}
    # xapi_documents are found by the agents the xapi_agents section collects.
    assert set(EXPORT_ORDER) == sections | {"xapi_documents"}
    kinds = {step.kinds[0] for step in registry.retention_steps()}
    assert set(RETENTION_ORDER) == kinds


def test_sections_follow_the_export_order():
    keys = list(dict.fromkeys(section.key for section in registry.sections(EXPORT_ORDER)))
    assert keys == [key for key in EXPORT_ORDER if key != "xapi_documents"]
