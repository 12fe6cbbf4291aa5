"""Strict JSON for the LRS: what json.loads would quietly accept (NaN, duplicate keys) is an
error here, so that every stored statement is plain, portable JSON."""

import json


class JSONInvalid(ValueError):
    pass


def _reject_constant(name):
    raise JSONInvalid(f"{name} is not valid JSON")


def _no_duplicates(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise JSONInvalid(f"duplicate key {key!r}")
        result[key] = value
    return result


def loads(raw: bytes | str):
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except UnicodeDecodeError as error:
        raise JSONInvalid("the body is not UTF-8") from error
    except RecursionError as error:
        raise JSONInvalid("the JSON is nested too deeply") from error
    except json.JSONDecodeError as error:
        raise JSONInvalid(f"malformed JSON at line {error.lineno}, column {error.colno}") from error


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
