"""Statement validation per xAPI 1.0.3, Part Two (Data), §2 (and xAPI 2.0 where
`xapi.versions` says so): agents, verbs, objects, results, contexts, attachments and whole
statements, built from the checks of single values in `xapi.values`.

Every check raises StatementInvalid with the path of the offending field, e.g.
`statements[3].context.registration: must be a UUID`. Section numbers refer to the
specification's Data part.
"""

import copy

from . import versions
from .agents import agent_ifi
from .values import (
    COMPONENT_LISTS,
    INTERACTION_TYPES,
    LANGUAGE_TAG,
    MAX_IFI_LENGTH,
    SHA1_HEX,
    VOIDED,
    check_bool,
    check_content_type,
    check_duration,
    check_extensions,
    check_iri,
    check_keys,
    check_language_map,
    check_number,
    check_object,
    check_string,
    check_timestamp,
    check_uuid,
    fail,
)

# --- values found valid before ------------------------------------------------------------

# Activities and verbs found valid, by kind and id: a deep copy of each. Statements repeat the
# same few (the module, its lessons, the verbs) in every batch, as object and again as context
# activities, and checking an activity definition cost a third of validating a statement. An
# equal value (==, deep, in C) is valid too: the checks depend on the value alone, not on its
# place or the xAPI version, and JSON values that compare equal but differ in type (1, 1.0,
# true) can only sit in extensions, whose values are free. Only valid values are kept, so every
# error is found and named as before.
_VALID: dict[tuple[str, str], dict] = {}
_VALID_MAX = 10_000


def _known_valid(kind: str, value) -> bool:
    if not isinstance(value, dict):
        return False
    key = value.get("id")
    return isinstance(key, str) and _VALID.get((kind, key)) == value


def _remember_valid(kind: str, value: dict) -> None:
    if len(_VALID) >= _VALID_MAX:
        _VALID.clear()
    _VALID[(kind, value["id"])] = copy.deepcopy(value)  # the caller's may change later


# --- agents (§2.4.2) ----------------------------------------------------------------------


def check_account(value, path: str) -> None:
    check_keys(value, path, "account")
    check_iri(value["homePage"], f"{path}.homePage")
    check_string(value["name"], f"{path}.name")


def check_ifis(value: dict, path: str, *, required: bool) -> None:
    present = [key for key in ("mbox", "mbox_sha1sum", "openid", "account") if key in value]
    if len(present) > 1:
        fail(path, "must have exactly one inverse functional identifier, not " + ", ".join(present))
    if required and not present:
        fail(path, "needs an inverse functional identifier (mbox, mbox_sha1sum, openid or account)")
    if "mbox" in value:
        mbox = check_string(value["mbox"], f"{path}.mbox")
        if not mbox.startswith("mailto:") or "@" not in mbox:
            fail(f"{path}.mbox", "must be a mailto: IRI")
    if "mbox_sha1sum" in value and not (
        isinstance(value["mbox_sha1sum"], str) and SHA1_HEX.match(value["mbox_sha1sum"])
    ):
        fail(f"{path}.mbox_sha1sum", "must be a SHA-1 hex digest")
    if "openid" in value:
        check_iri(value["openid"], f"{path}.openid")
    if "account" in value:
        check_account(value["account"], f"{path}.account")
    if present and len(agent_ifi(value) or "") > MAX_IFI_LENGTH:
        fail(f"{path}.{present[0]}", f"is longer than {MAX_IFI_LENGTH} characters as an identifier")


def check_agent(value, path: str) -> None:
    check_keys(value, path, "agent")
    if value.get("objectType", "Agent") != "Agent":
        fail(f"{path}.objectType", "must be Agent")
    if "name" in value:
        check_string(value["name"], f"{path}.name")
    check_ifis(value, path, required=True)


def check_group(value, path: str) -> None:
    check_keys(value, path, "group")
    if value["objectType"] != "Group":
        fail(f"{path}.objectType", "must be Group")
    if "name" in value:
        check_string(value["name"], f"{path}.name")
    anonymous = not any(k in value for k in ("mbox", "mbox_sha1sum", "openid", "account"))
    check_ifis(value, path, required=False)
    members = value.get("member")
    if anonymous and not members:
        fail(f"{path}.member", "is required for an anonymous group")
    if members is not None:
        if not isinstance(members, list):
            fail(f"{path}.member", "must be a list of agents")
        for index, member in enumerate(members):
            check_agent(member, f"{path}.member[{index}]")


