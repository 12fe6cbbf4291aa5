"""The site's languages (settings.LANGUAGES: German first, English)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# The query parameter the language switcher adds to a page that does not exist in the language
# asked for: the page stays in its own language and says so in the language asked for.
UNAVAILABLE_PARAMETER = "unavailable_in"


def current_language() -> str:
    """The active language as one of the site's language codes ("de", "en"): a regional
    variant counts as its language ("en-gb" is "en"); without an active language, or with
    one the site does not offer, the default (settings.LANGUAGE_CODE)."""
    active = get_language() or settings.LANGUAGE_CODE
    for code, _name in settings.LANGUAGES:
        if active == code or active.startswith(f"{code}-"):
            return code
    return settings.LANGUAGE_CODE


def unavailable_note(page, requested: str) -> dict | None:
    """{"code", "text"}: the note, in the `requested` language, that `page` is available only
    in its own language; None when nothing is to be said (an unknown code, the page's own
    language, or a page that does have a live version in that language)."""
    codes = dict(settings.LANGUAGES)
    if requested not in codes:
        return None  # nearly every page view: no note asked for, and no query for the locale
    own = page.locale.language_code
    if requested == own:
        return None
    if page.get_translations().live().filter(locale__language_code=requested).exists():
        return None
    with translation.override(requested):
        text = _("This page is available in %(language)s only.") % {
            "language": str(codes.get(own, own)),
        }
    return {"code": requested, "text": text}


def fallback_url(request) -> str | None:
    """Where a 404 under one language's prefix should go instead, when the same path is a
    live page in another site language: that page's version in the language asked for if it
    has one (under another slug), otherwise the page itself with the note that it is not
    available in that language. None for any other 404."""
    from wagtail.models import Page, Site

    requested = translation.get_language_from_path(request.path_info)
    site = Site.find_for_request(request)
    prefix = f"/{requested}/"
    if not requested or not site or not request.path_info.startswith(prefix):
        return None
    rest = request.path_info.removeprefix(prefix)
    roots = site.root_page.get_translations(inclusive=True).exclude(locale__language_code=requested)
    candidates = Page.objects.live().filter(
        url_path__in=[f"{root.url_path}{rest}" for root in roots]
    )
    for page in candidates.select_related("locale").order_by("pk"):
        translated = page.get_translations().live().filter(locale__language_code=requested)
        if target := translated.first():
            return target.get_url(request)
        return f"{page.get_url(request)}?{UNAVAILABLE_PARAMETER}={requested}"
    return None
