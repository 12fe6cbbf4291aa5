"""The `format` parameter of statement queries (xAPI 1.0.3 Communication §2.1.3)."""

import copy

from .agents import ifi_only

LANGUAGE_MAP_PATHS = (
    ("verb", "display"),
    ("object", "definition", "name"),
    ("object", "definition", "description"),
)


def as_ids(statement: dict) -> dict:
    """Agents, activities and verbs reduced to their identifiers."""
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
        statement["object"] = {"objectType": "Activity", "id": obj["id"]}
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
            context["contextActivities"][kind] = [
                {"objectType": "Activity", "id": activity["id"]} for activity in items
            ]


def as_canonical(statement: dict, languages: list[str]) -> dict:
    """Every language map reduced to the one entry that best fits the requested languages."""
    result = copy.deepcopy(statement)
    for path in LANGUAGE_MAP_PATHS:
        parent = result
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if isinstance(parent, dict) and isinstance(parent.get(path[-1]), dict):
            parent[path[-1]] = _one_language(parent[path[-1]], languages)
    definition = result.get("object", {}).get("definition") or {}
    for name in ("choices", "scale", "source", "target", "steps"):
        for component in definition.get(name, []):
            if "description" in component:
                component["description"] = _one_language(component["description"], languages)
    for attachment in result.get("attachments", []):
        for key in ("display", "description"):
            if key in attachment:
                attachment[key] = _one_language(attachment[key], languages)
    return result


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


def render(statement: dict, fmt: str, languages: list[str]) -> dict:
    if fmt == "ids":
        return as_ids(statement)
    if fmt == "canonical":
        return as_canonical(statement, languages)
    return statement