def check_actor(value, path: str) -> None:
    if isinstance(value, dict) and value.get("objectType") == "Group":
        check_group(value, path)
    else:
        check_agent(value, path)


# --- verb, object (§2.4.3, §2.4.4) --------------------------------------------------------


def check_verb(value, path: str) -> None:
    if _known_valid("verb", value):
        return
    check_keys(value, path, "verb")
    check_iri(value["id"], f"{path}.id")
    if "display" in value:
        check_language_map(value["display"], f"{path}.display")
    _remember_valid("verb", value)


def check_interaction_components(definition: dict, path: str) -> None:
    interaction_type = definition.get("interactionType")
    allowed = INTERACTION_TYPES.get(interaction_type, ()) if interaction_type else ()
    for name in COMPONENT_LISTS:
        if name not in definition:
            continue
        if name not in allowed:
            fail(f"{path}.{name}", f"is not allowed for interactionType {interaction_type!r}")
        components = definition[name]
        if not isinstance(components, list):
            fail(f"{path}.{name}", "must be a list of interaction components")
        seen = set()
        for index, component in enumerate(components):
            item_path = f"{path}.{name}[{index}]"
            check_keys(component, item_path, "interaction component")
            component_id = check_string(component["id"], f"{item_path}.id")
            if component_id in seen:
                fail(f"{item_path}.id", "must be unique within the list")
            seen.add(component_id)
            if "description" in component:
                check_language_map(component["description"], f"{item_path}.description")


def check_activity_definition(value, path: str) -> None:
    check_keys(value, path, "activity definition")
    for key in ("name", "description"):
        if key in value:
            check_language_map(value[key], f"{path}.{key}")
    for key in ("type", "moreInfo"):
        if key in value:
            check_iri(value[key], f"{path}.{key}")
    if "extensions" in value:
        check_extensions(value["extensions"], f"{path}.extensions")
    interaction_type = value.get("interactionType")
    if "interactionType" in value and (
        not isinstance(interaction_type, str) or interaction_type not in INTERACTION_TYPES
    ):
        fail(f"{path}.interactionType", "is not an xAPI interaction type")
    if "correctResponsesPattern" in value:
        pattern = value["correctResponsesPattern"]
        if not isinstance(pattern, list) or not all(isinstance(p, str) for p in pattern):
            fail(f"{path}.correctResponsesPattern", "must be a list of strings")
        if "interactionType" not in value:
            fail(f"{path}.interactionType", "is required with correctResponsesPattern")
    check_interaction_components(value, path)


def check_activity(value, path: str) -> None:
    if _known_valid("activity", value):
        return
    check_keys(value, path, "activity")
    if value.get("objectType", "Activity") != "Activity":
        fail(f"{path}.objectType", "must be Activity")
    check_iri(value["id"], f"{path}.id")
    if "definition" in value:
        check_activity_definition(value["definition"], f"{path}.definition")
    _remember_valid("activity", value)


def check_statement_ref(value, path: str) -> None:
    check_keys(value, path, "statement reference")
    if value["objectType"] != "StatementRef":
        fail(f"{path}.objectType", "must be StatementRef")
    check_uuid(value["id"], f"{path}.id")


def check_object_of(value, path: str, *, in_substatement: bool) -> None:
    if not isinstance(value, dict):
        fail(path, "must be a JSON object")
    object_type = value.get("objectType", "Activity")
    if object_type == "Activity":
        check_activity(value, path)
    elif object_type == "Agent":
        check_agent(value, path)
    elif object_type == "Group":
        check_group(value, path)
    elif object_type == "StatementRef":
        check_statement_ref(value, path)
    elif object_type == "SubStatement":
        if in_substatement:
            fail(f"{path}.objectType", "a SubStatement must not contain a SubStatement")
        check_substatement(value, path)
    else:
        fail(f"{path}.objectType", "must be Activity, Agent, Group, StatementRef or SubStatement")


