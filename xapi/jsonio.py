"""Strict JSON for the LRS: what json.loads would quietly accept (NaN, duplicate keys) is an
error here, so that every stored statement is plain, portable JSON."""

import json
import math


class JSONInvalid(ValueError):
    pass


def _reject_constant(name):
    raise JSONInvalid(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999: no database stores infinity in JSON
        raise JSONInvalid(f"the number {text[:20]} is out of range")
    return value


def _no_duplicates(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise JSONInvalid(f"duplicate key {key!r}")
        result[key] = value
    return result


def _check_strings(value) -> None:
    """Reject what no database stores as text: NUL and unpaired UTF-16 surrogates."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            if "\x00" in item:
                raise JSONInvalid("a string contains the NUL character (\\u0000)")
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as error:
                raise JSONInvalid("a string contains an unpaired surrogate") from error


def loads(raw: bytes | str):
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        value = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            object_pairs_hook=_no_duplicates,
        )
        if "\\u" in text:  # only escapes can smuggle NUL or surrogates past json.loads
            _check_strings(value)
        return value
    except JSONInvalid:
        raise  # duplicate keys, NaN, 1e999: the message says which
    except UnicodeDecodeError as error:
        raise JSONInvalid("the body is not UTF-8") from error
    except RecursionError as error:
        raise JSONInvalid("the JSON is nested too deeply") from error
    except json.JSONDecodeError as error:
        raise JSONInvalid(f"malformed JSON at line {error.lineno}, column {error.colno}") from error
    except ValueError as error:  # an integer of more than 4,300 digits
        raise JSONInvalid(f"a number is out of range: {str(error)[:60]}") from error


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
