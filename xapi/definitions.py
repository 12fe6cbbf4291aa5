"""Activity definitions and context activities as the LRS keeps them (xAPI 1.0.3 Data §2.4.4.1
and §2.4.6.2)."""

CONTEXT_ACTIVITY_KINDS = ("parent", "grouping", "category", "other")
LANGUAGE_MAPS = ("name", "description")
# Data §2.4.4.1.s4.b5: "SHOULD NOT make significant changes ... e.g. changes to correct
# responses". What an interaction means is kept as first known; texts may be corrected.
SIGNIFICANT = ("interactionType", "correctResponsesPattern", "choices", "scale", "source")
SIGNIFICANT += ("target", "steps")


def context_activities_as_lists(statement: dict) -> dict:
    """Data §2.4.6.2.s4.b3–b4: the LRS returns every contextActivities value as an array, a
    single Activity as an array of one. Done in place before storing, for the statement and
    its SubStatement, so that every format and the comparison of resends see one form."""
    for part in (statement, statement.get("object") or {}):
        context_activities = (part.get("context") or {}).get("contextActivities")
        if not isinstance(context_activities, dict):
            continue
        for kind, value in context_activities.items():
            if isinstance(value, dict):
                context_activities[kind] = [value]
    return statement


def merge_definition(stored: dict, sent: dict, *, trusted: bool) -> dict:
    """The definition after a statement brings `sent` for an activity defined as `stored`.

    Data §2.4.4.1.s4.b3 leaves it to the LRS whom to let change a definition. Sensi merges
    instead of replacing: a statement that names an activity in one language must not erase
    the other languages. Language maps and extensions are merged key by key, properties the
    statement leaves out are kept. A trusted source (Sensi itself, an operator's LRS client)
    corrects texts and adds; an untrusted one (a launch credential, used by content in a
    learner's browser) only adds what is missing. The interaction (type, correct responses,
    components) stays as first known, from anyone (§2.4.4.1.s4.b5).
    """
    merged = dict(stored)
    for key, value in sent.items():
        if key not in merged:
            merged[key] = value
        elif key in LANGUAGE_MAPS or key == "extensions":
            if isinstance(merged[key], dict) and isinstance(value, dict):
                merged[key] = _merge_maps(merged[key], value, trusted=trusted)
        elif key in SIGNIFICANT:
            merged[key] = _merge_component_texts(merged[key], value, trusted=trusted)
        elif trusted:
            merged[key] = value
    return merged


def _merge_maps(stored: dict, sent: dict, *, trusted: bool) -> dict:
    return stored | sent if trusted else sent | stored


def _merge_component_texts(stored, sent, *, trusted: bool):
    """Interaction components keep their ids; their descriptions merge like language maps."""
    if not isinstance(stored, list) or not isinstance(sent, list):
        return stored
    sent_by_id = {c.get("id"): c for c in sent if isinstance(c, dict)}
    merged = []
    for component in stored:
        other = sent_by_id.get(component.get("id")) if isinstance(component, dict) else None
        if other and isinstance(other.get("description"), dict):
            component = {
                **component,
                "description": _merge_maps(
                    component.get("description") or {}, other["description"], trusted=trusted
                ),
            }
        merged.append(component)
    return merged


def display_name(definition: dict, language: str) -> str:
    """The activity's name for a reader of `language` ("de", "en"): the exact or primary-tag
    match of its `name` language map, else its first name, else ""."""
    names = definition.get("name") if isinstance(definition, dict) else None
    if not isinstance(names, dict) or not names:
        return ""
    for tag, name in names.items():
        if tag.lower() == language or tag.lower().split("-")[0] == language:
            return str(name)
    return str(next(iter(names.values())))
