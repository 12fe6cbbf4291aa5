"""Activities as statements name them: stable IRIs under the configured base URL, with a
definition in every language the content exists in (xAPI 1.0.3 Data §2.4.4.1)."""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page

LANGUAGE_TAGS = {"de": "de-DE", "en": "en-US"}


@dataclass(frozen=True)
class Interaction:
    """A question's interaction definition (Data §2.4.4.1, "Interaction Activities")."""

    type: str  # "choice", "true-false", "matching" or "sequencing"
    correct_responses: tuple[str, ...]
    choices: tuple[tuple[str, dict[str, str]], ...] = ()  # (id, description by language)
    # "matching" names its two lists as `source` and `target` instead of `choices`.
    source: tuple[tuple[str, dict[str, str]], ...] = ()
    target: tuple[tuple[str, dict[str, str]], ...] = ()


@dataclass(frozen=True)
class ActivityRef:
    iri: str
    type: str
    name: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    interaction: Interaction | None = None


def page_iri(page: Page) -> str:
    """One IRI for all language versions of a page: they share the translation key."""
    return f"{settings.SENSI_BASE_URL}/xapi/activities/{page.translation_key}"


def page_activity(page: Page, activity_type: str, *, description_field: str = "") -> ActivityRef:
    """The activity for a Wagtail page, named in each language it is published in."""
    versions = list(page.get_translations(inclusive=True).select_related("locale").specific())
    name, description = {}, {}
    for version in versions:
        tag = LANGUAGE_TAGS.get(version.locale.language_code, version.locale.language_code)
        name[tag] = version.title
        text = getattr(version, description_field, "") if description_field else ""
        if text:
            description[tag] = str(text)
    return ActivityRef(page_iri(page), activity_type, name, description)


def language_tag(language_code: str) -> str:
    return LANGUAGE_TAGS.get(language_code, language_code)
