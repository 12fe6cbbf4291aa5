"""Demo Sicherheitsimpulse: twelve micro-units in German across the curriculum's six topics,
in the words of the demo modules, one per week from eight weeks before the seed ran (so that
"this week's" impulse exists and a few are still to come), and their English translations
(demo.impulses_en) below the English home page."""
# ruff: noqa: E501 (demo text)

import io
from datetime import timedelta

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model

from content.models import HomePage
from impulses.models import ImpulseIndexPage, ImpulsePage, monday_of

from .images import pictogram_png

WEEKS_BEFORE_TODAY = 8

INDEX = {
    "title": "Sicherheitsimpulse",
    "slug": "sicherheitsimpulse",
    "intro": "<p>Jede Woche ein kurzer Tipp und eine Frage zu Informationssicherheit und "
    "Datenschutz – in zwei Minuten erledigt.</p>",
}

# topic → (pictogram motif, colour group of the pictogram)
MOTIFS = {
    "home_router": ("router", "it_security"),
    "printers": ("printer", "it_security"),
    "phishing": ("phishing", "it_security"),
    "passwords": ("password", "it_security"),
    "home_office": ("homeoffice", "data_protection"),
    "data_breach": ("breach", "data_protection"),
}


def _q(question, options, explanation):
    """options: (text, correct, feedback) triples."""
    return {"question": question, "options": options, "explanation": explanation}


