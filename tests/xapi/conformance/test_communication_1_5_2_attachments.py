"""Communication §1.5.2 and Data §2.4.11: attachments as multipart/mixed parts."""

import hashlib
import json
import uuid

from xapi.models import Attachment, Statement

from .conftest import statement

USAGE = "https://sensi.example/attachments/evidence"


def declared(content: bytes, **more) -> dict:
    return {
        "usageType": USAGE,
        "display": {"de": "Nachweis"},
        "contentType": "text/plain",
        "length": len(content),
        "sha2": hashlib.sha256(content).hexdigest(),
        **more,
    }


def multipart(statements, *parts: bytes, content_type="text/plain") -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    chunks = [
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode(),
        json.dumps(statements).encode(),
        b"\r\n",
    ]
    for content in parts:
        chunks += [
            f"--{boundary}\r\nContent-Type: {content_type}\r\n"
            "Content-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {hashlib.sha256(content).hexdigest()}\r\n\r\n".encode(),
            content,
            b"\r\n",
        ]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f'multipart/mixed; boundary="{boundary}"'


def send(lrs, statements, *parts, **kwargs):
    body, content_type = multipart(statements, *parts, **kwargs)
    return lrs.request("POST", "statements", body=body, content_type=content_type)


def test_communication_1_5_2_s3_b9_file_url_attachment_with_its_part_is_accepted(lrs):
    content = b"certificate of completion"
    attached = statement(attachments=[declared(content, fileUrl="https://files.example/c.txt")])
    response = send(lrs, attached, content)
    assert response.status_code == 200, response.content
    assert Attachment.objects.filter(sha2=hashlib.sha256(content).hexdigest()).exists()


def test_communication_1_5_2_s3_b5_part_stored_earlier_does_not_count(lrs):
    content = b"someone else's evidence"
    assert send(lrs, statement(attachments=[declared(content)]), content).status_code == 200

    response = lrs.post(statement(attachments=[declared(content)]))  # JSON, no part
    assert response.status_code == 400
    assert "attachments[0].sha2" in response.json()["error"]
    again = send(lrs, statement(attachments=[declared(content)]))  # multipart, no part
    assert again.status_code == 400
    assert Statement.objects.count() == 1


def test_communication_1_5_2_s3_b5_part_in_this_request_is_accepted(lrs):
    content = b"evidence"
    response = send(lrs, statement(attachments=[declared(content)]), content)
    assert response.status_code == 200, response.content


def test_communication_1_5_2_a_part_no_attachment_declares_is_refused(lrs):
    response = send(lrs, statement(), b"stray")
    assert response.status_code == 400
    assert not Statement.objects.exists()


def test_communication_2_1_3_s2_b6_file_url_attachment_parts_come_back(lrs):
    content = b"kept here too"
    attached = statement(attachments=[declared(content, fileUrl="https://files.example/k")])
    send(lrs, attached, content)
    response = lrs.get(statementId=attached["id"], attachments="true")
    assert response["Content-Type"].startswith("multipart/mixed")
    assert content in response.content
