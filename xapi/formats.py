"""The `format` parameter of statement queries (xAPI 1.0.3 Communication §2.1.3)."""

import copy
from collections.abc import Mapping

from .agents import ifi_only


def as_ids(statement: dict) -> dict:
    """Agents, activities and verbs reduced to their identifiers: "only include minimum
    information necessary ... to identify them" (Communication §2.1.3, format), which for an
    Activity is its id alone, without definition or objectType."""
    result = copy.deepcopy(statement)
    _reduce(result)
    if "authority" in result:
        result["authority"] = ifi_only(result["authority"])
    return result


def _reduce(statement: dict) -> None:
    statement["actor"] = ifi_only(statement["actor"])
    statement["verb"] = {"id": statement["verb"]["id"]}
    obj = statement["object"]
    object_type = obj.get("objectType", "Activity")
    if object_type == "Activity":
        statement["object"] = {"id": obj["id"]}
    elif object_type in ("Agent", "Group"):
        statement["object"] = ifi_only(obj)
    elif object_type == "SubStatement":
        _reduce(obj)
    context = statement.get("context")
    if context:
        for key in ("instructor", "team"):
            if key in context:
                context[key] = ifi_only(context[key])
        for key, member in (("contextAgents", "agent"), ("contextGroups", "group")):  # xAPI 2.0
            for item in context.get(key) or []:
                item[member] = ifi_only(item[member])
        for kind, items in (context.get("contextActivities") or {}).items():
            items = items if isinstance(items, list) else [items]
            context["contextActivities"][kind] = [{"id": activity["id"]} for activity in items]


def as_canonical(
    statement: dict, languages: list[str], definitions: Mapping[str, dict] | None = None
) -> dict:
    """Activities with the LRS's canonical definition (`definitions` by activity id, where it
    has one) and every language map reduced to the one entry that best fits the requested
    languages (Communication §2.1.3.s4.b1: in Activity objects wherever they are, so also in
    context activities and in a SubStatement, and in verbs and attachments)."""
    result = copy.deepcopy(statement)
    definitions = definitions or {}
    _canonical_part(result, languages, definitions)
    obj = result.get("object")
    if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
        _canonical_part(obj, languages, definitions)
    return result


def activity_ids(statement: dict) -> set[str]:
    """The ids of the Activities in a statement and its SubStatement (for canonical format)."""
    found = set()
    parts = [statement]
    if (statement.get("object") or {}).get("objectType") == "SubStatement":
        parts.append(statement["object"])
    for part in parts:
        for activity in _activities(part):
            found.add(activity["id"])
    return found


def _activities(part: dict) -> list[dict]:
    """The Activity objects of one statement or SubStatement: its object, context activities."""
    found = []
    obj = part.get("object") or {}
    if obj.get("objectType", "Activity") == "Activity":
        found.append(obj)
    context_activities = (part.get("context") or {}).get("contextActivities") or {}
    for value in context_activities.values():
        found += value if isinstance(value, list) else [value]
    return [a for a in found if isinstance(a, dict) and isinstance(a.get("id"), str)]


def _canonical_part(part: dict, languages: list[str], definitions: Mapping[str, dict]) -> None:
    """One statement or SubStatement, not what its object contains."""
    verb = part.get("verb") or {}
    if isinstance(verb.get("display"), dict):
        verb["display"] = _one_language(verb["display"], languages)
    for activity in _activities(part):
        if activity["id"] in definitions:
            activity["definition"] = copy.deepcopy(definitions[activity["id"]])
        _canonical_activity(activity, languages)
    for attachment in part.get("attachments", []):
        for key in ("display", "description"):
            if isinstance(attachment.get(key), dict):
                attachment[key] = _one_language(attachment[key], languages)


def _canonical_activity(activity: dict, languages: list[str]) -> None:
    definition = activity.get("definition") if isinstance(activity, dict) else None
    if not isinstance(definition, dict):
        return
    for key in ("name", "description"):
        if isinstance(definition.get(key), dict) and definition[key]:
            definition[key] = _one_language(definition[key], languages)
    for name in ("choices", "scale", "source", "target", "steps"):
        for component in definition.get(name, []):
            if isinstance(component.get("description"), dict) and component["description"]:
                component["description"] = _one_language(component["description"], languages)


def _one_language(language_map: dict, languages: list[str]) -> dict:
    lowered = {tag.lower(): tag for tag in language_map}
    for wanted in languages:
        wanted = wanted.lower()
        if wanted in lowered:
            return {lowered[wanted]: language_map[lowered[wanted]]}
        for tag in language_map:
            if tag.lower().split("-")[0] == wanted.split("-")[0]:
                return {tag: language_map[tag]}
    first = next(iter(language_map))
    return {first: language_map[first]}


def accepted_languages(header: str) -> list[str]:
    """Languages from an Accept-Language header, most wanted first."""
    ranked = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        if not tag or tag == "*":
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, index, tag))
    return [tag for _q, _i, tag in sorted(ranked)]


def render(
    statement: dict, fmt: str, languages: list[str], definitions: Mapping[str, dict] | None = None
) -> dict:
    if fmt == "ids":
        return as_ids(statement)
    if fmt == "canonical":
        return as_canonical(statement, languages, definitions)
    return statement