# --- result, context, attachments (§2.4.5 – §2.4.6, §2.4.11) ------------------------------


def check_score(value, path: str) -> None:
    check_keys(value, path, "score")
    for key in value:
        check_number(value[key], f"{path}.{key}")
    if "scaled" in value and not -1 <= value["scaled"] <= 1:
        fail(f"{path}.scaled", "must be between -1 and 1")
    if "min" in value and "max" in value and value["min"] >= value["max"]:
        fail(f"{path}.max", "must be greater than min")
    if "raw" in value:
        if "min" in value and value["raw"] < value["min"]:
            fail(f"{path}.raw", "must not be less than min")
        if "max" in value and value["raw"] > value["max"]:
            fail(f"{path}.raw", "must not be greater than max")


def check_result(value, path: str) -> None:
    check_keys(value, path, "result")
    if "score" in value:
        check_score(value["score"], f"{path}.score")
    for key in ("success", "completion"):
        if key in value:
            check_bool(value[key], f"{path}.{key}")
    if "response" in value:
        check_string(value["response"], f"{path}.response")
    if "duration" in value:
        check_duration(value["duration"], f"{path}.duration")
    if "extensions" in value:
        check_extensions(value["extensions"], f"{path}.extensions")


def check_context(value, path: str, *, object_is_activity: bool) -> None:
    kind = "context 2.0" if versions.current().context_agents else "context"
    check_keys(value, path, kind)
    if "contextAgents" in value:
        check_context_agents(value["contextAgents"], f"{path}.contextAgents")
    if "contextGroups" in value:
        check_context_groups(value["contextGroups"], f"{path}.contextGroups")
    if "registration" in value:
        check_uuid(value["registration"], f"{path}.registration")
    if "instructor" in value:
        check_actor(value["instructor"], f"{path}.instructor")
    if "team" in value:
        check_group(value["team"], f"{path}.team")
    if "contextActivities" in value:
        activities = check_keys(
            value["contextActivities"], f"{path}.contextActivities", "context activities"
        )
        for kind, items in activities.items():
            for index, activity in enumerate(items if isinstance(items, list) else [items]):
                check_activity(activity, f"{path}.contextActivities.{kind}[{index}]")
    for key in ("revision", "platform"):
        if key in value:
            check_string(value[key], f"{path}.{key}")
            if not object_is_activity:
                fail(f"{path}.{key}", "is only allowed when the object is an Activity")
    if "language" in value and not (
        isinstance(value["language"], str) and LANGUAGE_TAG.match(value["language"])
    ):
        fail(f"{path}.language", "must be an RFC 5646 language tag")
    if "statement" in value:
        check_statement_ref(value["statement"], f"{path}.statement")
    if "extensions" in value:
        check_extensions(value["extensions"], f"{path}.extensions")


def _check_relevant_types(value: dict, path: str) -> None:
    """2.0 §4.2.2.5: relevantTypes, when present, is a list of one or more IRIs."""
    if "relevantTypes" not in value:
        return
    types = value["relevantTypes"]
    if not isinstance(types, list) or not types:
        fail(f"{path}.relevantTypes", "must be a list of one or more IRIs")
    for index, iri in enumerate(types):
        check_iri(iri, f"{path}.relevantTypes[{index}]")


def check_context_agents(value, path: str) -> None:
    """2.0 §4.2.2.5 Context Agents: contextAgent objects, each with one Agent (not a Group)."""
    if not isinstance(value, list):
        fail(path, "must be a list of contextAgent objects")
    for index, item in enumerate(value):
        item_path = f"{path}[{index}]"
        check_object(
            item, item_path, {"objectType", "agent", "relevantTypes"}, ("objectType", "agent")
        )
        if item["objectType"] != "contextAgent":
            fail(f"{item_path}.objectType", "must be contextAgent")
        check_agent(item["agent"], f"{item_path}.agent")
        _check_relevant_types(item, item_path)


