import uuid

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from content.languages import UNAVAILABLE_PARAMETER, unavailable_note

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in every site language: the translated page where one exists.
    A page without a version in a language links to itself with a note in that language that
    it is not available in it (the other prefix would be a 404); any other view links to the
    same URL with the other language prefix."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif translations:
            url = f"{page.get_url(request)}?{UNAVAILABLE_PARAMETER}={code}"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def language_unavailable_note(context):
    """The note for a reader who asked for this page in a language it does not exist in:
    {"code", "text"} in the language asked for, or None."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not (isinstance(page, Page) and page.pk):
        return None
    return unavailable_note(page, request.GET.get(UNAVAILABLE_PARAMETER, ""))


@register.simple_tag
def dom_id(prefix: str, block) -> str:
    """An HTML id for a block's element. Blocks saved in the Wagtail editor carry a stable
    id; blocks created in code may not, and several of them on one page must still not
    share an id (aria-labelledby would name them all after the first)."""
    block_id = getattr(block, "id", None) or uuid.uuid4().hex
    return f"{prefix}-{block_id}"


@register.filter
def described_by_error(field):
    """Render a form field tied to its error message `<id>-error` (WCAG 3.3.1, 1.3.1)."""
    if not field.errors:
        return field
    return field.as_widget(attrs={"aria-describedby": f"{field.id_for_label}-error"})


@register.simple_tag(takes_context=True)
def scenario_answer(context, block):
    """The learner's latest choice in this scenario block, or None (then the form shows no
    feedback at all)."""
    from content.scenarios import latest_answer

    page = context.get("page")
    request = context.get("request")
    block_id = getattr(block, "id", None)
    if not (isinstance(page, Page) and page.pk and request and block_id):
        return None
    return latest_answer(user=request.user, page=page, block_id=block_id)


@register.simple_tag(takes_context=True)
def exercise_state(context, block):
    """What an exercise block shows for the learner: "feedback" on their newest answer (or
    None), "previous", their choices in it for the form to pre-select, and "error", the
    message of a form they sent incomplete (shown once)."""
    from content.exercises import EXERCISE_ERROR_KEY, evaluate, latest_answer, previous_choices

    state = {"feedback": None, "previous": [], "error": ""}
    page = context.get("page")
    request = context.get("request")
    block_id = getattr(block, "id", None)
    if not (isinstance(page, Page) and page.pk and request and block_id):
        return state
    session = getattr(request, "session", None)
    pending = session.get(EXERCISE_ERROR_KEY) if session is not None else None
    if pending and pending.get("block_id") == block_id:
        state["error"] = pending.get("message", "")
        del session[EXERCISE_ERROR_KEY]
    answer = latest_answer(user=request.user, page=page, block_id=block_id)
    if answer is not None:
        state["feedback"] = evaluate(
            block_type=block.block_type, value=block.value, response=answer.response
        )
        state["previous"] = previous_choices(block_type=block.block_type, response=answer.response)
    return state


@register.simple_tag
def shuffled_steps(block):
    """The steps of a put-in-order block in the order its form shows them."""
    from content.exercises import shuffled_steps as mix

    return mix(getattr(block, "id", None) or "", block.value)


@register.simple_tag
def message_parts(value):
    """The markable parts of a spot-the-signs e-mail, in reading order."""
    from content.exercises import message_parts as parts

    return parts(value)
