"""Demo-Lerninhalt (Sensi): Modul „Passwörter und Mehr-Faktor-Authentifizierung“."""

from .exercises import MFA_FATIGUE, PASSWORT_AENDERN

MODULE = {
    "slug": "passwoerter-mfa",
    "title": "Passwörter und Mehr-Faktor-Authentifizierung",
    "topic": "it_security",
    "summary": (
        "Gute Passwörter müssen nicht kompliziert sein, sondern lang und einzigartig. Mit einem "
        "Passwort-Manager und einem zweiten Faktor schützen Sie Ihre Zugänge wirksam."
    ),
    "objectives": [
        "Sie wissen, warum die Länge eines Passworts wichtiger ist als komplizierte Sonderzeichen.",
        "Sie bilden sichere, merkbare Passphrasen.",
        (
            "Sie nutzen für jeden Zugang ein eigenes Passwort und verwalten es mit einem "
            "Passwort-Manager."
        ),
        "Sie wissen, wann ein Passwort geändert werden muss.",
        "Sie setzen Mehr-Faktor-Authentifizierung richtig ein und erkennen MFA-Fatigue-Angriffe.",
    ],
    "minutes": 14,
    "version": "1.0",
    "image_alt": "Stilisiertes Schlüsselsymbol neben einem Eingabefeld mit Sternchen",
    "motif": "password",
    "lessons": [
        {
            "slug": "laenge-vor-komplexitaet",
            "title": "Länge vor Komplexität",
            "intro": (
                "Ein langer Satz aus Wörtern ist oft sicherer und leichter zu merken als ein "
                "kurzes Zeichenrätsel."
            ),
            "body": [
                ("heading", {"text": "Was ein Passwort stark macht", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Angreifende probieren Passwörter automatisiert aus – mit "
                        "Wörterbüchern, bekannten Mustern und Milliarden von Kombinationen pro "
                        "Sekunde. Jedes zusätzliche Zeichen vervielfacht dabei den Aufwand. "
                        "Deshalb gilt: <strong>Länge schlägt Komplexität</strong>.</p><p>Ein "
                        "kurzes Passwort wie „Som!2024“ erfüllt zwar viele Regeln, folgt aber "
                        "einem vorhersehbaren Muster: Wort, Sonderzeichen, Jahreszahl. Ein "
                        "Passwort aus acht bis zwölf Zeichen sollte daher alle Zeichenarten "
                        "enthalten und zufällig sein. Deutlich längere Passwörter mit 20 oder mehr "
                        "Zeichen sind auch dann stark, wenn sie nur aus wenigen Zeichenarten "
                        "bestehen.</p>"
                    ),
                ),
                ("heading", {"text": "Passphrasen: lang und merkbar", "level": "h3"}),
                (
                    "text",
                    (
                        "<p>Eine Passphrase besteht aus mehreren zufällig gewählten Wörtern, zum "
                        "Beispiel „Gießkanne Vulkan lila Brezel Fahrplan“. Sie ist lang, für "
                        "Menschen gut zu merken und für Computer schwer zu erraten. Wichtig ist, "
                        "dass die Wörter <strong>keinen naheliegenden Zusammenhang</strong> haben "
                        "– bekannte Zitate, Liedzeilen oder Sprichwörter stehen in den "
                        "Wörterbüchern der Angreifenden.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Würfeln statt grübeln",
                        "text": (
                            "<p>Menschen sind schlechte Zufallsgeneratoren. Lassen Sie Passphrasen "
                            "von Ihrem Passwort-Manager erzeugen oder wählen Sie die Wörter z. B. "
                            "durch Aufschlagen eines Buches an zufälligen Stellen aus. Verwenden "
                            "Sie natürlich nicht das Beispiel aus dieser Lektion.</p>"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            (
                                "Lange Passwörter oder Passphrasen aus mehreren zufälligen Wörtern "
                                "verwenden."
                            ),
                            (
                                "Die Mindestvorgaben Ihrer Dienststelle einhalten – länger ist "
                                "immer erlaubt."
                            ),
                            "Passwörter vom Passwort-Manager erzeugen lassen.",
                        ],
                        "donts": [
                            "Namen, Geburtstage, Kfz-Kennzeichen oder Haustiernamen verwenden.",
                            (
                                "Einfache Muster wie „Passwort1!“ oder Tastaturfolgen wie „qwertz“ "
                                "nutzen."
                            ),
                            (
                                "Ein Wort nur leicht abwandeln, z. B. durch eine angehängte "
                                "Jahreszahl."
                            ),
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "passwort-manager",
            "title": "Einzigartig und gut verwaltet",
            "intro": "Ein Passwort pro Zugang – und ein Werkzeug, das sich alle merkt.",
            "body": [
                ("heading", {"text": "Warum Wiederverwendung so gefährlich ist", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Wird ein Online-Dienst gehackt, landen die erbeuteten Zugangsdaten oft "
                        "in großen Sammlungen. Angreifende probieren diese Kombinationen dann "
                        "automatisiert bei vielen anderen Diensten aus. Wer dasselbe Passwort für "
                        "den Online-Shop und den Dienstzugang nutzt, riskiert, dass ein Datenleck "
                        "bei einem privaten Anbieter die Tür zu dienstlichen Systemen "
                        "öffnet.</p><p>Deshalb gilt: <strong>Jeder Zugang bekommt ein eigenes "
                        "Passwort</strong>. Dienstliche Passwörter verwenden Sie ausschließlich "
                        "dienstlich.</p>"
                    ),
                ),
                ("heading", {"text": "Der Passwort-Manager", "level": "h3"}),
                (
                    "text",
                    (
                        "<p>Niemand kann sich Dutzende lange, einzigartige Passwörter merken. Ein "
                        "Passwort-Manager speichert sie verschlüsselt, erzeugt neue auf Knopfdruck "
                        "und füllt sie auf Wunsch aus. Sie müssen sich nur noch ein einziges, "
                        "starkes Hauptpasswort merken. Für dienstliche Zugänge nutzen Sie "
                        "ausschließlich die von Ihrer Dienststelle freigegebene Lösung.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Checkliste: Passwort-Manager richtig nutzen",
                        "items": [
                            (
                                "Ein langes, einzigartiges Hauptpasswort wählen, das Sie nirgendwo "
                                "sonst verwenden."
                            ),
                            (
                                "Den Passwort-Manager zusätzlich mit einem zweiten Faktor "
                                "schützen, wenn möglich."
                            ),
                            "Für jeden Zugang ein neues, zufälliges Passwort erzeugen lassen.",
                            (
                                "Dienstliche Passwörter nur im freigegebenen dienstlichen Werkzeug "
                                "speichern."
                            ),
                            "Automatische Sperre des Passwort-Managers bei Inaktivität aktivieren.",
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
                                    "Ist es nicht riskant, alle Passwörter an einem Ort zu haben?"
                                ),
                                "answer": (
                                    "<p>Ein seriöser Passwort-Manager speichert alles stark "
                                    "verschlüsselt. Das Risiko ist deutlich geringer als bei "
                                    "wiederverwendeten, schwachen oder aufgeschriebenen "
                                    "Passwörtern.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Darf ich mein Passwort der Vertretung geben, während ich im "
                                    "Urlaub bin?"
                                ),
                                "answer": (
                                    "<p>Nein. Passwörter sind persönlich. Für Vertretungen gibt es "
                                    "eigene Berechtigungen und Funktionen wie Stellvertreterrechte "
                                    "oder Funktionspostfächer. Sprechen Sie dazu Ihre "
                                    "Führungskraft oder den IT-Service-Desk an.</p>"
                                ),
                            },
                            {
                                "question": "Darf ich dienstliche Passwörter im Browser speichern?",
                                "answer": (
                                    "<p>Nur wenn Ihre Dienststelle das ausdrücklich erlaubt. "
                                    "Nutzen Sie sonst die freigegebene Lösung.</p>"
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "wann-aendern",
            "title": "Wann Sie ein Passwort ändern sollten",
            "intro": "Nicht der Kalender entscheidet, sondern der Verdacht.",
            "body": [
                ("heading", {"text": "Anlassbezogen statt regelmäßig", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Lange galt die Regel, Passwörter alle paar Monate zu wechseln. Heute "
                        "weiß man: Erzwungene Wechsel führen oft zu schwächeren Passwörtern, weil "
                        "Menschen nur eine Zahl hochzählen. Das BSI empfiehlt deshalb, ein starkes "
                        "Passwort <strong>nicht ohne Anlass</strong> zu ändern, sondern dann, wenn "
                        "es einen konkreten Grund gibt.</p><p>Gelten in Ihrer Dienststelle eigene "
                        "Vorgaben zum Passwortwechsel, gehen diese vor. Sie werden Ihnen in der "
                        "Regel vom System angezeigt.</p>"
                    ),
                ),
                PASSWORT_AENDERN,
                (
                    "callout",
                    {
                        "kind": "important",
                        "title": "",
                        "text": (
                            "<p>Geht es um einen dienstlichen Zugang, ändern Sie nicht nur das "
                            "Passwort, sondern informieren Sie auch den IT-Service-Desk. Nur so "
                            "kann geprüft werden, ob der Zugang bereits missbraucht wurde.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Sie lesen in den Nachrichten, dass bei einem Online-Shop, bei dem "
                            "Sie privat Kunde sind, Kundendaten samt Passwörtern gestohlen wurden. "
                            "Vor Jahren haben Sie dort dasselbe Passwort wie für einen "
                            "dienstlichen Zugang verwendet.</p>"
                        ),
                        "question": "Was ist jetzt richtig?",
                        "choices": [
                            {
                                "text": (
                                    "Ich ändere das Passwort beim Shop und beim dienstlichen "
                                    "Zugang und informiere den IT-Service-Desk."
                                ),
                                "feedback": (
                                    "Richtig. Das wiederverwendete Passwort ist verbrannt – "
                                    "überall. Der IT-Service-Desk kann prüfen, ob es bereits "
                                    "missbraucht wurde."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": "Ich ändere nur das Passwort beim Shop.",
                                "feedback": (
                                    "Nicht ausreichend: Angreifende probieren erbeutete Passwörter "
                                    "gezielt bei anderen Diensten aus."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": "Ich warte ab, ob mein Konto betroffen ist.",
                                "feedback": (
                                    "Warten hilft nur den Angreifenden. Handeln Sie sofort."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "mfa-nutzen",
            "title": "Mehr-Faktor-Authentifizierung und MFA-Fatigue",
            "intro": (
                "Ein zweiter Faktor stoppt die meisten Angriffe mit gestohlenen Passwörtern – wenn "
                "Sie ihn richtig einsetzen."
            ),
            "body": [
                ("heading", {"text": "Zwei Schlösser sind besser als eins", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Bei der Mehr-Faktor-Authentifizierung (MFA, bei zwei Faktoren auch "
                        "2FA) reicht das Passwort allein nicht aus. Sie weisen sich zusätzlich mit "
                        "einem Faktor aus einer anderen Kategorie "
                        "aus:</p><ul><li><strong>Wissen</strong>: etwas, das Sie wissen, z. B. "
                        "Passwort oder PIN.</li><li><strong>Besitz</strong>: etwas, das Sie haben, "
                        "z. B. Smartcard, Hardware-Token oder eine Authenticator-App auf dem "
                        "Dienst-Smartphone.</li><li><strong>Biometrie</strong>: etwas, das Sie "
                        "sind, z. B. Ihr Fingerabdruck.</li></ul><p>Selbst wenn Ihr Passwort in "
                        "falsche Hände gerät, kommen Angreifende ohne den zweiten Faktor nicht "
                        "weiter. Nutzen Sie MFA überall dort, wo es angeboten wird – dienstlich "
                        "wie privat. App- oder Hardware-basierte Verfahren gelten dabei als "
                        "sicherer als Codes per SMS.</p>"
                    ),
                ),
                ("heading", {"text": "MFA-Fatigue: Zermürbung per Push-Nachricht", "level": "h3"}),
                (
                    "text",
                    (
                        "<p>Kennen Angreifende bereits Ihr Passwort, versuchen sie manchmal, Sie "
                        "mit einer Flut von Anmeldeanfragen zu zermürben. Auf Ihrem Smartphone "
                        "erscheint dann immer wieder „Anmeldung bestätigen?“ – oft nachts oder in "
                        "stressigen Momenten. Manchmal ruft zusätzlich ein angeblicher IT-Support "
                        "an und bittet darum, die Anfrage „zum Testen“ zu bestätigen. Ein einziger "
                        "Fingertipp genügt, und die Angreifenden sind drin.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Nie bestätigen, was Sie nicht selbst ausgelöst haben",
                        "text": (
                            "<p>Eine Anmeldeanfrage, die Sie nicht erwartet haben, bedeutet: "
                            "<strong>Jemand kennt Ihr Passwort.</strong> Lehnen Sie die Anfrage "
                            "ab, ändern Sie Ihr Passwort und melden Sie den Vorfall sofort dem "
                            "IT-Service-Desk. Geben Sie auch Einmalcodes niemals an andere "
                            "weiter.</p>"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            "MFA überall aktivieren, wo es möglich ist.",
                            (
                                "Bei jeder Anfrage prüfen, ob Sie die Anmeldung gerade selbst "
                                "gestartet haben."
                            ),
                            "Unerwartete Anfragen ablehnen und melden.",
                            "Den Verlust eines Tokens oder Dienst-Smartphones sofort melden.",
                        ],
                        "donts": [
                            "Anfragen bestätigen, nur damit die Benachrichtigungen aufhören.",
                            "Einmalcodes am Telefon oder per E-Mail weitergeben.",
                            "Token oder Smartcard zusammen mit der PIN aufbewahren.",
                        ],
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Es ist 23 Uhr. Ihr Dienst-Smartphone zeigt innerhalb weniger "
                            "Minuten zum fünften Mal die Meldung „Anmeldung bestätigen?“. Sie "
                            "haben sich gar nicht angemeldet.</p>"
                        ),
                        "question": "Wie reagieren Sie?",
                        "choices": [
                            {
                                "text": "Ich bestätige einmal, damit endlich Ruhe ist.",
                                "feedback": (
                                    "Genau darauf zielt der Angriff. Mit der Bestätigung erhalten "
                                    "Angreifende Zugang zu Ihrem Konto."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich lehne alle Anfragen ab, ändere mein Passwort und melde "
                                    "den Vorfall dem IT-Service-Desk."
                                ),
                                "feedback": (
                                    "Richtig. Die Anfragen zeigen, dass Ihr Passwort bekannt ist. "
                                    "Es muss geändert werden, und der IT-Service-Desk muss "
                                    "Bescheid wissen."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": "Ich ignoriere die Anfragen und kümmere mich morgen darum.",
                                "feedback": (
                                    "Besser als Bestätigen, aber Ihr Passwort ist offenbar "
                                    "kompromittiert. Das sollte umgehend geklärt werden."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
                MFA_FATIGUE,
            ],
        },
    ],
    "quiz": {
        "title": "Wissenstest: Passwörter und MFA",
        "intro": (
            "Testen Sie Ihr Wissen über sichere Passwörter und Mehr-Faktor-Authentifizierung."
        ),
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "attempts_per_period": 3,
        "attempt_period_hours": 24,
        "reread_after_failures": 2,
        "questions": [
            {
                "type": "single_choice",
                "question": "Welches dieser Passwörter ist am sichersten?",
                "explanation": (
                    "Eine lange Passphrase aus zufälligen, nicht zusammenhängenden Wörtern ist "
                    "schwer zu erraten. Kurze Passwörter mit vorhersehbaren Mustern werden schnell "
                    "geknackt."
                ),
                "options": [
                    {
                        "text": "Sommer2024!",
                        "correct": False,
                        "feedback": (
                            "Wort plus Jahreszahl plus Sonderzeichen ist ein sehr bekanntes Muster."
                        ),
                    },
                    {
                        "text": "Fahrrad Zimtstern Kompass wolkig Anker",
                        "correct": True,
                        "feedback": "Richtig, lang und aus zufälligen Wörtern zusammengesetzt.",
                    },
                    {
                        "text": "P@ssw0rt",
                        "correct": False,
                        "feedback": (
                            "Kurz und mit vorhersehbaren Ersetzungen – steht in jedem "
                            "Angriffswörterbuch."
                        ),
                    },
                    {
                        "text": "Ihr Nachname plus Geburtsdatum",
                        "correct": False,
                        "feedback": "Persönliche Angaben lassen sich oft leicht herausfinden.",
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Ein starkes Passwort sollte grundsätzlich alle 90 Tage geändert werden, auch "
                    "wenn es keinen Verdacht auf Missbrauch gibt."
                ),
                "correct": False,
                "feedback_true": (
                    "Leider falsch. Das BSI empfiehlt, Passwörter anlassbezogen zu ändern – "
                    "dienstliche Vorgaben gehen aber vor."
                ),
                "feedback_false": (
                    "Richtig. Ändern Sie ein starkes Passwort, wenn es einen Anlass gibt – es sei "
                    "denn, Ihre Dienststelle gibt etwas anderes vor."
                ),
                "explanation": (
                    "Regelmäßige Zwangswechsel führen oft zu schwächeren Passwörtern. Entscheidend "
                    "ist ein Wechsel bei konkretem Anlass. Gibt Ihre Dienststelle "
                    "Wechselintervalle vor, gelten diese."
                ),
            },
            {
                "type": "multiple_choice",
                "question": ("In welchen Fällen sollten Sie Ihr Passwort sofort ändern?"),
                "explanation": (
                    "Immer wenn ein Passwort bekannt geworden sein könnte, muss es geändert "
                    "werden. Ein neuer Monatsanfang ist dagegen kein Anlass."
                ),
                "options": [
                    {
                        "text": "Sie haben es auf einer verdächtigen Anmeldeseite eingegeben.",
                        "correct": True,
                        "feedback": "Richtig, dann müssen Sie von einem Abfluss ausgehen.",
                    },
                    {
                        "text": "Ein Dienst, bei dem Sie es verwenden, meldet einen Datenabfluss.",
                        "correct": True,
                        "feedback": "Richtig, das Passwort könnte in Umlauf sein.",
                    },
                    {
                        "text": "Sie erhalten unerwartete MFA-Anfragen.",
                        "correct": True,
                        "feedback": (
                            "Richtig, das deutet darauf hin, dass jemand Ihr Passwort kennt."
                        ),
                    },
                    {
                        "text": "Ein neuer Monat hat begonnen.",
                        "correct": False,
                        "feedback": (
                            "Ohne Anlass ist ein Wechsel nicht nötig, sofern Ihre Dienststelle "
                            "nichts anderes vorgibt."
                        ),
                    },
                ],
            },
            {
                "type": "single_choice",
                "question": "Warum sollten Sie ein Passwort nicht für mehrere Zugänge verwenden?",
                "explanation": (
                    "Erbeutete Zugangsdaten werden automatisiert bei vielen anderen Diensten "
                    "ausprobiert. Ein einziges Datenleck kann so mehrere Konten gefährden."
                ),
                "options": [
                    {
                        "text": (
                            "Weil ein Datenleck bei einem Dienst sonst auch alle anderen Zugänge "
                            "gefährdet"
                        ),
                        "correct": True,
                        "feedback": "Richtig, genau das nutzen Angreifende aus.",
                    },
                    {
                        "text": "Weil Systeme doppelte Passwörter technisch nicht akzeptieren",
                        "correct": False,
                        "feedback": "Die Systeme wissen in der Regel nichts voneinander.",
                    },
                    {
                        "text": "Weil Passwörter sonst schneller ablaufen",
                        "correct": False,
                        "feedback": "Das Ablaufdatum hat damit nichts zu tun.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": (
                    "Welche dieser Faktoren können bei der Mehr-Faktor-Authentifizierung als "
                    "zweiter Faktor zum Passwort dienen?"
                ),
                "explanation": (
                    "Ein zweiter Faktor muss aus einer anderen Kategorie stammen als das Passwort "
                    "– also Besitz oder Biometrie. Eine zweite Geheimfrage ist wieder nur Wissen."
                ),
                "options": [
                    {
                        "text": "Eine Smartcard oder ein Hardware-Token",
                        "correct": True,
                        "feedback": "Richtig, das ist ein Besitzfaktor.",
                    },
                    {
                        "text": "Ein Code aus einer Authenticator-App auf dem Dienst-Smartphone",
                        "correct": True,
                        "feedback": "Richtig, auch das ist ein Besitzfaktor.",
                    },
                    {
                        "text": "Ihr Fingerabdruck",
                        "correct": True,
                        "feedback": "Richtig, das ist ein biometrischer Faktor.",
                    },
                    {
                        "text": (
                            "Eine zusätzliche Sicherheitsfrage nach dem Namen Ihres ersten "
                            "Haustiers"
                        ),
                        "correct": False,
                        "feedback": (
                            "Das ist wie das Passwort ein Wissensfaktor und oft leicht "
                            "herauszufinden."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Wenn Sie eine MFA-Anfrage erhalten, die Sie nicht selbst ausgelöst haben, "
                    "kennt vermutlich jemand Ihr Passwort."
                ),
                "correct": True,
                "feedback_true": (
                    "Richtig. Lehnen Sie ab, ändern Sie das Passwort und melden Sie den Vorfall."
                ),
                "feedback_false": (
                    "Leider falsch. Eine solche Anfrage entsteht erst, nachdem jemand Ihr Passwort "
                    "eingegeben hat."
                ),
                "explanation": (
                    "Die Anfrage zum zweiten Faktor wird in der Regel erst nach korrekter "
                    "Passworteingabe ausgelöst. Eine unerwartete Anfrage ist daher ein deutliches "
                    "Alarmzeichen."
                ),
            },
            {
                "type": "single_choice",
                "question": (
                    "Eine Person, die sich als IT-Service-Desk ausgibt, ruft an und bittet Sie, "
                    "eine MFA-Anfrage „zum Testen“ zu bestätigen. Was tun Sie?"
                ),
                "explanation": (
                    "Der echte IT-Service-Desk bittet Sie nicht, fremde Anmeldeanfragen zu "
                    "bestätigen. Dies ist ein typisches Vorgehen bei MFA-Fatigue- und "
                    "Vishing-Angriffen."
                ),
                "options": [
                    {
                        "text": "Ich bestätige, weil der IT-Service-Desk das verlangt.",
                        "correct": False,
                        "feedback": "Damit würden Sie Angreifenden den Zugang öffnen.",
                    },
                    {
                        "text": (
                            "Ich lehne ab, beende das Gespräch und melde den Vorfall über die "
                            "offizielle Nummer des IT-Service-Desks."
                        ),
                        "correct": True,
                        "feedback": (
                            "Richtig, so stoppen Sie den Angriff und warnen die richtigen Stellen."
                        ),
                    },
                    {
                        "text": "Ich bestätige nur, wenn die Person meinen Namen kennt.",
                        "correct": False,
                        "feedback": "Namen lassen sich leicht herausfinden und beweisen nichts.",
                    },
                ],
            },
        ],
    },
}
