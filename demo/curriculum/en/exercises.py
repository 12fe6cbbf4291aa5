"""Demo content (Sensi): the English versions of the exercises in the translated modules."""

PHISHING_MAILBOX = (
    "spot_the_signs",
    {
        "title": "Examine a phishing email",
        "instructions": "Mark every part of this email that looks suspicious to you.",
        "sender": {
            "name": "IT Support",
            "address": "it-support@mailbox-administration.info",
            "suspicious": True,
            "explanation": (
                "The display name sounds official, but the address ends in an unknown domain. "
                "Your IT service desk writes from your office's own domain."
            ),
        },
        "subject": {
            "text": "Your mailbox is almost full",
            "suspicious": False,
            "explanation": (
                "The subject alone is harmless – genuine notices like this exist. What makes the "
                "email suspicious is what it asks of you."
            ),
        },
        "body": [
            {
                "text": "Dear user,",
                "suspicious": True,
                "explanation": (
                    "An impersonal greeting is a typical warning sign: genuine messages from "
                    "your office address you by name."
                ),
            },
            {
                "text": "Your mailbox has reached 98% of its storage space.",
                "suspicious": False,
                "explanation": "A plain statement with no request – not a sign on its own.",
            },
            {
                "text": (
                    "Sign in again within 2 hours, or your mailbox will be locked and incoming "
                    "messages will be lost."
                ),
                "suspicious": True,
                "explanation": "Time pressure and threats are meant to rush you into reacting.",
            },
            {"text": "Kind regards\nYour IT Support", "suspicious": False, "explanation": ""},
        ],
        "link": {
            "text": "Sign in now",
            "target": "https://mailbox-administration.info/owa/login.php",
            "suspicious": True,
            "explanation": (
                "The real target is not your office's sign-in page. Point at every link before "
                "you click and read the address."
            ),
        },
        "attachment": {
            "name": "StorageReport.pdf.exe",
            "suspicious": True,
            "explanation": (
                "The double extension disguises a program as a PDF. A storage notice needs no "
                "attachment."
            ),
        },
    },
)
