"""multipart/mixed bodies for statements with attachments (xAPI 1.0.3 Communication §1.5.2,
Data §2.4.11): the first part holds the statement(s), each further part one attachment with
its SHA-2 hash in X-Experience-API-Hash."""

import email.errors
import email.parser
import email.policy
import hashlib
import uuid

from .store import AttachmentPart
from .values import StatementInvalid, check_content_type

HASHES = {64: hashlib.sha256, 96: hashlib.sha384, 128: hashlib.sha512}


class MultipartInvalid(ValueError):
    pass


def parse(body: bytes, content_type_header: str) -> tuple[bytes, list[AttachmentPart]]:
    """The JSON part's bytes and the attachment parts, each checked against its hash."""
    header = f"Content-Type: {content_type_header}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
    if not message.is_multipart():
        raise MultipartInvalid("the body is not multipart/mixed with a boundary")
    if any(isinstance(d, email.errors.CloseBoundaryNotFoundDefect) for d in message.defects):
        raise MultipartInvalid("the multipart body has no closing boundary (it may be cut off)")
    parts = list(message.iter_parts())
    if not parts:
        raise MultipartInvalid("the multipart body has no parts")
    first = parts[0]
    if first.get_content_type() != "application/json":
        raise MultipartInvalid("the first part must be application/json")
    attachments = []
    for index, part in enumerate(parts[1:], start=2):
        sha2 = (part.get("X-Experience-API-Hash") or "").strip().lower()
        if not sha2:
            raise MultipartInvalid(f"part {index} has no X-Experience-API-Hash header")
        content = part.get_payload(decode=True) or b""
        algorithm = HASHES.get(len(sha2))
        if algorithm is None or algorithm(content).hexdigest() != sha2:
            raise MultipartInvalid(f"part {index}: the content does not match its SHA-2 hash")
        content_type = part.get_content_type()
        try:
            check_content_type(content_type, f"part {index}: the Content-Type")
        except StatementInvalid as error:
            raise MultipartInvalid(str(error)) from error
        attachments.append(AttachmentPart(sha2, content_type, content))
    return first.get_payload(decode=True) or b"", attachments


def build(json_text: str, attachments: list) -> tuple[bytes, str]:
    """A multipart/mixed body and its Content-Type header for a response."""
    boundary = uuid.uuid4().hex
    chunks = [
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode(),
        json_text.encode(),
        b"\r\n",
    ]
    for attachment in attachments:
        chunks += [
            f"--{boundary}\r\nContent-Type: {attachment.content_type}\r\n"
            "Content-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {attachment.sha2}\r\n\r\n".encode(),
            bytes(attachment.content),
            b"\r\n",
        ]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f'multipart/mixed; boundary="{boundary}"'
