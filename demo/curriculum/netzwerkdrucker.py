"""Demo-Lerninhalt (Sensi): Modul „Netzwerkdrucker und Peripheriegeräte im Homeoffice“."""

from .exercises import DRUCKER_EINSTELLUNGEN, DRUCKER_SCAN

MODULE = {
    "slug": "netzwerkdrucker",
    "title": "Netzwerkdrucker und Peripheriegeräte im Homeoffice",
    "topic": "it_security",
    "summary": (
        "Drucker, Scanner, USB-Sticks und smarte Geräte stehen oft unbeachtet im Arbeitszimmer. "
        "Hier erfahren Sie, wie Sie sie absichern und was mit dienstlichen Daten darauf passiert."
    ),
    "objectives": [
        "Sie sichern einen Netzwerkdrucker mit Passwort, Updates und sparsamen Einstellungen ab.",
        (
            "Sie wissen, warum Cloud-Druck- und Cloud-Scan-Dienste für dienstliche Dokumente tabu "
            "sind."
        ),
        "Sie gehen sicher mit USB-Sticks und anderen Datenträgern um.",
        (
            "Sie schützen Gespräche und Bildschirminhalte vor smarten Lautsprechern, Kameras und "
            "anderen vernetzten Geräten."
        ),
    ],
    "minutes": 13,
    "version": "1.0",
    "image_alt": "Stilisierter Drucker mit einem Blatt Papier und einem kleinen Schild-Symbol",
    "motif": "printer",
    "lessons": [
        {
            "slug": "drucker-absichern",
            "title": "Den Netzwerkdrucker absichern",
            "intro": (
                "Ein moderner Drucker ist ein kleiner Computer im Netz – und sollte auch so "
                "behandelt werden."
            ),
            "body": [
                ("heading", {"text": "Ein Computer, der auch druckt", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Netzwerkfähige Drucker und Multifunktionsgeräte haben ein eigenes "
                        "Betriebssystem, eine Weboberfläche zur Verwaltung und oft zahlreiche "
                        "Netzwerkdienste. Ist das Gerät schlecht abgesichert, können Angreifende "
                        "Druckaufträge mitlesen, Einstellungen ändern oder den Drucker als "
                        "Sprungbrett in Ihr Heimnetz nutzen.</p><p>Die gute Nachricht: Mit drei "
                        "Maßnahmen schließen Sie die wichtigsten Lücken – ein eigenes Passwort für "
                        "die Verwaltungsoberfläche, aktuelle Firmware und das Abschalten nicht "
                        "benötigter Funktionen.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Checkliste: Drucker absichern",
                        "items": [
                            (
                                "Die Weboberfläche des Druckers aufrufen (IP-Adresse steht meist "
                                "im Gerätemenü oder auf einem Statusausdruck)."
                            ),
                            (
                                "Das voreingestellte oder leere Administrator-Passwort durch ein "
                                "eigenes, langes Passwort ersetzen."
                            ),
                            (
                                "Automatische Firmware-Updates aktivieren oder regelmäßig manuell "
                                "prüfen."
                            ),
                            (
                                "Nicht benötigte Dienste abschalten, z. B. Wi-Fi Direct, "
                                "Fernverwaltung oder Druck über das Internet."
                            ),
                            (
                                "Sicherstellen, dass der Drucker nicht direkt aus dem Internet "
                                "erreichbar ist (keine Portfreigabe im Router)."
                            ),
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Updates nur aus sicherer Quelle",
                        "text": (
                            "<p>Beziehen Sie Firmware nur über die Update-Funktion des Geräts oder "
                            "die offizielle Website des Herstellers. Angebliche „Treiber-Updates“ "
                            "aus E-Mails oder Pop-up-Fenstern sind ein beliebter Trick, um "
                            "Schadsoftware zu verbreiten.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Sie haben einen gebrauchten Multifunktionsdrucker gekauft. Beim "
                            "ersten Aufruf der Weboberfläche werden Sie ohne Passwortabfrage "
                            "direkt in die Administrator-Einstellungen geleitet.</p>"
                        ),
                        "question": "Was ist der wichtigste erste Schritt?",
                        "choices": [
                            {
                                "text": (
                                    "Das Gerät auf Werkseinstellungen zurücksetzen, ein eigenes "
                                    "Administrator-Passwort vergeben und die Firmware "
                                    "aktualisieren."
                                ),
                                "feedback": (
                                    "Richtig. So entfernen Sie Daten und Einstellungen der "
                                    "Vorbesitzer und schließen den offenen Zugang."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Nichts ändern – die Oberfläche ist ja nur im Heimnetz "
                                    "erreichbar."
                                ),
                                "feedback": (
                                    "Auch im Heimnetz können kompromittierte Geräte oder Gäste "
                                    "darauf zugreifen. Ein offener Admin-Zugang ist ein unnötiges "
                                    "Risiko."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": "Nur das WLAN-Passwort des Routers ändern.",
                                "feedback": (
                                    "Das schützt den Drucker selbst nicht. Die "
                                    "Verwaltungsoberfläche braucht ein eigenes Passwort."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
                DRUCKER_EINSTELLUNGEN,
            ],
        },
        {
            "slug": "cloud-und-geraetespeicher",
            "title": "Cloud-Dienste und Gerätespeicher",
            "intro": (
                "Viele Drucker und Scanner schicken Dokumente über Herstellerserver oder merken "
                "sich Inhalte länger, als Sie denken."
            ),
            "body": [
                ("heading", {"text": "Wohin gehen Ihre Dokumente?", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Ob Sie dienstliche Dokumente zu Hause überhaupt ausdrucken oder "
                        "einscannen dürfen, regelt Ihre Dienststelle. Häufig ist das Drucken vom "
                        "Dienstgerät auf private Drucker technisch oder organisatorisch "
                        "ausgeschlossen. Wo es erlaubt ist, gilt: Dokumente dürfen nur den "
                        "direkten Weg zwischen Dienstgerät und Drucker nehmen.</p><p>Viele "
                        "Hersteller bieten <strong>Cloud-Druck</strong>, „Scan to Cloud“ oder "
                        "„Scan to E-Mail“ an. Dabei laufen Ihre Dokumente über Server des "
                        "Herstellers, teilweise auch außerhalb der EU. Für dienstliche Unterlagen "
                        "ist das nicht zulässig, denn Sie geben Inhalte damit an einen Dritten "
                        "weiter, mit dem Ihre Dienststelle keine Vereinbarung getroffen hat.</p>"
                    ),
                ),
                ("heading", {"text": "Das Gedächtnis des Druckers", "level": "h3"}),
                (
                    "text",
                    (
                        "<p>Multifunktionsgeräte speichern Druck- und Scanaufträge teilweise auf "
                        "internem Speicher oder sogar einer Festplatte. Manche bewahren auch Faxe, "
                        "Adressbücher oder gespeicherte Aufträge auf. Bevor Sie ein solches Gerät "
                        "verkaufen, verschenken oder entsorgen, löschen Sie den Speicher über die "
                        "entsprechende Funktion im Gerätemenü und setzen Sie es auf "
                        "Werkseinstellungen zurück.</p>"
                    ),
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            (
                                "Die Regeln Ihrer Dienststelle zum häuslichen Drucken und Scannen "
                                "kennen und einhalten."
                            ),
                            "Ausdrucke sofort aus dem Ausgabefach nehmen.",
                            (
                                "Vor dem Verkauf oder der Entsorgung den Gerätespeicher löschen "
                                "und auf Werkseinstellungen zurücksetzen."
                            ),
                        ],
                        "donts": [
                            (
                                "Dienstliche Dokumente über Cloud-Druck-Dienste oder "
                                "Hersteller-Apps drucken."
                            ),
                            (
                                "Dienstliche Unterlagen per „Scan to Cloud“ oder an private "
                                "E-Mail-Adressen scannen."
                            ),
                            (
                                "Druckaufträge mit dienstlichen Inhalten im Gerät "
                                "zwischenspeichern („später drucken“)."
                            ),
                        ],
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Häufige Fragen",
                        "items": [
                            {
                                "question": (
                                    "Ich habe einen dienstlichen Brief mit dem Smartphone "
                                    "eingescannt. Ist das in Ordnung?"
                                ),
                                "answer": (
                                    "<p>Nur mit dem dienstlichen Smartphone und einer von Ihrer "
                                    "Dienststelle freigegebenen App. Scan-Apps auf privaten "
                                    "Geräten speichern Bilder oft automatisch in privaten "
                                    "Cloud-Speichern.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Woher weiß ich, ob mein Drucker einen Cloud-Dienst nutzt?"
                                ),
                                "answer": (
                                    "<p>Prüfen Sie die Weboberfläche und die Hersteller-App auf "
                                    "Begriffe wie „Cloud“, „Web-Dienste“ oder „Drucken von "
                                    "überall“. Im Zweifel schalten Sie solche Funktionen ab.</p>"
                                ),
                            },
                        ],
                    },
                ),
                DRUCKER_SCAN,
            ],
        },
        {
            "slug": "usb-und-datentraeger",
            "title": "USB-Sticks und andere Datenträger",
            "intro": (
                "Ein kleiner Stick kann große Schäden verursachen – oder große Datenmengen "
                "verlieren."
            ),
            "body": [
                ("heading", {"text": "Klein, praktisch, riskant", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>USB-Sticks und externe Festplatten gehen leicht verloren und können "
                        "Schadsoftware übertragen. Manipulierte Sticks können sich sogar als "
                        "Tastatur ausgeben und selbstständig Befehle eingeben. Verwenden Sie daher "
                        "an Ihrem Dienstgerät <strong>nur Datenträger, die Ihre Dienststelle "
                        "ausgegeben oder freigegeben hat</strong>. Dienstliche Daten auf mobilen "
                        "Datenträgern müssen verschlüsselt sein.</p><p>Auch umgekehrt gilt "
                        "Vorsicht: Private Geräte wie Smartphones sollten Sie nicht zum Aufladen "
                        "an den USB-Anschluss Ihres Dienstgeräts anschließen. Nutzen Sie dafür ein "
                        "Netzteil.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Fundstücke nie anschließen",
                        "text": (
                            "<p>Einen gefundenen USB-Stick – etwa auf dem Parkplatz, im "
                            "Briefkasten oder als „Werbegeschenk“ – schließen Sie niemals an, auch "
                            "nicht „nur kurz zum Nachsehen“. Genau darauf setzen Angreifende. "
                            "Geben Sie solche Fundstücke beim IT-Service-Desk ab.</p>"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            "Nur dienstlich ausgegebene, verschlüsselte Datenträger nutzen.",
                            (
                                "Daten auf dem Stick nach Gebrauch löschen, wenn sie dort nicht "
                                "mehr gebraucht werden."
                            ),
                            "Den Verlust eines dienstlichen Datenträgers sofort melden.",
                        ],
                        "donts": [
                            "Gefundene oder geschenkte Sticks anschließen.",
                            "Private Sticks am Dienstgerät verwenden.",
                            "Das private Smartphone über den USB-Anschluss des Dienstgeräts laden.",
                        ],
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>In Ihrem Briefkasten liegt ein Umschlag mit einem USB-Stick und "
                            "einem Zettel: „Ihre Unterlagen zur Besprechung – bitte vorab "
                            "ansehen.“ Einen Absender gibt es nicht.</p>"
                        ),
                        "question": "Wie reagieren Sie?",
                        "choices": [
                            {
                                "text": (
                                    "Ich stecke den Stick an meinen privaten Rechner, damit das "
                                    "Dienstgerät sicher bleibt."
                                ),
                                "feedback": (
                                    "Auch Ihr privater Rechner und Ihr Heimnetz können so "
                                    "infiziert werden. Der Stick bleibt ungeöffnet."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich schließe den Stick nicht an und gebe ihn beim "
                                    "IT-Service-Desk ab bzw. melde den Vorfall dort."
                                ),
                                "feedback": (
                                    "Richtig. Ein anonymer Stick ist ein klassischer Köder. Der "
                                    "IT-Service-Desk kann ihn gefahrlos untersuchen."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Ich schließe ihn am Dienstgerät an – der Virenscanner wird "
                                    "schon warnen."
                                ),
                                "feedback": (
                                    "Virenscanner erkennen nicht jeden Angriff, etwa Sticks, die "
                                    "sich als Tastatur ausgeben."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "smarte-geraete-und-webcam",
            "title": "Smarte Geräte und Webcam im Arbeitszimmer",
            "intro": (
                "Lautsprecher, Kameras und andere vernetzte Geräte hören und sehen oft mehr, als "
                "Ihnen bewusst ist."
            ),
            "body": [
                ("heading", {"text": "Wer hört mit?", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Sprachassistenten und smarte Lautsprecher warten ständig auf ihr "
                        "Aktivierungswort. Dabei kommt es immer wieder vor, dass sie versehentlich "
                        "anspringen und Gesprächsausschnitte an die Server des Anbieters "
                        "übertragen. Ähnliches gilt für Smart-TVs mit Mikrofon, vernetzte Kameras "
                        "oder Babyfone mit App-Anbindung.</p><p>Dienstliche Telefonate und "
                        "Videokonferenzen sollten daher nicht in Hörweite solcher Geräte "
                        "stattfinden. Schalten Sie das Mikrofon stumm, ziehen Sie den Stecker oder "
                        "stellen Sie das Gerät in einen anderen Raum. Vernetzte Haushaltsgeräte "
                        "gehören am besten ins Gastnetz Ihres Routers.</p>"
                    ),
                ),
                ("heading", {"text": "Die Webcam", "level": "h3"}),
                (
                    "text",
                    (
                        "<p>Eine Webcam-Abdeckung ist eine einfache, wirksame Maßnahme: Solange "
                        "die Kamera nicht gebraucht wird, bleibt sie zu. So kann auch eine "
                        "versehentlich aktivierte oder missbrauchte Kamera nichts zeigen. Achten "
                        "Sie zudem auf die Kontrollleuchte und darauf, welche Programme Zugriff "
                        "auf Kamera und Mikrofon haben.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "important",
                        "title": "",
                        "text": (
                            "<p>Verbinden Sie Ihr Dienstgerät nicht per Bluetooth oder Kabel mit "
                            "privaten smarten Geräten wie Lautsprechern oder Fernsehern, sofern "
                            "Ihre Dienststelle das nicht ausdrücklich zulässt. Jede zusätzliche "
                            "Verbindung ist ein möglicher Übertragungsweg für Daten.</p>"
                        ),
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Checkliste für Ihr Arbeitszimmer",
                        "items": [
                            (
                                "Smarte Lautsprecher während dienstlicher Gespräche stumm schalten "
                                "oder aus dem Raum entfernen."
                            ),
                            "Webcam abdecken, wenn sie nicht benutzt wird.",
                            "Vernetzte Kameras nicht auf den Arbeitsplatz richten.",
                            (
                                "Smarte Geräte im Gastnetz betreiben und ihre Standardpasswörter "
                                "ändern."
                            ),
                            "Updates für alle vernetzten Geräte aktivieren.",
                        ],
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Sie führen gleich eine Videokonferenz zu einer "
                            "Personalangelegenheit. Auf dem Regal neben Ihrem Schreibtisch steht "
                            "ein smarter Lautsprecher mit Sprachassistent.</p>"
                        ),
                        "question": "Was ist die beste Vorbereitung?",
                        "choices": [
                            {
                                "text": (
                                    "Ich schalte das Mikrofon des Lautsprechers stumm oder ziehe "
                                    "den Stecker."
                                ),
                                "feedback": (
                                    "Richtig. So kann der Lautsprecher auch versehentlich nichts "
                                    "aufzeichnen."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": "Ich spreche einfach etwas leiser.",
                                "feedback": (
                                    "Das hilft kaum: Die Mikrofone solcher Geräte sind sehr "
                                    "empfindlich."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Nichts – der Lautsprecher reagiert ja nur auf sein "
                                    "Aktivierungswort."
                                ),
                                "feedback": (
                                    "Fehlaktivierungen kommen vor. Bei vertraulichen Gesprächen "
                                    "sollten Sie das Risiko ausschließen."
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
        "title": "Wissenstest: Drucker und Peripheriegeräte",
        "intro": (
            "Prüfen Sie Ihr Wissen über Drucker, Datenträger und smarte Geräte im Homeoffice."
        ),
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "attempts_per_period": 3,
        "attempt_period_hours": 24,
        "reread_after_failures": 2,
        "questions": [
            {
                "type": "multiple_choice",
                "question": ("Welche Maßnahmen machen einen Netzwerkdrucker sicherer?"),
                "explanation": (
                    "Ein eigenes Admin-Passwort, aktuelle Firmware und abgeschaltete Zusatzdienste "
                    "verkleinern die Angriffsfläche. Eine Portfreigabe würde den Drucker dagegen "
                    "aus dem Internet erreichbar machen."
                ),
                "options": [
                    {
                        "text": "Das Standard-Passwort der Weboberfläche ändern",
                        "correct": True,
                        "feedback": (
                            "Richtig, sonst kann jede Person im Netz die Einstellungen ändern."
                        ),
                    },
                    {
                        "text": "Firmware-Updates einspielen",
                        "correct": True,
                        "feedback": "Richtig, Updates schließen bekannte Schwachstellen.",
                    },
                    {
                        "text": "Nicht benötigte Dienste wie Wi-Fi Direct abschalten",
                        "correct": True,
                        "feedback": (
                            "Richtig, jede abgeschaltete Funktion ist eine Angriffsfläche weniger."
                        ),
                    },
                    {
                        "text": (
                            "Eine Portfreigabe im Router einrichten, um von unterwegs zu drucken"
                        ),
                        "correct": False,
                        "feedback": "Das macht den Drucker aus dem Internet angreifbar.",
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Cloud-Druck-Dienste des Herstellers dürfen Sie für dienstliche Dokumente "
                    "nutzen, solange die Verbindung verschlüsselt ist."
                ),
                "correct": False,
                "feedback_true": (
                    "Leider falsch. Auch verschlüsselt landen die Dokumente auf Servern eines "
                    "Dritten."
                ),
                "feedback_false": (
                    "Richtig. Dienstliche Dokumente gehören nicht auf die Server von "
                    "Druckerherstellern."
                ),
                "explanation": (
                    "Beim Cloud-Druck werden Dokumente über Server des Herstellers geleitet. Damit "
                    "würden dienstliche Inhalte an einen Dritten ohne Vereinbarung mit Ihrer "
                    "Dienststelle weitergegeben."
                ),
            },
            {
                "type": "single_choice",
                "question": (
                    "Sie wollen Ihren alten Multifunktionsdrucker verkaufen. Was sollten Sie "
                    "vorher tun?"
                ),
                "explanation": (
                    "Viele Multifunktionsgeräte speichern Aufträge, Adressbücher oder Scans "
                    "intern. Diese Daten müssen vor der Weitergabe gelöscht werden."
                ),
                "options": [
                    {
                        "text": (
                            "Den Speicher löschen und das Gerät auf Werkseinstellungen zurücksetzen"
                        ),
                        "correct": True,
                        "feedback": (
                            "Richtig, so nehmen Sie keine gespeicherten Inhalte mit in den Verkauf."
                        ),
                    },
                    {
                        "text": "Nur die Tonerkartusche entnehmen",
                        "correct": False,
                        "feedback": "Das entfernt keine gespeicherten Daten.",
                    },
                    {
                        "text": "Das Gerät einfach ausschalten – dabei wird alles gelöscht",
                        "correct": False,
                        "feedback": (
                            "Nicht jeder Speicher wird beim Ausschalten geleert, Festplatten schon "
                            "gar nicht."
                        ),
                    },
                ],
            },
            {
                "type": "single_choice",
                "question": (
                    "Sie finden vor Ihrer Haustür einen USB-Stick mit der Aufschrift "
                    "„Gehaltsliste“. Was tun Sie?"
                ),
                "explanation": (
                    "Verlockend beschriftete Sticks sind ein bekannter Köder. Sie werden nie "
                    "angeschlossen, sondern beim IT-Service-Desk abgegeben."
                ),
                "options": [
                    {
                        "text": "Am privaten Laptop nachsehen, wem er gehört",
                        "correct": False,
                        "feedback": (
                            "So riskieren Sie eine Infektion Ihres privaten Geräts und Heimnetzes."
                        ),
                    },
                    {
                        "text": "Am Dienstgerät öffnen, weil dort ein Virenscanner läuft",
                        "correct": False,
                        "feedback": "Virenscanner erkennen nicht jeden manipulierten Stick.",
                    },
                    {
                        "text": "Nicht anschließen und beim IT-Service-Desk abgeben",
                        "correct": True,
                        "feedback": "Richtig, dort kann der Stick gefahrlos untersucht werden.",
                    },
                    {
                        "text": "Formatieren und selbst weiterverwenden",
                        "correct": False,
                        "feedback": "Schon das Anschließen kann Schaden anrichten.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": (
                    "Wie schützen Sie vertrauliche Gespräche im Arbeitszimmer vor smarten Geräten?"
                ),
                "explanation": (
                    "Stummschalten, Ausstecken oder ein anderer Raum verhindern Fehlaktivierungen. "
                    "Leiser sprechen oder auf das Aktivierungswort vertrauen, bietet keinen "
                    "verlässlichen Schutz."
                ),
                "options": [
                    {
                        "text": "Mikrofon des smarten Lautsprechers stumm schalten",
                        "correct": True,
                        "feedback": "Richtig, so kann nichts aufgezeichnet werden.",
                    },
                    {
                        "text": (
                            "Das Gerät während des Gesprächs vom Strom trennen oder in einen "
                            "anderen Raum stellen"
                        ),
                        "correct": True,
                        "feedback": "Richtig, das schließt Fehlaktivierungen sicher aus.",
                    },
                    {
                        "text": (
                            "Darauf vertrauen, dass das Gerät nur auf sein Aktivierungswort "
                            "reagiert"
                        ),
                        "correct": False,
                        "feedback": "Fehlaktivierungen sind gut dokumentiert.",
                    },
                    {
                        "text": "Besonders leise sprechen",
                        "correct": False,
                        "feedback": "Die Mikrofone sind sehr empfindlich – das hilft kaum.",
                    },
                ],
            },
            {
                "type": "true_false",
                "question": "Eine Webcam-Abdeckung ist eine einfache und sinnvolle Schutzmaßnahme.",
                "correct": True,
                "feedback_true": "Richtig. Was abgedeckt ist, kann nicht unbemerkt filmen.",
                "feedback_false": (
                    "Leider falsch. Eine Abdeckung schützt zuverlässig vor unbemerkten Aufnahmen."
                ),
                "explanation": (
                    "Auch wenn Angriffe auf Webcams selten sind: Eine Abdeckung verhindert "
                    "zuverlässig, dass eine versehentlich oder missbräuchlich aktivierte Kamera "
                    "etwas zeigt."
                ),
            },
        ],
    },
}
