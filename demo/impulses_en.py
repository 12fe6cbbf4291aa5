"""Demo Sicherheitsimpulse, English: the translations of demo.impulses, by the German slug.
Each is seeded as the translation of its German page (same translation key, topic, week,
pictogram and question ids), so an answer given in one language counts in both."""
# ruff: noqa: E501 (demo text)

from .impulses import _q

INDEX = {
    "title": "Security impulses",
    "slug": "security-impulses",
    "intro": "<p>Every week a short tip and a question on information security and data "
    "protection – done in two minutes.</p>",
}

IMPULSES = {
    "warnzeichen-phishing": {
        "slug": "phishing-warning-signs",
        "title": "Three seconds of suspicion",
        "alt": "Envelope with a fish hook",
        "tip": "<p>Time pressure, an impersonal greeting and a sender address that is almost right: these are typical warning signs of a phishing email. Take a moment before you click a link or open an attachment.</p>",
        "question": _q(
            "“Your account will be locked in 24 hours” – what is the best reaction?",
            [
                (
                    "Click the link at once and confirm the account.",
                    False,
                    "That is exactly what the time pressure is for. Real services rarely threaten deadlines by email.",
                ),
                (
                    "Pause, check the sender and report the email if in doubt.",
                    True,
                    "Correct. Time pressure is a classic warning sign.",
                ),
                (
                    "Forward the email to colleagues and ask them.",
                    False,
                    "Forwarding spreads the email. Report it through the intended channel instead.",
                ),
            ],
            "Time pressure or threats are meant to make you act quickly – that is a warning sign.",
        ),
    },
    "home-router-passwort": {
        "slug": "home-router-password",
        "title": "The master key to your home network",
        "alt": "Router with two antennas",
        "tip": "<p>Whoever can sign in to your router's interface can read the Wi-Fi password and redirect traffic. Give the router access its own long password that you use nowhere else – separate from the Wi-Fi key.</p>",
        "question": _q(
            "Your router still uses the password from its sticker. What do you do?",
            [
                (
                    "Nothing – the password is individual, after all.",
                    False,
                    "Anyone with access to the device can read the sticker. A password of your own is safer.",
                ),
                (
                    "Set a long router password of your own and keep it in a password manager.",
                    True,
                    "Correct. The router password and the Wi-Fi key are two different things.",
                ),
                (
                    "Use the Wi-Fi password as the router password too.",
                    False,
                    "Then every guest on the Wi-Fi also knows the master key to the router.",
                ),
            ],
            "The router password protects the settings of the whole home network.",
        ),
    },
    "passphrase-statt-sonderzeichen": {
        "slug": "passphrase-not-special-characters",
        "title": "Length beats special characters",
        "alt": "Padlock",
        "tip": "<p>A password's length matters more than complicated special characters. A passphrase of several random words is long, hard to guess and still easy to remember.</p>",
        "question": _q(
            "Which password is the safest?",
            [
                (
                    "Summer2024!",
                    False,
                    "Short and built on a well-known pattern – passwords like this are guessed quickly.",
                ),
                (
                    "Wallpaper-Bicycle-Fog-Compass",
                    True,
                    "Correct. Four random words make a long passphrase that is easy to remember.",
                ),
                (
                    "P@ssw0rd",
                    False,
                    "Attackers know replaced letters too; this password is on every list.",
                ),
            ],
            "Every extra character multiplies the number of possible combinations.",
        ),
    },
    "bildschirm-sperren": {
        "slug": "lock-your-screen",
        "title": "Lock your screen, at home too",
        "alt": "Desk with a monitor",
        "tip": "<p>Working from home, too, no unauthorised person – family members and guests included – may see official information. Lock your screen with Windows key + L as soon as you leave your desk.</p>",
        "question": _q(
            "You are fetching a coffee. Your child is in the same room. What do you do?",
            [
                (
                    "Lock the screen.",
                    True,
                    "Correct. It takes a second and protects official data.",
                ),
                (
                    "Nothing – it is only for a moment.",
                    False,
                    "Even a short glance can reveal personal data.",
                ),
                ("Minimise the window.", False, "A minimised window is open again with one click."),
            ],
            "Official information must be protected from the people in your own household too.",
        ),
    },
    "drucker-ausdrucke": {
        "slug": "what-the-printer-remembers",
        "title": "What the printer remembers",
        "alt": "Printer with a paper tray",
        "tip": "<p>Many network printers store print jobs and scans. Protect the printer with a password of its own and updates, and do not use the manufacturer's cloud print or cloud scan services for official documents.</p>",
        "question": _q(
            "May you scan an official file with the scan-to-cloud app of your private printer?",
            [
                (
                    "Yes, if the app has a password.",
                    False,
                    "The data still ends up with the manufacturer – outside your Dienststelle's control.",
                ),
                (
                    "No, official documents do not belong in the manufacturer's cloud services.",
                    True,
                    "Correct. Use the channels your Dienststelle provides.",
                ),
                (
                    "Yes, if the file is deleted afterwards.",
                    False,
                    "What has once been in the cloud cannot be reliably retrieved.",
                ),
            ],
            "Cloud print and cloud scan services are off limits for official documents.",
        ),
    },
    "datenpanne-72-stunden": {
        "slug": "data-breach-72-hours",
        "title": "72 hours – and the clock runs at weekends too",
        "alt": "Open padlock",
        "tip": "<p>The Dienststelle must report a data breach to the supervisory authority within 72 hours of becoming aware of it (Art. 33 GDPR). The 72 hours run at night, at weekends and on public holidays too. So report a breach internally at once.</p>",
        "question": _q(
            "On Friday evening you sent an email with personnel data to the wrong recipient. When do you report it?",
            [
                (
                    "On Monday, when everyone is back.",
                    False,
                    "By Monday a large part of the 72 hours has passed.",
                ),
                (
                    "At once, through the Dienststelle's reporting channel.",
                    True,
                    "Correct – without delay. 72 hours is the upper limit.",
                ),
                (
                    "Not at all, if the recipient deletes the email.",
                    False,
                    "Whether it must be reported is for the Dienststelle to decide, not for you alone.",
                ),
            ],
            "The deadline starts as soon as the Dienststelle knows of the breach.",
        ),
    },
    "links-pruefen": {
        "slug": "check-links",
        "title": "Point first, then click",
        "alt": "Envelope with a fish hook",
        "tip": "<p>Before you open a link, move the mouse over it and check the target address in the status bar. What counts is the part just before the first single “/” – for example “hessen.de” and not “hessen.de.login-portal.net”.</p>",
        "question": _q(
            "Which address really belongs to hessen.de?",
            [
                (
                    "https://hessen.de.sicher-anmelden.net/portal",
                    False,
                    "The address belongs to “sicher-anmelden.net” – “hessen.de” is only part of it.",
                ),
                (
                    "https://www.hessen.de/service",
                    True,
                    "Correct. The domain just before the first single “/” is “hessen.de”.",
                ),
                ("https://hessen-de.info/login", False, "“hessen-de.info” is a different domain."),
            ],
            "Attackers like to put well-known names at the front of other addresses.",
        ),
    },
    "wps-abschalten": {
        "slug": "switch-off-wps",
        "title": "WPS: convenient, but an open door",
        "alt": "Router with two antennas",
        "tip": "<p>WPS, UPnP and remote access make an attacker's work easier. Switch these functions off in the router unless you really need them, and encrypt the Wi-Fi with WPA2 or, better, WPA3.</p>",
        "question": _q(
            "A visitor wants to use your Wi-Fi and suggests simply pressing the WPS button. What is better?",
            [
                (
                    "Leave WPS switched on permanently; it is convenient.",
                    False,
                    "Permanently active WPS is a known way in for attackers.",
                ),
                (
                    "Offer the guest Wi-Fi with its own password.",
                    True,
                    "Correct. That keeps guests apart from the home network with your work laptop.",
                ),
                (
                    "Write the Wi-Fi password on a note on the router.",
                    False,
                    "Then anyone who passes the router knows it.",
                ),
            ],
            "A guest Wi-Fi keeps other people's devices apart from your own.",
        ),
    },
    "mfa-fatigue": {
        "slug": "mfa-fatigue",
        "title": "Do not confirm what you did not start",
        "alt": "Padlock",
        "tip": "<p>In MFA fatigue attacks, attackers who already know your password send sign-in requests to your smartphone until you confirm one out of annoyance. Confirm only sign-ins you have just started yourself, and otherwise change your password at once.</p>",
        "question": _q(
            "At night your smartphone shows three sign-in requests you did not trigger. What do you do?",
            [
                (
                    "Confirm one so that it stops.",
                    False,
                    "That is exactly what the attackers count on: then they are signed in.",
                ),
                (
                    "Decline, change your password and report the incident.",
                    True,
                    "Correct. The requests show that your password is known.",
                ),
                (
                    "Switch the smartphone off and go back to sleep.",
                    False,
                    "The attackers still know your password.",
                ),
            ],
            "A request you did not trigger yourself is an alarm signal.",
        ),
    },
    "telefonat-mithoeren": {
        "slug": "who-is-listening",
        "title": "Who is listening?",
        "alt": "Desk with a monitor",
        "tip": "<p>Hold official phone calls and video conferences so that nobody in your household can listen in: close the door, use a headset and mute smart speakers nearby. A neutral or blurred background protects what is behind you.</p>",
        "question": _q(
            "You are holding a staff interview by video. Where is your smart speaker best placed?",
            [
                (
                    "Next to the laptop, for good sound.",
                    False,
                    "A speaker with a voice assistant can record conversations.",
                ),
                (
                    "Muted or in another room.",
                    True,
                    "Correct. Then it cannot overhear anything official.",
                ),
                (
                    "It does not matter; it only reacts to its wake word.",
                    False,
                    "False activations happen; then it records.",
                ),
            ],
            "Official conversations do not belong within the reach of voice assistants.",
        ),
    },
    "usb-stick-gefunden": {
        "slug": "found-usb-stick",
        "title": "A USB stick, found",
        "alt": "Printer with a paper tray",
        "tip": "<p>A USB stick you find may contain malware that starts when it is plugged in. Never connect unknown storage devices to your work laptop; hand them in to your Dienststelle's IT instead.</p>",
        "question": _q(
            "In the Dienststelle's car park lies a USB stick labelled “Salaries 2026”. What do you do?",
            [
                (
                    "Plug it in briefly to find its owner.",
                    False,
                    "This very curiosity is what attackers exploit.",
                ),
                (
                    "Hand it in unopened to IT or the IT security officer.",
                    True,
                    "Correct. IT can check the stick safely.",
                ),
                (
                    "Throw it in the bin.",
                    False,
                    "Then someone else may find it. Better hand it in.",
                ),
            ],
            "An enticing label is a typical bait.",
        ),
    },
    "datenpanne-erkennen": {
        "slug": "recognising-a-data-breach",
        "title": "A lost printout is a data breach too",
        "alt": "Open padlock",
        "tip": "<p>A data breach is any breach of the protection of personal data: an email to the wrong distribution list, a printout left on the train or a stolen laptop. Report small cases too – the Dienststelle decides whether they must be reported.</p>",
        "question": _q(
            "Which case is a data breach?",
            [
                (
                    "A list of names and addresses is left behind on the train.",
                    True,
                    "Correct. Unauthorised people can read the data.",
                ),
                ("You print a public form twice.", False, "No personal data is affected."),
                ("The printer has a paper jam.", False, "Annoying, but not a data breach."),
            ],
            "What matters is whether personal data may become accessible to unauthorised people.",
        ),
    },
}
