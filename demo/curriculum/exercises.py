"""Demo-Lerninhalt (Sensi): Übungen (Anzeichen erkennen, Zuordnen, Reihenfolge) für die Module.

Jede Übung ist der Wert eines Lektionsbausteins; die Module binden sie in ihre Lektionen ein.
"""


def _sign(text, explanation="", suspicious=False):
    return {"text": text, "suspicious": suspicious, "explanation": explanation}


def _item(text, category, explanation):
    return {"text": text, "category": category, "explanation": explanation}


def _step(text, explanation=""):
    return {"text": text, "explanation": explanation}


PHISHING_POSTFACH = (
    "spot_the_signs",
    {
        "title": "Phishing-Mail untersuchen",
        "instructions": "Markieren Sie jeden Teil dieser E-Mail, der Ihnen verdächtig vorkommt.",
        "sender": {
            "name": "IT-Support",
            "address": "it-support@postfach-verwaltung.info",
            "suspicious": True,
            "explanation": (
                "Der angezeigte Name klingt dienstlich, die Adresse endet aber auf eine fremde "
                "Domain. Ihr IT-Service-Desk schreibt von der Domain Ihrer Dienststelle."
            ),
        },
        "subject": {
            "text": "Ihr Postfach ist fast voll",
            "suspicious": False,
            "explanation": (
                "Der Betreff allein ist unauffällig – solche Hinweise gibt es auch echt. "
                "Verdächtig wird die Mail erst durch das, was sie verlangt."
            ),
        },
        "body": [
            _sign(
                "Sehr geehrter Nutzer,",
                "Eine unpersönliche Anrede ist ein typisches Warnzeichen: Echte Nachrichten "
                "Ihrer Dienststelle sprechen Sie mit Namen an.",
                suspicious=True,
            ),
            _sign(
                "Ihr Postfach hat 98 % seines Speicherplatzes erreicht.",
                "Eine Sachinformation ohne Aufforderung – für sich genommen kein Anzeichen.",
            ),
            _sign(
                "Melden Sie sich innerhalb von 2 Stunden neu an, sonst wird Ihr Postfach "
                "gesperrt und eingehende Nachrichten gehen verloren.",
                "Zeitdruck und Drohung sollen Sie zu einer schnellen, unüberlegten Reaktion "
                "bewegen.",
                suspicious=True,
            ),
            _sign("Mit freundlichen Grüßen\nIhr IT-Support", ""),
        ],
        "link": {
            "text": "Jetzt neu anmelden",
            "target": "https://postfach-verwaltung.info/owa/login.php",
            "suspicious": True,
            "explanation": (
                "Das tatsächliche Ziel ist nicht die Anmeldeseite Ihrer Dienststelle. Zeigen Sie "
                "vor jedem Klick auf den Link und lesen Sie die Adresse."
            ),
        },
        "attachment": {
            "name": "Speicherbericht.pdf.exe",
            "suspicious": True,
            "explanation": (
                "Die doppelte Endung tarnt ein Programm als PDF. Ein Speicherhinweis braucht "
                "keinen Anhang."
            ),
        },
    },
)

DRUCKER_SCAN = (
    "spot_the_signs",
    {
        "title": "Die Mail vom „Drucker“",
        "instructions": (
            "Im Homeoffice kommt diese Nachricht an. Markieren Sie, was Ihnen verdächtig vorkommt."
        ),
        "sender": {
            "name": "Scanner MFP-4120",
            "address": "scan@mfp-cloudservice.net",
            "suspicious": True,
            "explanation": (
                "Ihr Drucker zu Hause verschickt keine Mails über einen fremden Clouddienst. "
                "Angreifende tarnen Phishing gern als Scan-Benachrichtigung."
            ),
        },
        "subject": {
            "text": "Neues gescanntes Dokument (3 Seiten)",
            "suspicious": False,
            "explanation": "Ein neutraler Betreff, wie ihn auch echte Geräte verwenden.",
        },
        "body": [
            _sign("Ein Dokument wurde an Ihrem Gerät gescannt.", ""),
            _sign(
                "Melden Sie sich mit Ihrem dienstlichen Passwort an, um das Dokument anzusehen.",
                "Kein Scanner verlangt Ihr dienstliches Passwort. Diese Aufforderung ist das "
                "eigentliche Ziel der Mail.",
                suspicious=True,
            ),
            _sign(
                "Das Dokument wird nach 24 Stunden gelöscht.",
                "Wieder Zeitdruck: Sie sollen handeln, bevor Sie nachdenken.",
                suspicious=True,
            ),
        ],
        "link": {
            "text": "Dokument öffnen",
            "target": "https://mfp-cloudservice.net/view?id=8841",
            "suspicious": True,
            "explanation": (
                "Der Link führt zu einem unbekannten Dienst außerhalb Ihrer Dienststelle."
            ),
        },
        "attachment": {"name": "", "suspicious": False, "explanation": ""},
    },
)