IMPULSES = [
    {
        "slug": "warnzeichen-phishing",
        "title": "Drei Sekunden Misstrauen",
        "topic": "phishing",
        "alt": "Briefumschlag mit Angelhaken",
        "tip": "<p>Zeitdruck, eine unpersönliche Anrede und eine Absenderadresse, die nur fast stimmt: Das sind typische Warnzeichen einer Phishing-Mail. Nehmen Sie sich einen Moment Zeit, bevor Sie auf einen Link klicken oder einen Anhang öffnen.</p>",
        "question": _q(
            "„Ihr Konto wird in 24 Stunden gesperrt“ – was ist die beste Reaktion?",
            [
                (
                    "Sofort auf den Link klicken und das Konto bestätigen.",
                    False,
                    "Genau darauf zielt der Zeitdruck. Echte Dienste drohen selten mit Fristen per E-Mail.",
                ),
                (
                    "Innehalten, den Absender prüfen und die Mail im Zweifel melden.",
                    True,
                    "Richtig. Zeitdruck ist ein klassisches Warnzeichen.",
                ),
                (
                    "Die Mail an Kolleginnen und Kollegen weiterleiten und fragen.",
                    False,
                    "Weiterleiten verbreitet die Mail. Melden Sie sie lieber über den vorgesehenen Weg.",
                ),
            ],
            "Zeitdruck oder Drohungen sollen Sie zum schnellen Handeln bringen – das ist ein Warnzeichen.",
        ),
    },
    {
        "slug": "home-router-passwort",
        "title": "Der Generalschlüssel zu Ihrem Heimnetz",
        "topic": "home_router",
        "alt": "Router mit zwei Antennen",
        "tip": "<p>Wer sich an der Oberfläche Ihres Routers anmelden kann, kann das WLAN-Passwort auslesen und Datenverkehr umleiten. Vergeben Sie für den Router-Zugang ein eigenes, langes Passwort, das Sie nirgendwo sonst verwenden – getrennt vom WLAN-Schlüssel.</p>",
        "question": _q(
            "Ihr Router läuft noch mit dem Passwort vom Aufkleber. Was tun Sie?",
            [
                (
                    "Nichts – das Passwort ist doch individuell.",
                    False,
                    "Der Aufkleber ist für jeden lesbar, der Zugang zum Gerät hat. Ein eigenes Passwort ist sicherer.",
                ),
                (
                    "Ein eigenes, langes Router-Passwort vergeben und im Passwort-Manager speichern.",
                    True,
                    "Richtig. Router-Passwort und WLAN-Schlüssel sind zwei verschiedene Dinge.",
                ),
                (
                    "Das WLAN-Passwort auch als Router-Passwort verwenden.",
                    False,
                    "Dann kennt jeder Gast im WLAN auch den Generalschlüssel zum Router.",
                ),
            ],
            "Das Router-Passwort schützt die Einstellungen des ganzen Heimnetzes.",
        ),
    },
    {
        "slug": "passphrase-statt-sonderzeichen",
        "title": "Länge schlägt Sonderzeichen",
        "topic": "passwords",
        "alt": "Vorhängeschloss",
        "tip": "<p>Die Länge eines Passworts ist wichtiger als komplizierte Sonderzeichen. Eine Passphrase aus mehreren zufälligen Wörtern ist lang, schwer zu erraten und trotzdem gut zu merken.</p>",
        "question": _q(
            "Welches Passwort ist am sichersten?",
            [
                (
                    "Sommer2024!",
                    False,
                    "Kurz und nach einem bekannten Muster gebaut – solche Passwörter werden schnell erraten.",
                ),
                (
                    "Tapete-Fahrrad-Nebel-Kompass",
                    True,
                    "Richtig. Vier zufällige Wörter ergeben eine lange, merkbare Passphrase.",
                ),
                (
                    "P@ssw0rt",
                    False,
                    "Ersetzte Buchstaben kennen auch Angreifende; das Passwort steht in jeder Liste.",
                ),
            ],
            "Jedes zusätzliche Zeichen vervielfacht die Zahl der möglichen Kombinationen.",
        ),
    },
    {
        "slug": "bildschirm-sperren",
        "title": "Bildschirm sperren, auch zu Hause",
        "topic": "home_office",
        "alt": "Schreibtisch mit Bildschirm",
        "tip": "<p>Auch im Homeoffice dürfen Unbefugte – Familienmitglieder oder Gäste eingeschlossen – keine dienstlichen Informationen sehen. Sperren Sie den Bildschirm mit Windows-Taste + L, sobald Sie den Platz verlassen.</p>",
        "question": _q(
            "Sie holen sich kurz einen Kaffee. Ihr Kind sitzt im selben Zimmer. Was tun Sie?",
            [
                (
                    "Den Bildschirm sperren.",
                    True,
                    "Richtig. Das dauert eine Sekunde und schützt dienstliche Daten.",
                ),
                (
                    "Nichts – es ist ja nur kurz.",
                    False,
                    "Auch ein kurzer Blick kann personenbezogene Daten preisgeben.",
                ),
                (
                    "Das Fenster minimieren.",
                    False,
                    "Ein minimiertes Fenster ist mit einem Klick wieder offen.",
                ),
            ],
            "Dienstliche Informationen sind auch vor Menschen im eigenen Haushalt zu schützen.",
        ),
    },
    {
        "slug": "drucker-ausdrucke",
        "title": "Was der Drucker sich merkt",
        "topic": "printers",
        "alt": "Drucker mit Papierfach",
        "tip": "<p>Viele Netzwerkdrucker speichern Druckaufträge und Scans. Sichern Sie den Drucker mit einem eigenen Passwort und Updates ab, und nutzen Sie für dienstliche Dokumente keine Cloud-Druck- oder Cloud-Scan-Dienste des Herstellers.</p>",
        "question": _q(
            "Dürfen Sie eine dienstliche Akte über die Scan-to-Cloud-App Ihres privaten Druckers einscannen?",
            [
                (
                    "Ja, wenn die App ein Passwort hat.",
                    False,
                    "Die Daten landen trotzdem beim Hersteller – außerhalb der Kontrolle Ihrer Dienststelle.",
                ),
                (
                    "Nein, dienstliche Dokumente gehören nicht in Cloud-Dienste des Herstellers.",
                    True,
                    "Richtig. Nutzen Sie die Wege, die Ihre Dienststelle vorsieht.",
                ),
                (
                    "Ja, wenn die Datei danach gelöscht wird.",
                    False,
                    "Was einmal in der Cloud war, können Sie nicht sicher zurückholen.",
                ),
            ],
            "Cloud-Druck- und Cloud-Scan-Dienste sind für dienstliche Dokumente tabu.",
        ),
    },
    {
        "slug": "datenpanne-72-stunden",
        "title": "72 Stunden – und die Uhr läuft auch am Wochenende",
        "topic": "data_breach",
        "alt": "Geöffnetes Schloss",
        "tip": "<p>Eine Datenpanne muss die Dienststelle innerhalb von 72 Stunden nach Kenntnis an die Aufsichtsbehörde melden (Art. 33 DSGVO). Die 72 Stunden laufen auch nachts, am Wochenende und an Feiertagen. Melden Sie eine Panne deshalb sofort intern.</p>",
        "question": _q(
            "Sie haben am Freitagabend eine E-Mail mit Personaldaten an den falschen Empfänger geschickt. Wann melden Sie es?",
            [
                (
                    "Am Montag, wenn wieder alle da sind.",
                    False,
                    "Bis Montag ist ein großer Teil der 72 Stunden verstrichen.",
                ),
                (
                    "Sofort, über den Meldeweg der Dienststelle.",
                    True,
                    "Richtig – unverzüglich. 72 Stunden sind die Obergrenze.",
                ),
                (
                    "Gar nicht, wenn der Empfänger die Mail löscht.",
                    False,
                    "Ob gemeldet werden muss, entscheidet die Dienststelle, nicht Sie allein.",
                ),
            ],
            "Die Frist beginnt, sobald die Dienststelle von der Panne weiß.",
        ),
    },
    {
        "slug": "links-pruefen",
        "title": "Erst zeigen, dann klicken",
        "topic": "phishing",
        "alt": "Briefumschlag mit Angelhaken",
        "tip": "<p>Bevor Sie einen Link öffnen, fahren Sie mit der Maus darüber und prüfen Sie die Zieladresse in der Statusleiste. Entscheidend ist der Teil direkt vor der ersten einzelnen „/“ – etwa „hessen.de“ und nicht „hessen.de.login-portal.net“.</p>",
        "question": _q(
            "Welche Adresse gehört wirklich zu hessen.de?",
            [
                (
                    "https://hessen.de.sicher-anmelden.net/portal",
                    False,
                    "Die Adresse gehört zu „sicher-anmelden.net“ – „hessen.de“ ist nur ein Teil davon.",
                ),
                (
                    "https://www.hessen.de/service",
                    True,
                    "Richtig. Die Domain direkt vor der ersten einzelnen „/“ ist „hessen.de“.",
                ),
                ("https://hessen-de.info/login", False, "„hessen-de.info“ ist eine andere Domain."),
            ],
            "Angreifende bauen bekannte Namen gern vorne in fremde Adressen ein.",
        ),
    },
    {
        "slug": "wps-abschalten",
        "title": "WPS: bequem, aber eine offene Tür",
        "topic": "home_router",
        "alt": "Router mit zwei Antennen",
        "tip": "<p>WPS, UPnP und der Fernzugang erleichtern Angreifenden die Arbeit. Schalten Sie diese Funktionen im Router ab, wenn Sie sie nicht wirklich brauchen, und verschlüsseln Sie das WLAN mit WPA2 oder besser WPA3.</p>",
        "question": _q(
            "Ein Besuch möchte ins WLAN und schlägt vor, einfach die WPS-Taste zu drücken. Was ist besser?",
            [
                (
                    "WPS dauerhaft eingeschaltet lassen, das ist praktisch.",
                    False,
                    "Ein dauerhaft aktives WPS ist ein bekannter Angriffsweg.",
                ),
                (
                    "Das Gäste-WLAN mit eigenem Passwort anbieten.",
                    True,
                    "Richtig. So bleiben Gäste vom Heimnetz mit Ihrem Dienstlaptop getrennt.",
                ),
                (
                    "Das WLAN-Passwort auf einen Zettel am Router schreiben.",
                    False,
                    "Dann kennt es jeder, der am Router vorbeikommt.",
                ),
            ],
            "Ein Gäste-WLAN trennt fremde Geräte von Ihren eigenen.",
        ),
    },
    {
        "slug": "mfa-fatigue",
        "title": "Nicht bestätigen, was Sie nicht angestoßen haben",
        "topic": "passwords",
        "alt": "Vorhängeschloss",
        "tip": "<p>Bei MFA-Fatigue-Angriffen schicken Angreifende, die Ihr Passwort schon kennen, so lange Anmeldeanfragen auf Ihr Smartphone, bis Sie genervt bestätigen. Bestätigen Sie nur Anmeldungen, die Sie selbst gerade begonnen haben, und ändern Sie sonst sofort Ihr Passwort.</p>",
        "question": _q(
            "Ihr Smartphone zeigt nachts drei Anmeldeanfragen, die Sie nicht ausgelöst haben. Was tun Sie?",
            [
                (
                    "Einmal bestätigen, damit Ruhe ist.",
                    False,
                    "Genau darauf setzen die Angreifenden: Dann sind sie angemeldet.",
                ),
                (
                    "Ablehnen, Passwort ändern und den Vorfall melden.",
                    True,
                    "Richtig. Die Anfragen zeigen, dass Ihr Passwort bekannt ist.",
                ),
                (
                    "Das Smartphone ausschalten und weiterschlafen.",
                    False,
                    "Die Angreifenden kennen Ihr Passwort weiterhin.",
                ),
            ],
            "Eine Anfrage, die Sie nicht selbst ausgelöst haben, ist ein Alarmzeichen.",
        ),
    },
    {
        "slug": "telefonat-mithoeren",
        "title": "Wer hört mit?",
        "topic": "home_office",
        "alt": "Schreibtisch mit Bildschirm",
        "tip": "<p>Führen Sie dienstliche Telefonate und Videokonferenzen so, dass niemand im Haushalt mithört: Tür schließen, Headset verwenden, und smarte Lautsprecher in der Nähe stummschalten. Ein neutraler oder weichgezeichneter Hintergrund schützt, was hinter Ihnen liegt.</p>",
        "question": _q(
            "Sie führen ein Personalgespräch per Video. Wo steht Ihr smarter Lautsprecher am besten?",
            [
                (
                    "Neben dem Laptop, für den guten Klang.",
                    False,
                    "Ein Lautsprecher mit Sprachassistent kann Gespräche aufzeichnen.",
                ),
                (
                    "Stummgeschaltet oder in einem anderen Raum.",
                    True,
                    "Richtig. So kann er nichts Dienstliches mithören.",
                ),
                (
                    "Egal, er reagiert nur auf sein Aktivierungswort.",
                    False,
                    "Fehlauslösungen kommen vor; dann wird mitgeschnitten.",
                ),
            ],
            "Dienstliche Gespräche gehören nicht in die Reichweite von Sprachassistenten.",
        ),
    },
    {
        "slug": "usb-stick-gefunden",
        "title": "Fundsache USB-Stick",
        "topic": "printers",
        "alt": "Drucker mit Papierfach",
        "tip": "<p>Ein gefundener USB-Stick kann Schadsoftware enthalten, die beim Einstecken startet. Schließen Sie unbekannte Datenträger nie an Ihren Dienstlaptop an, sondern geben Sie sie bei der IT Ihrer Dienststelle ab.</p>",
        "question": _q(
            "Auf dem Parkplatz der Dienststelle liegt ein USB-Stick mit der Aufschrift „Gehälter 2026“. Was tun Sie?",
            [
                (
                    "Kurz einstecken, um den Besitzer zu finden.",
                    False,
                    "Genau diese Neugier nutzen Angreifende aus.",
                ),
                (
                    "Ungeöffnet bei der IT oder dem IT-Sicherheitsbeauftragten abgeben.",
                    True,
                    "Richtig. Die IT kann den Stick gefahrlos prüfen.",
                ),
                (
                    "In den Müll werfen.",
                    False,
                    "Dann findet ihn vielleicht jemand anderes. Besser abgeben.",
                ),
            ],
            "Ein reizvoller Aufdruck ist ein typischer Köder.",
        ),
    },
    {
        "slug": "datenpanne-erkennen",
        "title": "Auch ein verlorener Ausdruck ist eine Datenpanne",
        "topic": "data_breach",
        "alt": "Geöffnetes Schloss",
        "tip": "<p>Eine Datenpanne ist jede Verletzung des Schutzes personenbezogener Daten: eine E-Mail an den falschen Verteiler, ein verlorener Ausdruck im Zug oder ein gestohlener Laptop. Melden Sie auch kleine Fälle – die Dienststelle entscheidet, ob sie meldepflichtig sind.</p>",
        "question": _q(
            "Welcher Fall ist eine Datenpanne?",
            [
                (
                    "Eine Liste mit Namen und Adressen bleibt im Zug liegen.",
                    True,
                    "Richtig. Unbefugte können die Daten lesen.",
                ),
                (
                    "Sie drucken ein öffentliches Formular doppelt aus.",
                    False,
                    "Es sind keine personenbezogenen Daten betroffen.",
                ),
                ("Der Drucker hat einen Papierstau.", False, "Ärgerlich, aber keine Datenpanne."),
            ],
            "Entscheidend ist, ob personenbezogene Daten Unbefugten zugänglich werden können.",
        ),
    },
]


