"""Demo-Lerninhalt (Sensi): Modul „Heimrouter und WLAN absichern“."""

from .exercises import ROUTER_EINRICHTEN, ROUTER_EINSTELLUNGEN

MODULE = {
    "slug": "heimrouter-wlan",
    "title": "Heimrouter und WLAN absichern",
    "topic": "it_security",
    "summary": (
        "Ihr privater DSL-Router ist das Tor zwischen Internet und Heimarbeitsplatz. Mit wenigen "
        "Einstellungen machen Sie ihn deutlich sicherer."
    ),
    "objectives": [
        "Sie schützen die Benutzeroberfläche Ihres Routers mit einem eigenen, starken Passwort.",
        (
            "Sie halten die Firmware Ihres Routers aktuell und erkennen, wann ein Gerät ersetzt "
            "werden sollte."
        ),
        "Sie verschlüsseln Ihr WLAN mit WPA3 oder WPA2 und nutzen ein Gastnetz sinnvoll.",
        "Sie schalten unnötige Funktionen wie WPS, UPnP und den Fernzugang ab.",
        "Sie wissen, warum Sie dienstlich ausschließlich über das VPN Ihrer Dienststelle arbeiten.",
    ],
    "minutes": 14,
    "version": "1.0",
    "image_alt": "Stilisierter WLAN-Router mit Funkwellen und einem Vorhängeschloss",
    "motif": "router",
    "lessons": [
        {
            "slug": "zugang-und-updates",
            "title": "Router-Zugang schützen und aktuell halten",
            "intro": (
                "Wer die Einstellungen Ihres Routers ändern kann, kontrolliert Ihren gesamten "
                "Internetverkehr."
            ),
            "body": [
                ("heading", {"text": "Das Admin-Passwort: der Generalschlüssel", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Jeder Router hat eine Benutzeroberfläche, die Sie im Browser aufrufen. "
                        "Die Adresse steht meist auf dem Typenschild oder im Handbuch. Wer sich "
                        "dort anmelden kann, kann das WLAN-Passwort auslesen, Datenverkehr "
                        "umleiten oder Sicherheitsfunktionen abschalten. Deshalb braucht dieser "
                        "Zugang ein eigenes, langes Passwort, das Sie nirgendwo sonst "
                        "verwenden.</p><p>Viele neuere Geräte werden bereits mit einem "
                        "individuellen Passwort ausgeliefert, das auf einem Aufkleber steht. Das "
                        "ist besser als ein einheitliches Standardpasswort – doch den Aufkleber "
                        "kann jede Person lesen, die das Gerät in die Hand nimmt. Vergeben Sie "
                        "daher ein eigenes Passwort und bewahren Sie es in einem Passwort-Manager "
                        "auf.</p>"
                    ),
                ),
                (
                    "heading",
                    {"text": "Firmware-Updates: Sicherheitslücken schließen", "level": "h3"},
                ),
                (
                    "text",
                    (
                        "<p>Auch in Routern werden regelmäßig Schwachstellen entdeckt. Hersteller "
                        "und Internetanbieter schließen sie mit Firmware-Updates. Aktivieren Sie, "
                        "wenn möglich, die <strong>automatische Aktualisierung</strong> und prüfen "
                        "Sie gelegentlich in der Benutzeroberfläche, ob die neueste Version "
                        "installiert ist. Laden Sie Firmware ausschließlich über die "
                        "Update-Funktion des Routers oder von der offiziellen Herstellerseite.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "important",
                        "title": "Altgeräte ersetzen",
                        "text": (
                            "<p>Liefert der Hersteller für Ihr Modell keine Sicherheitsupdates "
                            "mehr, bleiben neue Lücken dauerhaft offen. Ein solcher Router sollte "
                            "ersetzt werden – insbesondere, wenn Sie darüber dienstlich arbeiten. "
                            "Ob Ihr Gerät noch unterstützt wird, erfahren Sie auf der "
                            "Herstellerseite oder bei Ihrem Internetanbieter.</p>"
                        ),
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Checkliste: Router-Grundschutz",
                        "items": [
                            "Eigenes, langes Passwort für die Router-Oberfläche vergeben.",
                            "Automatische Firmware-Updates aktivieren.",
                            "Aktuelle Firmware-Version in der Benutzeroberfläche kontrollieren.",
                            "Prüfen, ob der Hersteller das Modell noch mit Updates versorgt.",
                            (
                                "Router-Passwort und WLAN-Schlüssel getrennt halten – es sind zwei "
                                "verschiedene Passwörter."
                            ),
                        ],
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Beim Einrichten Ihres Heimarbeitsplatzes stellen Sie fest, dass "
                            "Ihr Router noch mit dem Passwort vom Aufkleber läuft. In der "
                            "Benutzeroberfläche erscheint außerdem der Hinweis „Neue Firmware "
                            "verfügbar“.</p>"
                        ),
                        "question": "Was ist die beste Vorgehensweise?",
                        "choices": [
                            {
                                "text": (
                                    "Ich installiere das Update und vergebe anschließend ein "
                                    "eigenes, langes Router-Passwort."
                                ),
                                "feedback": (
                                    "Richtig. Beides schließt typische Einfallstore und ist in "
                                    "wenigen Minuten erledigt."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": "Ich lasse alles, wie es ist – der Router funktioniert ja.",
                                "feedback": (
                                    "Funktionieren heißt nicht sicher sein. Bekannte Lücken "
                                    "bleiben ohne Update offen."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": "Ich installiere das Update erst, wenn Probleme auftreten.",
                                "feedback": (
                                    "Sicherheitsupdates wirken vorbeugend. Wer wartet, bis etwas "
                                    "passiert, ist oft zu spät dran."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
                ROUTER_EINRICHTEN,
            ],
        },
        {
            "slug": "wlan-verschluesselung",
            "title": "WLAN richtig verschlüsseln",
            "intro": (
                "Eine aktuelle Verschlüsselung mit einem langen Schlüssel hält Ungebetene aus "
                "Ihrem Funknetz heraus."
            ),
            "body": [
                ("heading", {"text": "Der richtige Verschlüsselungsstandard", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Wählen Sie in den WLAN-Einstellungen <strong>WPA3</strong>. "
                        "Unterstützen ältere Geräte das noch nicht, ist <strong>WPA2 (mit "
                        "AES)</strong> oder ein Mischbetrieb WPA2/WPA3 eine gute Lösung. Die "
                        "veralteten Verfahren WEP und WPA (mit TKIP) gelten als unsicher und "
                        "dürfen nicht mehr verwendet werden. Ein offenes WLAN ohne Verschlüsselung "
                        "kommt für einen Heimarbeitsplatz ohnehin nicht infrage.</p><p>Mindestens "
                        "genauso wichtig ist der WLAN-Schlüssel selbst: Er sollte "
                        "<strong>mindestens 20 Zeichen</strong> lang und zufällig sein. Da Sie ihn "
                        "selten eintippen müssen, darf er ruhig lang sein. Viele Geräte lassen "
                        "sich zudem bequem per QR-Code verbinden.</p>"
                    ),
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            "WPA3 oder WPA2 mit AES verwenden.",
                            "Einen langen, zufälligen WLAN-Schlüssel festlegen.",
                            (
                                "Einen neutralen Netzwerknamen (SSID) wählen, der weder Namen noch "
                                "Adresse noch Routermodell verrät."
                            ),
                            "Besuch und smarte Geräte im Gastnetz betreiben.",
                        ],
                        "donts": [
                            "WEP oder WPA mit TKIP einsetzen.",
                            "Den WLAN-Schlüssel an Besuch oder Nachbarn weitergeben.",
                            (
                                "Sich allein auf ein verstecktes WLAN oder einen MAC-Adressfilter "
                                "verlassen."
                            ),
                            "Den Schlüssel gut sichtbar am Router oder Kühlschrank aufhängen.",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Das Gastnetz",
                        "text": (
                            "<p>Die meisten Router bieten ein separates Gastnetz an. Geräte darin "
                            "erhalten Internetzugang, können aber nicht auf Ihre anderen Geräte im "
                            "Heimnetz zugreifen. Nutzen Sie es für Besuch und für smarte Geräte "
                            "wie Fernseher, Lautsprecher oder Steckdosen. So bleibt Ihr Heimnetz "
                            "übersichtlich und besser geschützt.</p>"
                        ),
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Häufige Fragen",
                        "items": [
                            {
                                "question": "Reicht es, den WLAN-Namen zu verstecken?",
                                "answer": (
                                    "<p>Nein. Ein verstecktes WLAN lässt sich mit frei verfügbaren "
                                    "Werkzeugen trotzdem finden. Es ersetzt keine starke "
                                    "Verschlüsselung und führt bei manchen Geräten sogar zu "
                                    "Verbindungsproblemen.</p>"
                                ),
                            },
                            {
                                "question": "Muss ich den WLAN-Schlüssel regelmäßig ändern?",
                                "answer": (
                                    "<p>Nicht routinemäßig. Ändern sollten Sie ihn aber, wenn er "
                                    "in falsche Hände geraten sein könnte – etwa nach einem Umzug, "
                                    "nach einem Mitbewohnerwechsel oder wenn Sie ihn leichtfertig "
                                    "weitergegeben haben.</p>"
                                ),
                            },
                            {
                                "question": "Ist ein Mischbetrieb aus WPA2 und WPA3 in Ordnung?",
                                "answer": (
                                    "<p>Ja, als Übergangslösung für ältere Geräte. Sobald alle "
                                    "Geräte WPA3 beherrschen, können Sie auf reinen WPA3-Betrieb "
                                    "umstellen.</p>"
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "unnoetige-funktionen",
            "title": "Unnötige Funktionen abschalten",
            "intro": (
                "Jede Komfortfunktion, die Sie nicht brauchen, ist eine mögliche Angriffsfläche "
                "weniger."
            ),
            "body": [
                ("heading", {"text": "Weniger ist mehr", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Router bringen ab Werk viele Komfortfunktionen mit. Einige davon "
                        "erleichtern Angreifenden die Arbeit:</p><ul><li><strong>WPS</strong> "
                        "verbindet Geräte per Knopfdruck oder PIN ohne WLAN-Schlüssel. Besonders "
                        "das PIN-Verfahren lässt sich durch Ausprobieren "
                        "knacken.</li><li><strong>UPnP</strong> erlaubt Geräten im Heimnetz, "
                        "selbstständig Ports im Router zu öffnen. Schadsoftware kann das ebenfalls "
                        "nutzen, um von außen erreichbar zu werden.</li><li>Der "
                        "<strong>Fernzugang</strong> zur Router-Oberfläche über das Internet macht "
                        "die Einstellungen weltweit angreifbar.</li></ul><p>Schalten Sie diese "
                        "Funktionen ab, wenn Sie sie nicht ausdrücklich benötigen. Ihre "
                        "dienstliche VPN-Verbindung funktioniert auch ohne sie.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Checkliste: Diese Einstellungen prüfen",
                        "items": [
                            "WPS deaktivieren.",
                            "UPnP deaktivieren.",
                            "Fernzugriff auf die Router-Oberfläche aus dem Internet deaktivieren.",
                            "Nicht mehr benötigte Portfreigaben löschen.",
                            (
                                "WLAN-Funktionen, die Sie nicht nutzen (z. B. ein zweites "
                                "Gastnetz), abschalten."
                            ),
                        ],
                    },
                ),
                ROUTER_EINSTELLUNGEN,
                ("heading", {"text": "Den richtigen Platz finden", "level": "h3"}),
                (
                    "text",
                    (
                        "<p>Stellen Sie den Router möglichst zentral in der Wohnung auf und nicht "
                        "direkt an ein Fenster oder eine Außenwand. So versorgt er Ihre Räume gut, "
                        "strahlt aber weniger weit nach draußen. Manche Router erlauben es zudem, "
                        "die Sendeleistung zu verringern. Das ist eine sinnvolle Ergänzung, "
                        "ersetzt aber keine Verschlüsselung. Achten Sie außerdem darauf, dass "
                        "Besuch nicht unbeobachtet an den Router gelangt – etwa um einen Knopf zu "
                        "drücken oder ein Kabel anzustecken.</p>"
                    ),
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Ein Bekannter möchte während eines Besuchs schnell ins WLAN. Er "
                            "schlägt vor: „Drück doch einfach die WPS-Taste am Router, dann muss "
                            "ich kein Passwort eintippen.“ Auf Ihrem Router ist WPS derzeit "
                            "abgeschaltet.</p>"
                        ),
                        "question": "Wie reagieren Sie?",
                        "choices": [
                            {
                                "text": (
                                    "Ich aktiviere WPS dauerhaft, damit es künftig bequemer ist."
                                ),
                                "feedback": (
                                    "Dauerhaft aktiviertes WPS ist eine unnötige Schwachstelle. "
                                    "Bequemlichkeit sollte hier nicht vorgehen."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich biete ihm den Zugang zum Gastnetz an, z. B. per QR-Code."
                                ),
                                "feedback": (
                                    "Richtig. Das Gastnetz trennt seine Geräte von Ihrem Heimnetz, "
                                    "und WPS bleibt aus."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": "Ich gebe ihm den Schlüssel meines Haupt-WLANs.",
                                "feedback": (
                                    "Dann befinden sich seine Geräte im selben Netz wie Ihr "
                                    "Arbeitsplatz. Das Gastnetz ist die bessere Wahl."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "vpn-der-dienststelle",
            "title": "Dienstlich arbeiten: immer über das VPN",
            "intro": (
                "Das VPN Ihrer Dienststelle schützt dienstliche Daten auf dem Weg durch Ihr "
                "Heimnetz und das Internet."
            ),
            "body": [
                ("heading", {"text": "Warum das VPN unverzichtbar ist", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Ihr dienstliches Gerät baut im Homeoffice eine verschlüsselte "
                        "VPN-Verbindung in das Netz der Landesverwaltung auf, dessen zentrale "
                        "Dienste die HZD als IT-Dienstleister des Landes bereitstellt. Dadurch "
                        "sind dienstliche Daten auch dann geschützt, wenn Ihr Heimnetz oder ein "
                        "öffentliches WLAN nicht vollständig vertrauenswürdig ist. Ein gut "
                        "abgesicherter Router ist trotzdem wichtig: Er schützt Ihr Gerät, bevor "
                        "und während die VPN-Verbindung steht, und verhindert, dass andere Geräte "
                        "in Ihrem Netz angegriffen werden.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Keine Umwege",
                        "text": (
                            "<p>Versuchen Sie nie, das VPN zu umgehen oder abzuschalten, um "
                            "„schneller“ zu arbeiten. Senden Sie dienstliche Dokumente auch nicht "
                            "an private E-Mail-Adressen oder in private Cloud-Speicher, weil die "
                            "Verbindung gerade nicht klappt. Beides verstößt gegen die "
                            "Sicherheitsvorgaben und kann Daten ungeschützt offenlegen.</p>"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            "Dienstlich nur mit aktiver VPN-Verbindung arbeiten.",
                            "Bei Verbindungsproblemen den IT-Service-Desk kontaktieren.",
                            (
                                "Unterwegs bevorzugt den Hotspot des dienstlichen Smartphones "
                                "nutzen, sofern Ihre Dienststelle das erlaubt."
                            ),
                        ],
                        "donts": [
                            "Das VPN deaktivieren oder Sicherheitssoftware ausschalten.",
                            "Dienstliche Daten über private E-Mail oder Cloud-Dienste austauschen.",
                            (
                                "Private Geräte für dienstliche Zugänge verwenden, wenn das nicht "
                                "ausdrücklich erlaubt ist."
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
                                    "Brauche ich einen sicheren Router, wenn ich doch ohnehin über "
                                    "das VPN arbeite?"
                                ),
                                "answer": (
                                    "<p>Ja. Das VPN schützt den dienstlichen Datenverkehr, aber "
                                    "nicht Ihr Heimnetz selbst. Ein schlecht gesicherter Router "
                                    "kann z. B. Ihre Verbindungen umleiten oder anderen Geräten im "
                                    "Netz schaden.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Darf ich im Hotel- oder Café-WLAN dienstlich arbeiten?"
                                ),
                                "answer": (
                                    "<p>Das regelt Ihre Dienststelle. Wenn es erlaubt ist, dann "
                                    "nur mit aktiver VPN-Verbindung und mit Blick darauf, wer "
                                    "Ihren Bildschirm sehen kann.</p>"
                                ),
                            },
                        ],
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Sie müssen bis mittags eine Vorlage fertigstellen. Die "
                            "VPN-Verbindung lässt sich heute aber nicht aufbauen. Eine Kollegin "
                            "schlägt vor, Ihnen die Datei an Ihre private E-Mail-Adresse zu "
                            "schicken.</p>"
                        ),
                        "question": "Wie gehen Sie vor?",
                        "choices": [
                            {
                                "text": (
                                    "Ich nehme das Angebot an und bearbeite die Datei auf meinem "
                                    "privaten Rechner."
                                ),
                                "feedback": (
                                    "Falsch. Dienstliche Daten würden so über private, nicht "
                                    "abgesicherte Wege und Geräte verarbeitet."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich melde das Problem beim IT-Service-Desk und stimme mit "
                                    "meiner Führungskraft ab, wie die Frist zu halten ist."
                                ),
                                "feedback": (
                                    "Richtig. Der IT-Service-Desk kann das VPN-Problem lösen, und "
                                    "Ihre Führungskraft kann bei Bedarf umplanen."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Ich deaktiviere die Firewall meines Dienstgeräts, damit das "
                                    "VPN vielleicht funktioniert."
                                ),
                                "feedback": (
                                    "Sicherheitsfunktionen eigenmächtig abzuschalten, ist keine "
                                    "Lösung und kann Ihr Gerät gefährden."
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
        "title": "Wissenstest: Heimrouter und WLAN",
        "intro": ("Prüfen Sie, ob Ihr Heimarbeitsplatz gut abgesichert ist."),
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "attempts_per_period": 3,
        "attempt_period_hours": 24,
        "reread_after_failures": 2,
        "questions": [
            {
                "type": "single_choice",
                "question": "Welche WLAN-Verschlüsselung sollten Sie wählen?",
                "explanation": (
                    "WPA3 ist der aktuelle Standard; WPA2 mit AES ist für ältere Geräte weiterhin "
                    "akzeptabel. WEP und WPA mit TKIP gelten als gebrochen."
                ),
                "options": [
                    {
                        "text": "WPA3 oder, falls nicht möglich, WPA2 mit AES",
                        "correct": True,
                        "feedback": "Richtig, das sind die aktuell empfohlenen Verfahren.",
                    },
                    {
                        "text": "WEP",
                        "correct": False,
                        "feedback": "WEP ist seit vielen Jahren geknackt und unsicher.",
                    },
                    {
                        "text": "WPA mit TKIP",
                        "correct": False,
                        "feedback": "WPA mit TKIP ist veraltet und nicht mehr sicher.",
                    },
                    {
                        "text": "Offenes WLAN mit verstecktem Netzwerknamen",
                        "correct": False,
                        "feedback": (
                            "Ohne Verschlüsselung kann jede Person in Reichweite mitlesen – "
                            "Verstecken hilft nicht."
                        ),
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": (
                    "Welche Router-Funktionen sollten Sie abschalten, wenn Sie sie nicht "
                    "ausdrücklich benötigen?"
                ),
                "explanation": (
                    "WPS, UPnP und der Fernzugang aus dem Internet vergrößern die Angriffsfläche. "
                    "Automatische Updates und WPA3 sind dagegen Schutzfunktionen."
                ),
                "options": [
                    {
                        "text": "WPS",
                        "correct": True,
                        "feedback": "Richtig, besonders das PIN-Verfahren ist angreifbar.",
                    },
                    {
                        "text": "UPnP",
                        "correct": True,
                        "feedback": (
                            "Richtig, sonst können Geräte und Schadsoftware eigenständig Ports "
                            "öffnen."
                        ),
                    },
                    {
                        "text": "Fernzugriff auf die Router-Oberfläche aus dem Internet",
                        "correct": True,
                        "feedback": (
                            "Richtig, so bleibt die Oberfläche nur aus Ihrem Heimnetz erreichbar."
                        ),
                    },
                    {
                        "text": "Automatische Firmware-Updates",
                        "correct": False,
                        "feedback": (
                            "Nein, automatische Updates sollten unbedingt eingeschaltet bleiben."
                        ),
                    },
                    {
                        "text": "WPA3-Verschlüsselung",
                        "correct": False,
                        "feedback": "Nein, WPA3 ist die empfohlene Verschlüsselung.",
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Wenn Sie den Netzwerknamen (SSID) verstecken, brauchen Sie keinen langen "
                    "WLAN-Schlüssel mehr."
                ),
                "correct": False,
                "feedback_true": (
                    "Leider falsch. Versteckte Netzwerke lassen sich leicht aufspüren."
                ),
                "feedback_false": (
                    "Richtig. Das Verstecken der SSID ersetzt keine starke Verschlüsselung."
                ),
                "explanation": (
                    "Versteckte WLANs sind mit einfachen Mitteln auffindbar. Schutz bieten nur "
                    "eine aktuelle Verschlüsselung und ein langer, zufälliger Schlüssel."
                ),
            },
            {
                "type": "single_choice",
                "question": "Wofür eignet sich das Gastnetz Ihres Routers am besten?",
                "explanation": (
                    "Geräte im Gastnetz erhalten Internetzugang, sind aber von Ihrem übrigen "
                    "Heimnetz getrennt. Das eignet sich für Besuch und smarte Geräte."
                ),
                "options": [
                    {
                        "text": "Für Besuch und smarte Geräte wie Fernseher oder Lautsprecher",
                        "correct": True,
                        "feedback": "Richtig, so bleiben diese Geräte von Ihrem Heimnetz getrennt.",
                    },
                    {
                        "text": "Um das VPN der Dienststelle zu ersetzen",
                        "correct": False,
                        "feedback": (
                            "Nein, das Gastnetz verschlüsselt keine Verbindung ins Landesnetz."
                        ),
                    },
                    {
                        "text": "Um den Router-Fernzugang sicher zu machen",
                        "correct": False,
                        "feedback": "Nein, der Fernzugang sollte abgeschaltet bleiben.",
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Ein Router, für den der Hersteller keine Sicherheitsupdates mehr liefert, "
                    "sollte ersetzt werden."
                ),
                "correct": True,
                "feedback_true": (
                    "Richtig. Ohne Updates bleiben neu entdeckte Schwachstellen dauerhaft offen."
                ),
                "feedback_false": (
                    "Leider falsch. Ohne Sicherheitsupdates ist ein Router auf Dauer nicht sicher "
                    "zu betreiben."
                ),
                "explanation": (
                    "Neue Schwachstellen werden laufend entdeckt. Ohne Updates lässt sich ein "
                    "Router auf Dauer nicht sicher betreiben."
                ),
            },
            {
                "type": "single_choice",
                "question": (
                    "Die VPN-Verbindung Ihres Dienstgeräts funktioniert nicht. Was tun Sie?"
                ),
                "explanation": (
                    "Nur der IT-Service-Desk kann das Problem sicher beheben. Private Ausweichwege "
                    "gefährden dienstliche Daten."
                ),
                "options": [
                    {
                        "text": (
                            "Ich lasse mir die Dateien an meine private E-Mail-Adresse schicken."
                        ),
                        "correct": False,
                        "feedback": "Dienstliche Daten gehören nicht in private Postfächer.",
                    },
                    {
                        "text": "Ich wende mich an den IT-Service-Desk.",
                        "correct": True,
                        "feedback": "Richtig, dort wird das Problem auf sicherem Weg gelöst.",
                    },
                    {
                        "text": "Ich schalte die Sicherheitssoftware aus und versuche es erneut.",
                        "correct": False,
                        "feedback": (
                            "Sicherheitsfunktionen dürfen nicht eigenmächtig abgeschaltet werden."
                        ),
                    },
                    {
                        "text": "Ich arbeite mit einem privaten Cloud-Speicher weiter.",
                        "correct": False,
                        "feedback": (
                            "Private Cloud-Dienste sind für dienstliche Daten nicht zugelassen."
                        ),
                    },
                ],
            },
        ],
    },
}
