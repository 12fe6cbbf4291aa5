"""Agents and their Inverse Functional Identifiers (xAPI 1.0.3 Data §2.4.2.1, §2.4.2.3)."""

import json
from json.encoder import encode_basestring_ascii

IFI_KEYS = ("mbox", "mbox_sha1sum", "openid", "account")


def agent_ifi(agent: dict) -> str | None:
    """A canonical string for the agent's or identified group's IFI; None for anonymous groups.

    Two agents are the same when they share this string, whatever else (name) differs.
    """
    if agent.get("mbox"):
        return "mbox:" + agent["mbox"]
    if agent.get("mbox_sha1sum"):
        return "mbox_sha1sum:" + agent["mbox_sha1sum"].lower()
    if agent.get("openid"):
        return "openid:" + agent["openid"]
    account = agent.get("account")
    if account:
        home_page, name = account.get("homePage"), account.get("name")
        if isinstance(home_page, str) and isinstance(name, str):
            # what json.dumps([home_page, name]) gives, from its C string encoder directly:
            # a statement needs its actor's IFI four times, and json.dumps cost most of it
            quoted = encode_basestring_ascii(home_page), encode_basestring_ascii(name)
            return f"account:[{quoted[0]}, {quoted[1]}]"
        return "account:" + json.dumps([home_page, name])
    return None


def ifi_only(agent: dict) -> dict:
    """The agent reduced to objectType and IFI (format=ids, §2.1.3); groups keep their members
    reduced the same way when they are anonymous."""
    reduced = {"objectType": agent.get("objectType", "Agent")}
    for key in IFI_KEYS:
        if key in agent:
            reduced[key] = agent[key]
            return reduced
    if "member" in agent:
        reduced["member"] = [ifi_only(member) for member in agent["member"]]
    return reduced


def related_agents(statement: dict) -> list[tuple[str, bool]]:
    """(IFI, direct) for every agent a statement mentions; direct ones are the actor and an
    agent as object, the rest only match with related_agents=true (§2.1.3 GET Statements)."""
    found: list[tuple[str, bool]] = []

    def add(agent, direct):
        if not isinstance(agent, dict):
            return
        ifi = agent_ifi(agent)
        if ifi:
            found.append((ifi, direct))
        for member in agent.get("member", []) or []:
            add(member, False)

    def walk(stmt, top_level):
        add(stmt.get("actor"), top_level)
        obj = stmt.get("object") or {}
        if obj.get("objectType") in ("Agent", "Group"):
            add(obj, top_level)
        context = stmt.get("context") or {}
        add(context.get("instructor"), False)
        add(context.get("team"), False)
        # xAPI 2.0 §4.1.6.1: related_agents also matches context agents and context groups.
        for item in context.get("contextAgents") or []:
            add(item.get("agent"), False)
        for item in context.get("contextGroups") or []:
            add(item.get("group"), False)
        if top_level:
            add(stmt.get("authority"), False)
            if obj.get("objectType") == "SubStatement":
                walk(obj, False)

    walk(statement, True)
    return list(dict.fromkeys(found))


def related_activities(statement: dict) -> list[tuple[str, bool]]:
    """(activity id, direct) for the object activity (direct) and context activities and
    those of a SubStatement (related only)."""
    found: list[tuple[str, bool]] = []

    def walk(stmt, top_level):
        obj = stmt.get("object") or {}
        if obj.get("objectType", "Activity") == "Activity" and "id" in obj:
            found.append((obj["id"], top_level))
        context_activities = (stmt.get("context") or {}).get("contextActivities") or {}
        for kind in ("parent", "grouping", "category", "other"):
            value = context_activities.get(kind)
            for activity in value if isinstance(value, list) else [value] if value else []:
                found.append((activity["id"], False))
        if top_level and obj.get("objectType") == "SubStatement":
            walk(obj, False)

    walk(statement, True)
    return list(dict.fromkeys(found))