ROUTER_EINSTELLUNGEN = (
    "sort_it",
    {
        "title": "Sicher oder unsicher?",
        "instructions": "Ordnen Sie jede Router-Einstellung zu.",
        "category_1": "sicher",
        "category_2": "unsicher",
        "category_3": "kommt darauf an",
        "items": [
            _item(
                "WLAN mit WPA3 oder WPA2 (AES) und langem Schlüssel",
                "1",
                "Der aktuelle Standard; ein langer, zufälliger Schlüssel macht Ausprobieren "
                "aussichtslos.",
            ),
            _item(
                "WPS mit PIN-Verfahren eingeschaltet",
                "2",
                "Die WPS-PIN lässt sich durch Ausprobieren knacken. Schalten Sie WPS ab.",
            ),
            _item(
                "Fernzugriff auf die Router-Oberfläche aus dem Internet",
                "2",
                "Damit sind die Einstellungen weltweit angreifbar. Ihr VPN braucht ihn nicht.",
            ),
            _item(
                "Automatische Firmware-Updates",
                "1",
                "Updates schließen Sicherheitslücken, ohne dass Sie daran denken müssen.",
            ),
            _item(
                "Eine Portfreigabe für die Spielkonsole",
                "3",
                "Nur solange Sie sie wirklich brauchen; danach löschen Sie die Freigabe.",
            ),
            _item(
                "Ein Gastnetz für Fernseher und smarte Lautsprecher",
                "1",
                "So bleiben diese Geräte vom Netz Ihres Dienstgeräts getrennt.",
            ),
        ],
    },
)

ROUTER_EINRICHTEN = (
    "put_in_order",
    {
        "title": "Den Router absichern: in welcher Reihenfolge?",
        "instructions": "Bringen Sie die Schritte in eine sinnvolle Reihenfolge.",
        "steps": [
            _step(
                "Mit dem Gerätepasswort an der Router-Oberfläche anmelden",
                "Das Passwort steht meist auf der Unterseite des Geräts.",
            ),
            _step(
                "Das Admin-Passwort durch ein eigenes, langes Passwort ersetzen",
                "Zuerst den Generalschlüssel sichern: Solange das Werkspasswort gilt, kann jede "
                "Person im Netz alle anderen Einstellungen ändern.",
            ),
            _step(
                "Die Firmware aktualisieren und automatische Updates einschalten",
                "Bekannte Lücken schließen, bevor Sie das Netz weiter einrichten.",
            ),
            _step(
                "WLAN mit WPA3 oder WPA2 und einem langen Schlüssel einrichten",
                "",
            ),
            _step(
                "WPS, UPnP und den Fernzugriff abschalten",
                "Was Sie nicht brauchen, kann niemand ausnutzen.",
            ),
        ],
    },
)

DRUCKER_EINSTELLUNGEN = (
    "sort_it",
    {
        "title": "Drucker im Homeoffice: sicher oder unsicher?",
        "instructions": "Ordnen Sie jede Situation zu.",
        "category_1": "sicher",
        "category_2": "unsicher",
        "category_3": "",
        "items": [
            _item(
                "Das Standard-Passwort der Weboberfläche ist geändert.",
                "1",
                "Mit dem Werkspasswort könnte jede Person im Netz den Drucker umstellen.",
            ),
            _item(
                "Wi-Fi Direct ist eingeschaltet, obwohl niemand es nutzt.",
                "2",
                "Wi-Fi Direct öffnet ein eigenes Funknetz am Router vorbei. Schalten Sie nicht "
                "benötigte Dienste ab.",
            ),
            _item(
                "Der Drucker ist per Portfreigabe aus dem Internet erreichbar.",
                "2",
                "Ein Drucker gehört nicht ins Internet. Gespeicherte Dokumente wären weltweit "
                "abrufbar.",
            ),
            _item(
                "Die gespeicherten Druck- und Scanaufträge werden regelmäßig gelöscht.",
                "1",
                "Der Speicher des Druckers behält sonst Kopien dienstlicher Dokumente.",
            ),
        ],
    },
)

PASSWORT_AENDERN = (
    "sort_it",
    {
        "title": "Passwort ändern – jetzt oder nicht nötig?",
        "instructions": "Entscheiden Sie für jeden Fall, ob Sie Ihr Passwort sofort ändern.",
        "category_1": "sofort ändern",
        "category_2": "ohne Anlass nicht nötig",
        "category_3": "",
        "items": [
            _item(
                "Sie haben Ihr Passwort auf einer verdächtigen Seite eingegeben.",
                "1",
                "Gehen Sie davon aus, dass Angreifende es kennen – und informieren Sie bei einem "
                "dienstlichen Zugang den IT-Service-Desk.",
            ),
            _item(
                "Ihr Passwort ist drei Monate alt.",
                "2",
                "Ohne Anlass schwächt ein Wechsel eher, weil Menschen dann nur eine Zahl "
                "hochzählen. Vorgaben Ihrer Dienststelle gehen vor.",
            ),
            _item(
                "Ein Dienst, bei dem Sie angemeldet sind, meldet einen Datenabfluss.",
                "1",
                "Ändern Sie es dort und überall, wo Sie dasselbe Passwort verwendet haben.",
            ),
            _item(
                "Jemand hat Ihnen beim Eintippen über die Schulter gesehen.",
                "1",
                "Ein gesehenes Passwort ist kein Geheimnis mehr.",
            ),
            _item(
                "In Ihrem Konto tauchen Anmeldungen auf, die nicht von Ihnen stammen.",
                "1",
                "Ungewöhnliche Aktivitäten deuten darauf hin, dass jemand Ihr Passwort kennt.",
            ),
            _item(
                "Sie haben ein Initialpasswort erhalten.",
                "1",
                "Initial- und Standardpasswörter ersetzen Sie bei der ersten Anmeldung.",
            ),
            _item(
                "Ihr langes Passwort ist seit einem Jahr in Gebrauch und niemandem bekannt.",
                "2",
                "Ein starkes, einzigartiges Passwort darf bleiben, solange es keinen Anlass gibt.",
            ),
        ],
    },
)