def check_context_groups(value, path: str) -> None:
    """2.0 §4.2.2.5 Context Groups: contextGroup objects, each with one identified or
    anonymous Group."""
    if not isinstance(value, list):
        fail(path, "must be a list of contextGroup objects")
    for index, item in enumerate(value):
        item_path = f"{path}[{index}]"
        check_object(
            item, item_path, {"objectType", "group", "relevantTypes"}, ("objectType", "group")
        )
        if item["objectType"] != "contextGroup":
            fail(f"{item_path}.objectType", "must be contextGroup")
        check_group(item["group"], f"{item_path}.group")
        _check_relevant_types(item, item_path)


def check_attachments(value, path: str) -> None:
    if not isinstance(value, list):
        fail(path, "must be a list")
    for index, attachment in enumerate(value):
        item = f"{path}[{index}]"
        check_keys(attachment, item, "attachment")
        check_iri(attachment["usageType"], f"{item}.usageType")
        check_language_map(attachment["display"], f"{item}.display")
        if "description" in attachment:
            check_language_map(attachment["description"], f"{item}.description")
        check_content_type(attachment["contentType"], f"{item}.contentType")
        length = attachment["length"]
        if isinstance(length, bool) or not isinstance(length, int) or length < 0:
            fail(f"{item}.length", "must be a non-negative integer")
        check_string(attachment["sha2"], f"{item}.sha2")
        if "fileUrl" in attachment:
            check_iri(attachment["fileUrl"], f"{item}.fileUrl")


# --- statements (§2.4) ---------------------------------------------------------------------


def _check_core(value: dict, path: str, *, in_substatement: bool) -> None:
    check_actor(value["actor"], f"{path}.actor")
    check_verb(value["verb"], f"{path}.verb")
    check_object_of(value["object"], f"{path}.object", in_substatement=in_substatement)
    if value["verb"]["id"] == VOIDED and value["object"].get("objectType") != "StatementRef":
        fail(f"{path}.object", "a voiding statement must have a StatementRef as object")
    if "result" in value:
        check_result(value["result"], f"{path}.result")
    if "context" in value:
        object_is_activity = value["object"].get("objectType", "Activity") == "Activity"
        check_context(value["context"], f"{path}.context", object_is_activity=object_is_activity)
    if "timestamp" in value:
        moment = check_timestamp(value["timestamp"], f"{path}.timestamp")
        if moment.tzinfo is None and versions.current().timestamps_need_offset:
            fail(f"{path}.timestamp", "must carry a time zone offset (xAPI 2.0, RFC 3339)")
    if "attachments" in value:
        check_attachments(value["attachments"], f"{path}.attachments")


def check_substatement(value, path: str) -> None:
    check_keys(value, path, "substatement")
    _check_core(value, path, in_substatement=True)


def check_authority(value, path: str) -> None:
    """Data §2.4.9: an authority is an Agent, or, for three-legged OAuth, an anonymous Group of
    exactly two Agents (the application and the user); Data §2.2.s4.b1 makes the LRS refuse
    any other."""
    check_actor(value, path)
    if value.get("objectType") != "Group":
        return
    if any(key in value for key in ("mbox", "mbox_sha1sum", "openid", "account")):
        fail(path, "a Group as authority must be anonymous (OAuth consumer and user)")
    if len(value["member"]) != 2:
        fail(f"{path}.member", "a Group as authority must have exactly two members")


def validate_statement(value, path: str = "statement") -> dict:
    """Raise StatementInvalid unless `value` is a valid statement in the request's xAPI version."""
    check_keys(value, path, "statement")
    if "objectType" in value and value["objectType"] != "Statement":
        fail(f"{path}.objectType", "must be Statement")
    if "id" in value:
        check_uuid(value["id"], f"{path}.id")
    _check_core(value, path, in_substatement=False)
    if "stored" in value:
        check_timestamp(value["stored"], f"{path}.stored")
    if "authority" in value:
        check_authority(value["authority"], f"{path}.authority")
    if "version" in value:
        version = check_string(value["version"], f"{path}.version")
        if not versions.current().statement_versions.match(version):
            allowed = "1.0.x or 2.0.0" if versions.current().is_2_0 else "a 1.0.x version"
            fail(f"{path}.version", f"must be {allowed}")
    return value
