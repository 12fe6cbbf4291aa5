"""Data §2.6: signed statements. The LRS refuses a malformed signature with 400 (§2.6.s5.b1)
after the checks of §2.6.s5.b3."""

import base64
import copy
import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from xapi.models import Statement

from .conftest import statement
from .test_communication_1_5_2_attachments import multipart

SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"


def certificate(name: str, key, issuer_name: str, issuer_key):
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_name)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(issuer_key, hashes.SHA256())
    )


def der64(cert) -> str:
    return base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()


@pytest.fixture(scope="module")
def keys():
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    signer_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = certificate("Sensi test CA", ca_key, "Sensi test CA", ca_key)
    signer = certificate("Moodle", signer_key, "Sensi test CA", ca_key)
    return {"ca": ca, "signer": signer, "signer_key": signer_key, "ca_key": ca_key}


def sign(payload: dict, key, algorithm="RS256", headers=None) -> bytes:
    token = jwt.PyJWS().encode(
        json.dumps(payload).encode(), key, algorithm=algorithm, headers=headers
    )
    return token.encode() if isinstance(token, str) else token


def signed(original: dict, token: bytes, content_type="application/octet-stream") -> dict:
    """The statement with its signature attached, as a client sends it."""
    result = copy.deepcopy(original)
    result.setdefault("attachments", []).append(
        {
            "usageType": SIGNATURE,
            "display": {"en-US": "Signature"},
            "contentType": content_type,
            "length": len(token),
            "sha2": hashlib.sha256(token).hexdigest(),
        }
    )
    return result


def send(lrs, body: dict, token: bytes):
    data, content_type = multipart(body, token, content_type="application/octet-stream")
    return lrs.request("POST", "statements", body=data, content_type=content_type)


def chain(keys) -> dict:
    return {"x5c": [der64(keys["signer"]), der64(keys["ca"])]}


@pytest.mark.parametrize("algorithm", ["RS256", "RS384", "RS512"])
def test_data_2_6_s4_b4_signature_with_an_rsa_algorithm_and_x5c_chain_is_accepted(
    lrs, keys, algorithm
):
    original = statement()
    token = sign(original, keys["signer_key"], algorithm, chain(keys))
    response = send(lrs, signed(original, token), token)
    assert response.status_code == 200, response.content
    assert Statement.objects.count() == 1


def test_data_2_6_s5_b3_b2_payload_compared_in_the_compared_form(lrs, keys):
    """The LRS sets id, stored, authority, version; UUID case, timestamp serialisation and a
    single context activity differ in form only (Data §2.3)."""
    original = statement(
        timestamp="2026-12-06T10:00:00Z",
        context={
            "registration": str(uuid.uuid4()).upper(),
            "contextActivities": {"parent": {"id": "https://sensi.example/m"}},
        },
    )
    sent = copy.deepcopy(original)
    original.pop("id")
    sent["timestamp"] = "2026-12-06T11:00:00.000+01:00"
    sent["context"]["registration"] = sent["context"]["registration"].lower()
    sent["context"]["contextActivities"]["parent"] = [{"id": "https://sensi.example/m"}]
    token = sign(original, keys["signer_key"], headers=chain(keys))
    assert send(lrs, signed(sent, token), token).status_code == 200


def test_data_2_6_s4_b1_other_attachments_stay_part_of_the_signed_statement(lrs, keys):
    evidence = b"evidence"
    original = statement(
        attachments=[
            {
                "usageType": "https://sensi.example/evidence",
                "display": {"de": "Nachweis"},
                "contentType": "text/plain",
                "length": len(evidence),
                "sha2": hashlib.sha256(evidence).hexdigest(),
            }
        ]
    )
    token = sign(original, keys["signer_key"], headers=chain(keys))
    data, content_type = multipart(signed(original, token), evidence, token)
    response = lrs.request("POST", "statements", body=data, content_type=content_type)
    assert response.status_code == 200, response.content


def refused(lrs, body, token, words: str):
    response = send(lrs, body, token)
    assert response.status_code == 400, response.content
    assert words in response.json()["error"]
    assert not Statement.objects.exists()


def test_data_2_6_s5_b3_b2_a_payload_that_differs_is_refused(lrs, keys):
    original = statement()
    token = sign(original, keys["signer_key"], headers=chain(keys))
    changed = {**original, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}}
    refused(lrs, signed(changed, token), token, "differs")


def test_data_2_6_s4_b4_other_algorithms_are_refused(lrs, keys):
    original = statement()
    token = sign(original, "a shared secret that is long enough", "HS256")
    refused(lrs, signed(original, token), token, "RS256")
    ec_key = ec.generate_private_key(ec.SECP256R1())
    token = sign(original, ec_key, "ES256")
    refused(lrs, signed(original, token), token, "RS256")


def test_data_2_6_s5_b3_b3_a_signature_that_does_not_verify_is_refused(lrs, keys):
    original = statement()
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = sign(original, other_key, headers=chain(keys))
    refused(lrs, signed(original, token), token, "does not verify")


def test_data_2_6_s5_b3_b3_a_broken_x5c_chain_is_refused(lrs, keys):
    original = statement()
    stranger_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    stranger = certificate("Stranger CA", stranger_key, "Stranger CA", stranger_key)
    headers = {"x5c": [der64(keys["signer"]), der64(stranger)]}
    token = sign(original, keys["signer_key"], headers=headers)
    refused(lrs, signed(original, token), token, "chain")
    token = sign(original, keys["signer_key"], headers={"x5c": ["not base64 DER!"]})
    refused(lrs, signed(original, token), token, "x5c")


def test_data_2_6_s4_b1_the_signature_must_be_application_octet_stream(lrs, keys):
    original = statement()
    token = sign(original, keys["signer_key"], headers=chain(keys))
    refused(lrs, signed(original, token, content_type="text/plain"), token, "octet-stream")


def test_data_2_6_s5_b1_a_signature_that_is_no_jws_is_refused(lrs):
    original = statement()
    token = b"this is not a JWS"
    refused(lrs, signed(original, token), token, "JWS")


def test_data_2_6_s5_b3_b1_a_payload_that_is_not_json_is_refused(lrs, keys):
    original = statement()
    token = jwt.PyJWS().encode(b"\xff not json", keys["signer_key"], algorithm="RS256")
    token = token.encode() if isinstance(token, str) else token
    refused(lrs, signed(original, token), token, "payload")


def test_data_2_6_s5_b3_without_x5c_the_payload_is_still_compared(lrs, keys):
    original = statement()
    token = sign(original, keys["signer_key"])
    assert send(lrs, signed(original, token), token).status_code == 200
    other = statement()
    token = sign(other, keys["signer_key"])
    refused_response = send(lrs, signed(statement(), token), token)
    assert refused_response.status_code == 400


def test_data_2_6_s5_b1_a_deeply_nested_payload_is_a_400_not_a_500(lrs, keys):
    original = statement()
    payload = json.dumps({**original, "result": {"extensions": {"https://x.example/d": 1}}})
    payload = payload[:-1] + ', "deep": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}"
    token = jwt.PyJWS().encode(payload.encode(), keys["signer_key"], algorithm="RS256")
    token = token.encode() if isinstance(token, str) else token
    refused(lrs, signed(original, token), token, "payload")