MFA_FATIGUE = (
    "put_in_order",
    {
        "title": "Unerwartete MFA-Anfragen: was tun Sie zuerst?",
        "instructions": (
            "Ihr Smartphone meldet mehrmals hintereinander eine Anmeldung, die Sie nicht "
            "ausgelöst haben. Bringen Sie Ihre Schritte in die richtige Reihenfolge."
        ),
        "steps": [
            _step(
                "Jede Anfrage ablehnen – keine einzige bestätigen",
                "Eine bestätigte Anfrage öffnet Angreifenden Ihr Konto.",
            ),
            _step(
                "Das Passwort des betroffenen Zugangs sofort ändern",
                "Wer MFA-Anfragen auslöst, kennt Ihr Passwort bereits.",
            ),
            _step(
                "Den IT-Service-Desk informieren",
                "Nur so kann geprüft werden, ob der Zugang bereits missbraucht wurde.",
            ),
            _step(
                "Notieren, wann die Anfragen kamen",
                "Die Zeitpunkte helfen bei der Auswertung der Anmeldeprotokolle.",
            ),
        ],
    },
)

PAPIER_ENTSORGEN = (
    "sort_it",
    {
        "title": "Wohin mit dem Ausdruck?",
        "instructions": "Ein Ausdruck mit personenbezogenen Daten wird nicht mehr gebraucht.",
        "category_1": "richtig",
        "category_2": "falsch",
        "category_3": "kommt darauf an",
        "items": [
            _item(
                "Verschlossen in die Dienststelle mitnehmen und in den Datenschutzbehälter geben",
                "1",
                "Der sichere Weg, wenn Sie zu Hause keinen geeigneten Aktenvernichter haben.",
            ),
            _item(
                "In den privaten Aktenvernichter geben",
                "3",
                "Nur mit ausreichender Sicherheitsstufe (häufig empfohlen: P-4) und wenn Ihre "
                "Dienststelle es erlaubt. Streifenschnitt reicht nicht.",
            ),
            _item(
                "Zerreißen und ins Altpapier geben",
                "2",
                "Zerrissene Blätter lassen sich leicht wieder zusammensetzen; die Tonne ist für "
                "jede Person zugänglich.",
            ),
            _item(
                "Im Hausmüll unter anderen Abfällen verstecken",
                "2",
                "Dienstliche Ausdrucke gehören niemals in den Hausmüll.",
            ),
        ],
    },
)

DATENPANNE_SCHRITTE = (
    "put_in_order",
    {
        "title": "Nach einer Datenpanne: die richtige Reihenfolge",
        "instructions": (
            "Sie haben eine E-Mail mit Antragsunterlagen an die falsche Empfängerin geschickt. "
            "Bringen Sie die Schritte in die richtige Reihenfolge."
        ),
        "steps": [
            _step(
                "Sofort die Stellen informieren, die der Meldeprozess vorsieht",
                "Unverzüglich, auch wenn noch nicht alle Details bekannt sind: Ihre Führungskraft "
                "und die bzw. der Datenschutzbeauftragte.",
            ),
            _step(
                "In Abstimmung den Schaden begrenzen, z. B. einen E-Mail-Rückruf versuchen",
                "Naheliegende Schritte ja – aber abgestimmt, ohne Beweise zu verändern.",
            ),
            _step(
                "Sachlich notieren: was, wann, welche Daten, wie viele Personen",
                "Diese Angaben braucht die Dienststelle für ihre Bewertung und Meldung.",
            ),
            _step(
                "Die Dienststelle bewertet das Risiko für die Betroffenen",
                "Die Bewertung müssen Sie nicht selbst vornehmen.",
            ),
            _step(
                "Meldung an die Aufsichtsbehörde binnen 72 Stunden (Art. 33 DSGVO)",
                "Die Frist läuft ab Kenntnis der Dienststelle, auch nachts und am Wochenende.",
            ),
            _step(
                "Bei hohem Risiko: Benachrichtigung der Betroffenen (Art. 34 DSGVO)",
                "Sie folgt der Bewertung; bei hohem Risiko unverzüglich.",
            ),
        ],
    },
)