def _image(topic: str):
    motif, colours = MOTIFS[topic]
    image_model = get_image_model()
    title = f"Sensi – {motif}"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        png = pictogram_png(motif=motif, topic=colours)
        image = image_model(title=title)
        name = f"sensi-{motif}.png"
        image.file.save(name, ImageFile(io.BytesIO(png), name=name), save=False)
        image.save()
    return image


def _question(slug: str, data: dict) -> list[dict]:
    from .seed import stable_id

    return [
        {
            "type": "single_choice",
            "id": stable_id("impulse", slug, "question"),
            "value": {
                "question": data["question"],
                "explanation": data["explanation"],
                "options": [
                    {
                        "type": "item",
                        "id": stable_id("impulse", slug, "option", index),
                        "value": {"text": text, "correct": correct, "feedback": feedback},
                    }
                    for index, (text, correct, feedback) in enumerate(data["options"])
                ],
            },
        }
    ]


@transaction.atomic
def seed_impulses(home: HomePage, *, english_home: HomePage | None = None) -> list[ImpulsePage]:
    """The impulse overview below the German home page and the demo impulses, unless they
    exist (by slug); with `english_home`, their English translations below it
    (demo.impulses_en), unless they exist (by translation key). Returns the German pages."""
    index = ImpulseIndexPage.objects.child_of(home).first()
    if index is None:
        index = ImpulseIndexPage(locale=home.locale, **INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    first_week = monday_of(timezone.localdate()) - timedelta(weeks=WEEKS_BEFORE_TODAY)
    pages = []
    for number, data in enumerate(IMPULSES):
        page = ImpulsePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = _impulse_page(data, key=data["slug"], locale=home.locale)
            page.week_of = first_week + timedelta(weeks=number)
            index.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    if english_home is not None:
        _seed_english(index, pages, english_home)
    return pages


def _impulse_page(data: dict, *, key: str, locale, **fields) -> ImpulsePage:
    """An impulse from its demo data; `key` (the German slug) makes the question's ids, the
    same in every language."""
    return ImpulsePage(
        title=data["title"],
        slug=data["slug"],
        locale=locale,
        topic=data["topic"],
        tip=data["tip"],
        media=[
            {
                "type": "image",
                "value": {
                    "image": _image(data["topic"]).pk,
                    "alt_text": data["alt"],
                    "caption": "",
                },
            }
        ],
        question=_question(key, data["question"]),
        **fields,
    )


def _seed_english(index: ImpulseIndexPage, pages: list[ImpulsePage], home: HomePage) -> None:
    """The English overview and impulses, each the translation of its German page."""
    from .impulses_en import IMPULSES as ENGLISH
    from .impulses_en import INDEX as ENGLISH_INDEX

    english_index = ImpulseIndexPage.objects.filter(
        locale=home.locale, translation_key=index.translation_key
    ).first()
    if english_index is None:
        english_index = ImpulseIndexPage(
            locale=home.locale, translation_key=index.translation_key, **ENGLISH_INDEX
        )
        home.add_child(instance=english_index)
        english_index.save_revision().publish()
    translated = set(
        ImpulsePage.objects.filter(
            locale=home.locale, translation_key__in=[page.translation_key for page in pages]
        ).values_list("translation_key", flat=True)
    )
    for page in pages:
        if page.translation_key in translated:
            continue
        english = _impulse_page(
            {**ENGLISH[page.slug], "topic": page.topic},
            key=page.slug,
            locale=home.locale,
            translation_key=page.translation_key,
            week_of=page.week_of,
        )
        english_index.add_child(instance=english)
        english.save_revision().publish()
