"""Signed statements (xAPI 1.0.3 Data §2.6): a JWS over the statement, sent as an attachment.

The LRS refuses (400) a statement whose signature is malformed (§2.6.s5.b1). As §2.6.s5.b3
asks, it decodes the JWS, checks the algorithm (RS256, RS384 or RS512, §2.6.s4.b4), compares
the signed payload with the statement received in the compared form of Data §2.3 (§2.6.s4.b3),
and, when the JWS header carries an X.509 chain (x5c), verifies the signature with the first
certificate and each certificate with the next. As the note to §2.6.s5 says, this catches
mistakes and is no proof of identity: the chain is not anchored in a trust store (xAPI names
none), and validity dates are not checked, so that a statement signed long ago still stores.
"""

import base64
import binascii
import copy
import json
from collections.abc import Sequence
from datetime import UTC

import jwt
from cryptography import x509
from cryptography.exceptions import InvalidSignature

from . import jsonio
from .definitions import context_activities_as_lists
from .values import StatementInvalid, check_timestamp

SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"
ALGORITHMS = ["RS256", "RS384", "RS512"]
LRS_SET = ("authority", "stored", "version")  # set by the LRS, never part of a comparison


def check_signatures(statements: Sequence[dict], parts: Sequence, path: str) -> None:
    """Raise StatementInvalid for the first statement with a malformed signature. `parts`
    are the request's attachment parts (with .sha2 and .content)."""
    contents = {part.sha2: part.content for part in parts}
    for index, statement in enumerate(statements):
        signatures = [
            (n, attachment)
            for n, attachment in enumerate(statement.get("attachments") or [])
            if attachment.get("usageType") == SIGNATURE_USAGE
        ]
        if not signatures:
            continue
        item = f"{path}[{index}].attachments"
        if len(signatures) > 1:
            raise StatementInvalid(item, "a statement carries at most one signature")
        n, attachment = signatures[0]
        _check_signature(statement, attachment, contents, f"{item}[{n}]")


def _check_signature(statement: dict, attachment: dict, contents: dict, path: str) -> None:
    if attachment.get("contentType", "").split(";")[0].strip() != "application/octet-stream":
        # Data §2.6.s4.b1: the signature's usageType "and a contentType of application/octet-stream"
        raise StatementInvalid(f"{path}.contentType", "a signature is application/octet-stream")
    token = contents.get(attachment["sha2"].lower(), b"").strip()
    if not token:
        raise StatementInvalid(f"{path}.sha2", "the signature must be sent as a part")
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise StatementInvalid(path, f"the signature is not a JWS: {error}") from error
    if header.get("alg") not in ALGORITHMS:
        raise StatementInvalid(path, "the signature must use RS256, RS384 or RS512")
    payload = _verified_payload(token, header, path)
    try:
        signed = jsonio.loads(payload)
    except jsonio.JSONInvalid as error:
        raise StatementInvalid(
            path, f"the signed payload is not a JSON statement: {error}"
        ) from error
    try:
        same = isinstance(signed, dict) and compared_form(signed, signed) == compared_form(
            _without_signature(statement, attachment), signed
        )
    except RecursionError as error:
        raise StatementInvalid(path, "the signed payload is nested too deeply") from error
    if not same:
        raise StatementInvalid(path, "the signed payload differs from the statement")


def _verified_payload(token: bytes, header: dict, path: str) -> bytes:
    """The JWS payload; its signature verified when the header names the signer's X.509
    certificate chain."""
    jws = jwt.PyJWS()
    try:
        if "x5c" not in header:
            return jws.decode_complete(token, options={"verify_signature": False})["payload"]
        key = _chain_key(header["x5c"], path)
        return jws.decode_complete(token, key=key, algorithms=[header["alg"]])["payload"]
    except jwt.PyJWTError as error:
        raise StatementInvalid(path, f"the signature does not verify: {error}") from error


def _chain_key(x5c, path: str):
    """RFC 7515 §4.1.6: x5c holds base64 DER certificates, the signer's first, each certified
    by the next. Returns the signer's public key."""
    if not isinstance(x5c, list) or not x5c:
        raise StatementInvalid(path, "x5c must be a list of certificates")
    try:
        chain = [x509.load_der_x509_certificate(base64.b64decode(c, validate=True)) for c in x5c]
    except (TypeError, ValueError, binascii.Error) as error:
        raise StatementInvalid(path, "x5c holds a certificate that cannot be read") from error
    for certificate, issuer in zip(chain, chain[1:], strict=False):
        try:
            certificate.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature) as error:
            raise StatementInvalid(path, "the x5c chain is broken") from error
    return chain[0].public_key()


def _without_signature(statement: dict, signature: dict) -> dict:
    """The statement as it was before the signature was attached (Data §2.6.s4.b3)."""
    result = dict(statement)
    others = [a for a in statement["attachments"] if a is not signature]
    if others:
        result["attachments"] = others
    else:
        del result["attachments"]
    return result


def compared_form(statement: dict, signed: dict) -> dict:
    """A statement in the form Data §2.3.1 ("Statement Comparison Requirements") compares:
    without what the LRS sets (authority, stored, version, and id and timestamp when the
    signed statement left them to the LRS), UUIDs and hashes in lower case, timestamps as
    instants to the millisecond, context activities as lists, group members in any order."""
    result = copy.deepcopy(statement)
    for key in LRS_SET:
        result.pop(key, None)
    for key in ("id", "timestamp"):
        if key not in signed:
            result.pop(key, None)
    context_activities_as_lists(result)
    _normalise(result)
    return result


def _normalise(value, key: str = ""):
    if isinstance(value, dict):
        for name, item in list(value.items()):
            value[name] = _normalise(item, name)
        if isinstance(value.get("member"), list):
            value["member"].sort(key=lambda m: json.dumps(m, sort_keys=True))
        return value
    if isinstance(value, list):
        return [_normalise(item, key) for item in value]
    if key in ("id", "registration", "sha2", "mbox_sha1sum") and isinstance(value, str):
        return value.lower() if _hexish(value) else value
    if key == "timestamp" and isinstance(value, str):
        try:
            moment = check_timestamp(value, key)
        except StatementInvalid:
            return value
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat(timespec="milliseconds")
    return value


def _hexish(value: str) -> bool:
    return all(c in "0123456789abcdefABCDEF-" for c in value)
