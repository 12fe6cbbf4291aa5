"""Demo learning content (Sensi), English: module “Recognising and reporting phishing”."""

from demo.videos import video

from .exercises import PHISHING_MAILBOX

# ruff: noqa: E501 (demo text nested one level deeper in a variants slot)

MODULE = {
    "slug": "phishing",
    "title": "Recognising and reporting phishing",
    "topic": "it_security",
    "summary": (
        "Fake emails, phone calls and text messages are the most common way into an organisation. "
        "Learn to spot the typical warning signs and to report suspicious cases correctly."
    ),
    "objectives": [
        "You can recognise the typical signs of a phishing email.",
        "You check links and attachments before opening them.",
        "You can recognise CEO fraud as well as fraudulent calls and text messages.",
        "You know how and where to report a suspicion and what to do after a mistaken click.",
    ],
    "minutes": 13,
    "version": "1.0",
    "image_alt": "Stylised fish hook above an envelope",
    "motif": "phishing",
    "lessons": [
        {
            "slug": "merkmale-erkennen",
            "title": "Signs of a phishing email",
            "intro": (
                "Most phishing emails give themselves away through a handful of recurring warning "
                "signs."
            ),
            "body": [
                ("heading", {"text": "What to look out for", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>In a phishing attack, criminals use a fake message to get you to do "
                        "something specific: click a link, open an attachment, enter your login "
                        "details or transfer money. These messages often look deceptively genuine "
                        "and use the logos and wording of well-known senders – banks, parcel "
                        "services, software vendors or apparently even your own "
                        "office.</p><p>Perfect fakes are rare. There are almost always clues that "
                        "should make you suspicious. What matters is that you take a moment before "
                        "you react.</p>"
                    ),
                ),
                ("video", video("phishing-drei-fragen", "en")),
                (
                    "checklist",
                    {
                        "title": "Typical warning signs",
                        "items": [
                            (
                                "Time pressure or threats, e.g. “Your account will be locked in 24 "
                                "hours”."
                            ),
                            (
                                "The sender address does not match the supposed sender or is only "
                                "slightly altered."
                            ),
                            (
                                "An impersonal greeting such as “Dear user”, or your email address "
                                "instead of your name."
                            ),
                            (
                                "A request to enter or confirm your password, PIN or other login "
                                "details."
                            ),
                            (
                                "Unexpected attachments, such as supposed invoices, job "
                                "applications or delivery notes."
                            ),
                            "Unusual requests that bypass the normal official channels.",
                            "A link leads to a different address than the text displayed.",
                        ],
                    },
                ),
                PHISHING_MAILBOX,
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "the gut-feeling rule",
                        "text": (
                            "<p>For every message that asks you to do something, ask yourself: "
                            "<strong>Was I expecting this?</strong> If not, check the message "
                            "especially carefully – even if it appears to come from a familiar "
                            "address. Sender addresses can be forged, and genuine mailboxes can be "
                            "hijacked.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "What would you do?",
                        "situation": (
                            "<p>You receive an email with the subject “Your mailbox is almost "
                            "full”. It says your mailbox will be locked in two hours unless you "
                            "sign in again via the enclosed link. The sender is shown as “IT "
                            "Support”, but the address ends in a domain you do not recognise.</p>"
                        ),
                        "question": "How do you respond?",
                        "choices": [
                            {
                                "text": (
                                    "I do not click the link and report the email to the IT "
                                    "service desk via the designated reporting channel."
                                ),
                                "feedback": (
                                    "Correct. Time pressure, an unknown sender domain and a "
                                    "request to sign in are classic signs of phishing."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": "I click the link but only enter my user name.",
                                "feedback": (
                                    "That is risky too: simply opening the page can trigger "
                                    "malicious code, and your user name helps attackers with "
                                    "further attempts."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": "I forward the email to my colleagues to warn them.",
                                "feedback": (
                                    "Well meant, but dangerous: you spread the malicious link even "
                                    "further. Warnings are the IT service desk's job."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "links-und-anhaenge",
            "title": "Checking links and attachments",
            "intro": (
                "A quick look at the real destination address protects you from most fake login "
                "pages."
            ),
            "body": [
                ("heading", {"text": "Links: check first, then click", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>The visible text of a link can say anything. Move your mouse pointer "
                        "over the link without clicking: your email program will then show the "
                        "real destination address. On a smartphone, press and hold the link to see "
                        "the address.</p><p>What counts is the <strong>end of the server "
                        "name</strong>, i.e. whatever comes immediately before the first single "
                        "slash: that is where the actual domain is. In "
                        "<em>https://portal.beispiel-behoerde.de.anmeldung-check.com/login</em> "
                        "the domain is not “beispiel-behoerde.de” but “anmeldung-check.com”. Also "
                        "watch out for swapped or replaced characters, such as a zero instead of "
                        "an “o”.</p>"
                    ),
                ),
                (
                    "do_dont",
                    {
                        "title": "Do's and don'ts",
                        "dos": [
                            "Check the destination address before clicking.",
                            "Open familiar portals via your own bookmark or by typing the address.",
                            (
                                "Ask the sender about unexpected attachments through a contact "
                                "channel you know."
                            ),
                            (
                                "Be just as suspicious of QR codes in emails or on notices as of "
                                "links."
                            ),
                        ],
                        "donts": [
                            "Enter login details on a page you reached via a link in an email.",
                            (
                                "Allow macros or click “Enable editing” in documents of unknown "
                                "origin."
                            ),
                            (
                                "Open password-protected ZIP archives whose password is supplied "
                                "in the same email."
                            ),
                            "Simply click away your system's security warnings.",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Be careful with these file types",
                        "text": (
                            "<p>Malware is distributed particularly often via Office documents "
                            "with macros, compressed archives (e.g. ZIP), disk image files (e.g. "
                            "ISO, IMG) and executable files and scripts. A harmless-sounding name "
                            "such as “Invoice.pdf.exe” is a clear alarm signal.</p>"
                        ),
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Frequently asked questions",
                        "items": [
                            {
                                "question": "Is a link safe if the address starts with “https”?",
                                "answer": (
                                    "<p>No. “https” only means that the connection is encrypted. "
                                    "Fraudulent websites have long used encrypted connections too. "
                                    "What matters is the domain.</p>"
                                ),
                            },
                            {
                                "question": "What should I do with shortened links?",
                                "answer": (
                                    "<p>With short links, you cannot see the destination. In a "
                                    "work context, only open them if you know the sender and were "
                                    "expecting the message. If in doubt, ask.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "The attachment comes from someone I know – can I open it?"
                                ),
                                "answer": (
                                    "<p>Not automatically. Attackers use hijacked mailboxes and "
                                    "even reply to genuine, older email threads. If the attachment "
                                    "is unexpected or the text does not sound like the person, "
                                    "check by phone or through another channel you know.</p>"
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "ceo-fraud-telefon-sms",
            "title": "CEO fraud, phone calls and text messages",
            "intro": (
                "Not every attack arrives as an ordinary phishing email – sometimes the supposed "
                "boss or the supposed IT support calls you directly."
            ),
            "body": [
                ("heading", {"text": "CEO fraud: the fake manager", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>In so-called CEO fraud, criminals pose as a senior manager – for "
                        "example a head of department or the head of the authority. They ask for "
                        "an urgent, “confidential” payment, a change of bank details or the "
                        "release of internal data. They often stress that nobody else may be told "
                        "and that the matter cannot wait.</p><p>Such requests deliberately bypass "
                        "the usual procedures, such as the four-eyes principle. That is the most "
                        "important warning sign.</p>"
                    ),
                ),
                (
                    "heading",
                    {
                        "text": "Vishing and smishing: fraud by phone and text message",
                        "level": "h3",
                    },
                ),
                (
                    "text",
                    (
                        "<p>In <strong>vishing</strong> (voice phishing), attackers call you and "
                        "pretend to be, for example, the IT service desk, a software vendor or a "
                        "colleague from another ministry. They ask you to install a remote support "
                        "tool, read out a code or “confirm” your password. The caller ID shown can "
                        "be faked.</p><p>In <strong>smishing</strong>, the bait arrives by text "
                        "message or messenger, often disguised as a parcel notification or "
                        "security notice with a link. When working from home, such messages often "
                        "end up on your work smartphone.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "important",
                        "title": "",
                        "text": (
                            "<p>Your IT service desk will <strong>never</strong> ask you for your "
                            "password – neither on the phone nor by email. If you receive an "
                            "unusual request, end the call and call back yourself using an "
                            "official number you know, for example from the intranet or your "
                            "office's phone directory.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "What would you do?",
                        "situation": (
                            "<p>Late on a Friday afternoon you receive an email that appears to "
                            "come from your head of department: “I am in a meeting and cannot talk "
                            "on the phone. Please arrange a payment to the attached service "
                            "provider today. This matter is confidential, please do not discuss it "
                            "with anyone.”</p>"
                        ),
                        "question": "How do you respond?",
                        "choices": [
                            {
                                "text": (
                                    "I arrange the payment because the instruction comes from my "
                                    "manager."
                                ),
                                "feedback": (
                                    "Wrong. Time pressure, secrecy and bypassing official channels "
                                    "are typical signs of CEO fraud."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "I reply to the email and ask whether the instruction is "
                                    "genuine."
                                ),
                                "feedback": (
                                    "Not enough: your reply may go straight to the fraudsters, who "
                                    "will of course confirm that it is genuine."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "I verify the instruction through a known channel, e.g. by "
                                    "calling back on the number from the phone directory, and "
                                    "report the suspicion to the IT service desk."
                                ),
                                "feedback": (
                                    "Correct. Calling back through an independent, known channel "
                                    "exposes the fake, and reporting it protects others too."
                                ),
                                "recommended": True,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "richtig-melden",
            "title": "Suspicious? How to report correctly",
            "intro": (
                "Reporting quickly helps to limit the damage – even if you have already clicked."
            ),
            "body": [
                ("heading", {"text": "Report it, don't ignore it", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Every phishing message reported helps the IT service desk and your "
                        "ministry's information security officer (ISB) detect waves of attacks "
                        "early and adjust filters. Use the reporting channel defined by your "
                        "office, for example a report button in your email program or the IT "
                        "service desk reporting address you have been given.</p><p>Have you "
                        "already clicked a link, opened an attachment or entered data? Then the "
                        "rule is: <strong>report it immediately</strong>. Nobody will blame you "
                        "for it – the real danger comes when an incident is kept quiet.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "After a mistaken click",
                        "items": [
                            "Inform the IT service desk immediately and follow its instructions.",
                            (
                                "If you suspect malware, disconnect the device from the network "
                                "(switch off Wi-Fi, unplug the cable), but do not simply shut it "
                                "down unless told otherwise."
                            ),
                            "Change the password you entered straight away or have it reset.",
                            (
                                "Write down exactly what happened: time, sender, link clicked, "
                                "file opened."
                            ),
                            ("Keep the suspicious message until the IT service desk releases it."),
                        ],
                    },
                ),
                (
                    "do_dont",
                    {
                        "title": "Do's and don'ts",
                        "dos": [
                            "Report suspicious messages via the official reporting channel.",
                            "Report suspected fraudulent calls and text messages as well.",
                            "Speak up quickly and honestly after a mistaken click.",
                        ],
                        "donts": [
                            "Forward suspicious messages to colleagues.",
                            "Click links “just to test them” or open attachments to try them out.",
                            "Reply to the suspicious message.",
                            "Keep quiet about a mistaken click out of embarrassment.",
                        ],
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Frequently asked questions",
                        "items": [
                            {
                                "question": (
                                    "I am not sure whether it is phishing. Should I report it "
                                    "anyway?"
                                ),
                                "answer": (
                                    "<p>Yes. One report too many is better than one too few. The "
                                    "IT service desk will check the message and get back to "
                                    "you.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Who else is responsible apart from the IT service desk?"
                                ),
                                "answer": (
                                    "<p>Your ministry's information security officer is "
                                    "responsible for security incidents. If personal data is "
                                    "affected, the data protection officer is also involved. Your "
                                    "office's internal reporting procedure determines whom you "
                                    "inform first.</p>"
                                ),
                            },
                        ],
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "What would you do?",
                        "situation": (
                            "<p>Ten minutes ago you entered your work login details on what seemed "
                            "to be a sign-in page. Only now do you notice that the address looked "
                            "strange.</p>"
                        ),
                        "question": "What is the best next step now?",
                        "choices": [
                            {
                                "text": (
                                    "Wait and see whether anything happens – maybe it was harmless "
                                    "after all."
                                ),
                                "feedback": (
                                    "Wrong. Attackers often use stolen login details within "
                                    "minutes. Every delay increases the potential damage."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Inform the IT service desk immediately and change the "
                                    "password as instructed."
                                ),
                                "feedback": (
                                    "Correct. This way the account can be secured quickly and "
                                    "checked for any misuse."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": "Just change the password and tell nobody.",
                                "feedback": (
                                    "Not enough. The account may already have been misused; only "
                                    "the IT service desk can check that."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Knowledge check: phishing",
        "intro": (
            "Test your knowledge of phishing emails, fraudulent calls and the correct reporting "
            "channel."
        ),
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "attempts_per_period": 3,
        "attempt_period_hours": 24,
        "questions": [
            {
                "type": "multiple_choice",
                "question": "Which features suggest a phishing email?",
                "explanation": (
                    "Time pressure, altered sender addresses and requests to enter login details "
                    "are typical warning signs. A logo or an encrypted connection says nothing "
                    "about whether a message is genuine."
                ),
                "options": [
                    {
                        "text": "The message threatens to lock your account within a few hours.",
                        "correct": True,
                        "feedback": "Correct, artificial time pressure is a classic warning sign.",
                    },
                    {
                        "text": "The sender address differs slightly from the genuine address.",
                        "correct": True,
                        "feedback": "Correct, slightly altered domains are typical of fakes.",
                    },
                    {
                        "text": "You are asked to confirm your password.",
                        "correct": True,
                        "feedback": "Correct, legitimate bodies never ask for passwords by email.",
                    },
                    {
                        "text": "The email contains your office's logo.",
                        "correct": False,
                        "feedback": "Logos are easy to copy and do not prove anything.",
                    },
                    {
                        "text": "The link starts with “https”.",
                        "correct": False,
                        "feedback": (
                            "“https” only means an encrypted connection – fraudulent websites use "
                            "it too."
                        ),
                    },
                ],
            },
            {
                "type": "variants",
                "variants": [
                    {
                        "type": "single_choice",
                        "question": (
                            "A link reads https://login.ressort-beispiel.de.konto-pruefung.net/start. "
                            "Which domain does it actually lead to?"
                        ),
                        "explanation": (
                            "What counts is the end of the server name, i.e. the last two parts before the "
                            "first single slash. Everything in front of it is a freely chosen subdomain of "
                            "“konto-pruefung.net”."
                        ),
                        "options": [
                            {
                                "text": "ressort-beispiel.de",
                                "correct": False,
                                "feedback": (
                                    "This part is just a freely chosen subdomain meant to deceive you."
                                ),
                            },
                            {
                                "text": "konto-pruefung.net",
                                "correct": True,
                                "feedback": "Correct, that is the actual domain.",
                            },
                            {
                                "text": "login.ressort-beispiel.de",
                                "correct": False,
                                "feedback": (
                                    "No, what matters is the end of the server name before the first "
                                    "single slash."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single_choice",
                        "question": (
                            "A link reads https://portal.beihilfe-land.de-service.info/anmeldung. "
                            "Which domain does it actually lead to?"
                        ),
                        "explanation": (
                            "What matters is the end of the server name before the first single "
                            "slash: “de-service.info”. “portal.beihilfe-land” are freely chosen "
                            "subdomains of that domain."
                        ),
                        "options": [
                            {
                                "text": "beihilfe-land.de",
                                "correct": False,
                                "feedback": "No, “.de” is part of the name “de-service” here.",
                            },
                            {
                                "text": "de-service.info",
                                "correct": True,
                                "feedback": "Correct, that is the actual domain.",
                            },
                            {
                                "text": "portal.beihilfe-land.de",
                                "correct": False,
                                "feedback": "No, this part is just a freely chosen subdomain.",
                            },
                        ],
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "The IT service desk may ask you for your password on the phone in order to "
                    "solve a problem more quickly."
                ),
                "correct": False,
                "feedback_true": (
                    "Unfortunately wrong. The IT service desk never asks for your password."
                ),
                "feedback_false": (
                    "Well spotted. Anyone who asks for your password on the phone is not the real "
                    "IT service desk."
                ),
                "explanation": (
                    "Passwords are personal and are never passed on – not even to IT support. Such "
                    "a request is a sure sign of a fraud attempt."
                ),
            },
            {
                "type": "single_choice",
                "question": "You receive a suspicious email. What is the right reaction?",
                "explanation": (
                    "The official reporting channel gets the message to the experts, who can check "
                    "it and protect others. Forwarding it to colleagues spreads the risk."
                ),
                "options": [
                    {
                        "text": "Forward it to colleagues to warn them.",
                        "correct": False,
                        "feedback": "That spreads the malicious content further.",
                    },
                    {
                        "text": (
                            "Report it to the IT service desk via the designated reporting channel."
                        ),
                        "correct": True,
                        "feedback": "Correct, this way the message can be checked by experts.",
                    },
                    {
                        "text": "Open the link to check whether the page is genuine.",
                        "correct": False,
                        "feedback": "Even opening it can trigger malicious code.",
                    },
                    {
                        "text": "Reply to the sender and confront them.",
                        "correct": False,
                        "feedback": (
                            "A reply only confirms to the attackers that your address is active."
                        ),
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": "Which features are typical of CEO fraud?",
                "explanation": (
                    "CEO fraud relies on authority, urgency and secrecy to get around the usual "
                    "controls."
                ),
                "options": [
                    {
                        "text": "Great urgency about a payment",
                        "correct": True,
                        "feedback": "Correct, time pressure is meant to stop you thinking.",
                    },
                    {
                        "text": "A request for absolute confidentiality",
                        "correct": True,
                        "feedback": "Correct, this is meant to prevent you from checking back.",
                    },
                    {
                        "text": "Bypassing the usual official channels",
                        "correct": True,
                        "feedback": "Correct, the four-eyes principle is to be circumvented.",
                    },
                    {
                        "text": "A request via the regular ordering procedure with sign-off",
                        "correct": False,
                        "feedback": (
                            "Regular, documented procedures are precisely not a feature of CEO "
                            "fraud."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "If you have accidentally clicked a phishing link, you should report it to the "
                    "IT service desk immediately."
                ),
                "correct": True,
                "feedback_true": (
                    "Correct. The sooner it is reported, the better any damage can be prevented."
                ),
                "feedback_false": (
                    "Unfortunately wrong. Especially after a mistaken click, reporting it "
                    "immediately is crucial."
                ),
                "explanation": (
                    "Reporting quickly makes it possible to block accounts and contain malware. An "
                    "incident that is kept quiet can cause serious damage."
                ),
            },
        ],
    },
}
