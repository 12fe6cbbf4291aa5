"""Demo-Lerninhalt (Sensi): Modul „Phishing erkennen und melden“."""

from demo.videos import video

from .exercises import PHISHING_POSTFACH

# ruff: noqa: E501 (demo text nested one level deeper in a variants slot)

MODULE = {
    "slug": "phishing",
    "title": "Phishing erkennen und melden",
    "topic": "it_security",
    "summary": (
        "Gefälschte E-Mails, Anrufe und SMS sind der häufigste Einstieg für Angriffe. Hier lernen "
        "Sie, typische Warnzeichen zu erkennen und Verdachtsfälle richtig zu melden."
    ),
    "objectives": [
        "Sie erkennen typische Merkmale von Phishing-Mails.",
        "Sie prüfen Links und Anhänge, bevor Sie sie öffnen.",
        "Sie erkennen CEO-Fraud sowie betrügerische Anrufe und SMS.",
        "Sie wissen, wie und wo Sie einen Verdacht melden und was nach einem Fehlklick zu tun ist.",
    ],
    "minutes": 13,
    "version": "1.0",
    "image_alt": "Stilisierter Angelhaken über einem Briefumschlag",
    "motif": "phishing",
    "lessons": [
        {
            "slug": "merkmale-erkennen",
            "title": "Merkmale einer Phishing-Mail",
            "intro": (
                "Die meisten Phishing-Mails verraten sich durch wenige, immer wiederkehrende "
                "Warnzeichen."
            ),
            "body": [
                ("heading", {"text": "Worauf Sie achten sollten", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Beim Phishing versuchen Angreifende, Sie mit einer gefälschten "
                        "Nachricht zu einer bestimmten Handlung zu bewegen: einen Link anklicken, "
                        "einen Anhang öffnen, Zugangsdaten eingeben oder Geld überweisen. Die "
                        "Nachrichten sehen oft täuschend echt aus und verwenden Logos und "
                        "Formulierungen bekannter Absender – etwa von Banken, Paketdiensten, "
                        "Softwareherstellern oder scheinbar sogar Ihrer eigenen "
                        "Dienststelle.</p><p>Perfekte Fälschungen sind selten. Fast immer gibt es "
                        "Hinweise, die Sie stutzig machen sollten. Entscheidend ist, dass Sie sich "
                        "einen Moment Zeit nehmen, bevor Sie reagieren.</p>"
                    ),
                ),
                ("video", video("phishing-drei-fragen", "de")),
                (
                    "checklist",
                    {
                        "title": "Typische Warnzeichen",
                        "items": [
                            (
                                "Zeitdruck oder Drohungen, z. B. „Ihr Konto wird in 24 Stunden "
                                "gesperrt“."
                            ),
                            (
                                "Die Absenderadresse passt nicht zum angeblichen Absender oder ist "
                                "nur leicht abgewandelt."
                            ),
                            (
                                "Unpersönliche Anrede wie „Sehr geehrter Nutzer“ oder Ihre "
                                "E-Mail-Adresse statt Ihres Namens."
                            ),
                            (
                                "Aufforderung, Passwort, PIN oder andere Zugangsdaten einzugeben "
                                "oder zu bestätigen."
                            ),
                            (
                                "Unerwartete Anhänge, etwa angebliche Rechnungen, Bewerbungen oder "
                                "Lieferscheine."
                            ),
                            "Ungewöhnliche Bitten, die vom üblichen Dienstweg abweichen.",
                            "Ein Link führt auf eine andere Adresse als der angezeigte Text.",
                        ],
                    },
                ),
                PHISHING_POSTFACH,
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Die Bauchgefühl-Regel",
                        "text": (
                            "<p>Fragen Sie sich bei jeder Nachricht, die etwas von Ihnen verlangt: "
                            "<strong>Habe ich das erwartet?</strong> Wenn nicht, prüfen Sie die "
                            "Nachricht besonders sorgfältig – auch dann, wenn sie von einer "
                            "bekannten Adresse zu kommen scheint. Absenderadressen lassen sich "
                            "fälschen, und auch echte Postfächer können gekapert sein.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Sie erhalten eine E-Mail mit dem Betreff „Ihr Postfach ist fast "
                            "voll“. Darin steht, dass Ihr Postfach in zwei Stunden gesperrt wird, "
                            "wenn Sie sich nicht über den beigefügten Link neu anmelden. Als "
                            "Absender wird „IT-Support“ angezeigt, die Adresse endet jedoch auf "
                            "eine Ihnen unbekannte Domain.</p>"
                        ),
                        "question": "Wie reagieren Sie?",
                        "choices": [
                            {
                                "text": (
                                    "Ich klicke nicht auf den Link und melde die E-Mail über den "
                                    "vorgesehenen Meldeweg an den IT-Service-Desk."
                                ),
                                "feedback": (
                                    "Richtig. Zeitdruck, unbekannte Absenderdomain und die "
                                    "Aufforderung zur Anmeldung sind klassische Phishing-Merkmale."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Ich klicke auf den Link, gebe aber nur meinen Benutzernamen "
                                    "ein."
                                ),
                                "feedback": (
                                    "Auch das ist riskant: Schon der Aufruf der Seite kann "
                                    "Schadcode auslösen, und Ihr Benutzername hilft Angreifenden "
                                    "bei weiteren Versuchen."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich leite die E-Mail an Kolleginnen und Kollegen weiter, um "
                                    "sie zu warnen."
                                ),
                                "feedback": (
                                    "Gut gemeint, aber gefährlich: So verbreiten Sie den "
                                    "schädlichen Link weiter. Warnungen übernimmt der "
                                    "IT-Service-Desk."
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
            "title": "Links und Anhänge prüfen",
            "intro": (
                "Ein kurzer Blick auf die tatsächliche Zieladresse schützt Sie vor den meisten "
                "gefälschten Anmeldeseiten."
            ),
            "body": [
                ("heading", {"text": "Links: Erst prüfen, dann klicken", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Der sichtbare Text eines Links kann beliebig sein. Fahren Sie mit dem "
                        "Mauszeiger über den Link, ohne zu klicken: Ihr E-Mail-Programm zeigt dann "
                        "die echte Zieladresse an. Auf dem Smartphone halten Sie den Link "
                        "gedrückt, um die Adresse zu sehen.</p><p>Maßgeblich ist das <strong>Ende "
                        "des Servernamens</strong>, also das, was unmittelbar vor dem ersten "
                        "einzelnen Schrägstrich steht: Dort steht die eigentliche Domain. Bei "
                        "<em>https://portal.beispiel-behoerde.de.anmeldung-check.com/login</em> "
                        "ist das nicht „beispiel-behoerde.de“, sondern „anmeldung-check.com“. "
                        "Achten Sie außerdem auf vertauschte oder ersetzte Buchstaben, etwa eine "
                        "Null statt eines „o“.</p>"
                    ),
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            "Zieladresse vor dem Klick prüfen.",
                            (
                                "Bekannte Portale über ein eigenes Lesezeichen oder durch "
                                "Eintippen der Adresse aufrufen."
                            ),
                            (
                                "Unerwartete Anhänge beim Absender über einen bekannten Kontaktweg "
                                "hinterfragen."
                            ),
                            (
                                "Bei QR-Codes in E-Mails oder auf Aushängen ebenso misstrauisch "
                                "sein wie bei Links."
                            ),
                        ],
                        "donts": [
                            (
                                "Zugangsdaten auf einer Seite eingeben, die Sie über einen "
                                "E-Mail-Link erreicht haben."
                            ),
                            (
                                "Makros oder „Bearbeitung aktivieren“ in Dokumenten unbekannter "
                                "Herkunft zulassen."
                            ),
                            (
                                "Passwortgeschützte ZIP-Archive öffnen, deren Passwort gleich in "
                                "der E-Mail mitgeliefert wird."
                            ),
                            "Sicherheitswarnungen Ihres Systems einfach wegklicken.",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Vorsicht bei diesen Dateitypen",
                        "text": (
                            "<p>Besonders häufig wird Schadsoftware über Office-Dokumente mit "
                            "Makros, komprimierte Archive (z. B. ZIP), Abbilddateien (z. B. ISO, "
                            "IMG) sowie ausführbare Dateien und Skripte verteilt. Eine harmlos "
                            "klingende Bezeichnung wie „Rechnung.pdf.exe“ ist ein deutliches "
                            "Alarmsignal.</p>"
                        ),
                    },
                ),
                (
                    "faq",
                    {
                        "title": "Häufige Fragen",
                        "items": [
                            {
                                "question": (
                                    "Ist ein Link sicher, wenn die Adresse mit „https“ beginnt?"
                                ),
                                "answer": (
                                    "<p>Nein. „https“ bedeutet nur, dass die Verbindung "
                                    "verschlüsselt ist. Auch Betrugsseiten verwenden längst "
                                    "verschlüsselte Verbindungen. Entscheidend ist die Domain.</p>"
                                ),
                            },
                            {
                                "question": "Was mache ich mit verkürzten Links?",
                                "answer": (
                                    "<p>Bei Kurzlinks ist das Ziel nicht erkennbar. Öffnen Sie sie "
                                    "in dienstlichen Zusammenhängen nur, wenn Sie den Absender "
                                    "kennen und die Nachricht erwartet haben. Im Zweifel fragen "
                                    "Sie nach.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Der Anhang kommt von einer bekannten Person – kann ich ihn "
                                    "öffnen?"
                                ),
                                "answer": (
                                    "<p>Nicht automatisch. Angreifende nutzen gekaperte Postfächer "
                                    "und antworten sogar auf echte, ältere E-Mail-Verläufe. Wenn "
                                    "der Anhang unerwartet kommt oder der Text nicht zur Person "
                                    "passt, fragen Sie telefonisch oder über einen anderen "
                                    "bekannten Weg nach.</p>"
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "ceo-fraud-telefon-sms",
            "title": "CEO-Fraud, Anrufe und SMS",
            "intro": (
                "Nicht jeder Angriff kommt als gewöhnliche Phishing-Mail – manchmal ruft die "
                "angebliche Chefin oder der angebliche IT-Support direkt an."
            ),
            "body": [
                ("heading", {"text": "CEO-Fraud: Die falsche Führungskraft", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Beim sogenannten CEO-Fraud geben sich Betrügerinnen und Betrüger als "
                        "Führungskraft aus – etwa als Abteilungsleitung oder Behördenleitung. Sie "
                        "bitten um eine eilige, „vertrauliche“ Überweisung, um die Änderung einer "
                        "Bankverbindung oder um die Herausgabe interner Daten. Oft wird betont, "
                        "dass niemand sonst eingeweiht werden darf und die Sache keinen Aufschub "
                        "duldet.</p><p>Solche Anfragen umgehen bewusst die üblichen Abläufe wie "
                        "das Vier-Augen-Prinzip. Genau das ist das wichtigste Warnsignal.</p>"
                    ),
                ),
                (
                    "heading",
                    {"text": "Vishing und Smishing: Betrug per Telefon und SMS", "level": "h3"},
                ),
                (
                    "text",
                    (
                        "<p>Beim <strong>Vishing</strong> (Voice-Phishing) rufen Angreifende an "
                        "und geben sich z. B. als IT-Service-Desk, als Softwarehersteller oder als "
                        "Kollegin aus einem anderen Ressort aus. Sie bitten darum, ein "
                        "Fernwartungsprogramm zu installieren, einen Code vorzulesen oder Ihr "
                        "Passwort zu „bestätigen“. Angezeigte Rufnummern können gefälscht "
                        "sein.</p><p>Beim <strong>Smishing</strong> kommen die Köder per SMS oder "
                        "Messenger, häufig als angebliche Paketbenachrichtigung oder "
                        "Sicherheitshinweis mit Link. Im Homeoffice landen solche Nachrichten oft "
                        "auf dem dienstlichen Smartphone.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "important",
                        "title": "",
                        "text": (
                            "<p>Ihr IT-Service-Desk wird Sie <strong>niemals</strong> nach Ihrem "
                            "Passwort fragen – weder am Telefon noch per E-Mail. Bei "
                            "ungewöhnlichen Bitten beenden Sie das Gespräch und rufen selbst über "
                            "eine Ihnen bekannte, offizielle Nummer zurück, etwa aus dem Intranet "
                            "oder dem Telefonverzeichnis Ihrer Dienststelle.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Am späten Freitagnachmittag erhalten Sie eine E-Mail, die "
                            "scheinbar von Ihrer Abteilungsleiterin stammt: „Ich bin in einer "
                            "Besprechung und kann nicht telefonieren. Bitte veranlassen Sie heute "
                            "noch eine Zahlung an den beigefügten Dienstleister. Die Sache ist "
                            "vertraulich, bitte sprechen Sie mit niemandem darüber.“</p>"
                        ),
                        "question": "Wie reagieren Sie?",
                        "choices": [
                            {
                                "text": (
                                    "Ich veranlasse die Zahlung, weil die Anweisung von meiner "
                                    "Vorgesetzten kommt."
                                ),
                                "feedback": (
                                    "Falsch. Zeitdruck, Geheimhaltung und das Umgehen des "
                                    "Dienstwegs sind typische Merkmale von CEO-Fraud."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich antworte auf die E-Mail und frage nach, ob die Anweisung "
                                    "echt ist."
                                ),
                                "feedback": (
                                    "Nicht ausreichend: Ihre Antwort landet womöglich direkt bei "
                                    "den Betrügern, die die Echtheit natürlich bestätigen."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich verifiziere die Anweisung über einen bekannten Weg, z. B. "
                                    "einen Rückruf unter der Nummer aus dem Telefonverzeichnis, "
                                    "und melde den Verdacht dem IT-Service-Desk."
                                ),
                                "feedback": (
                                    "Richtig. Ein Rückruf über einen unabhängigen, bekannten "
                                    "Kontaktweg deckt die Fälschung auf, und die Meldung schützt "
                                    "auch andere."
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
            "title": "Verdacht? So melden Sie richtig",
            "intro": (
                "Eine schnelle Meldung hilft, Schaden zu begrenzen – selbst wenn Sie bereits "
                "geklickt haben."
            ),
            "body": [
                ("heading", {"text": "Melden statt ignorieren", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Jede gemeldete Phishing-Nachricht hilft dem IT-Service-Desk und der "
                        "bzw. dem Informationssicherheitsbeauftragten (ISB) Ihres Ressorts, "
                        "Angriffswellen früh zu erkennen und Filter anzupassen. Nutzen Sie dafür "
                        "den in Ihrer Dienststelle festgelegten Meldeweg, zum Beispiel eine "
                        "Melde-Schaltfläche im E-Mail-Programm oder die Ihnen bekannte "
                        "Meldeadresse des IT-Service-Desks.</p><p>Haben Sie bereits auf einen Link "
                        "geklickt, einen Anhang geöffnet oder Daten eingegeben? Dann gilt: "
                        "<strong>sofort melden</strong>. Niemand wird Ihnen dafür einen Vorwurf "
                        "machen – gefährlich wird es erst, wenn ein Vorfall verschwiegen wird.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Nach einem Fehlklick",
                        "items": [
                            (
                                "Sofort den IT-Service-Desk informieren und dessen Anweisungen "
                                "befolgen."
                            ),
                            (
                                "Bei Verdacht auf Schadsoftware das Gerät vom Netz trennen (WLAN "
                                "aus, Kabel ziehen), aber nicht einfach ausschalten, sofern nichts "
                                "anderes gesagt wird."
                            ),
                            "Ein eingegebenes Passwort umgehend ändern bzw. zurücksetzen lassen.",
                            (
                                "Notieren, was genau passiert ist: Uhrzeit, Absender, angeklickter "
                                "Link, geöffnete Datei."
                            ),
                            (
                                "Die verdächtige Nachricht aufbewahren, bis der IT-Service-Desk "
                                "sie freigibt."
                            ),
                        ],
                    },
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            "Verdächtige Nachrichten über den offiziellen Meldeweg melden.",
                            "Auch Anrufe und SMS mit Betrugsverdacht melden.",
                            "Nach einem Fehlklick ehrlich und schnell Bescheid geben.",
                        ],
                        "donts": [
                            "Verdächtige Nachrichten an Kolleginnen und Kollegen weiterleiten.",
                            "Links „zum Testen“ anklicken oder Anhänge probehalber öffnen.",
                            "Auf die verdächtige Nachricht antworten.",
                            "Einen Fehlklick aus Scham verschweigen.",
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
                                    "Ich bin mir nicht sicher, ob es Phishing ist. Soll ich "
                                    "trotzdem melden?"
                                ),
                                "answer": (
                                    "<p>Ja. Eine Meldung zu viel ist besser als eine zu wenig. Der "
                                    "IT-Service-Desk prüft die Nachricht und gibt Ihnen eine "
                                    "Rückmeldung.</p>"
                                ),
                            },
                            {
                                "question": "Wer ist außer dem IT-Service-Desk noch zuständig?",
                                "answer": (
                                    "<p>Für Sicherheitsvorfälle ist die bzw. der "
                                    "Informationssicherheitsbeauftragte Ihres Ressorts zuständig. "
                                    "Sind personenbezogene Daten betroffen, wird zusätzlich die "
                                    "bzw. der Datenschutzbeauftragte eingebunden. Welche Stelle "
                                    "Sie zuerst informieren, regelt der interne Meldeprozess Ihrer "
                                    "Dienststelle.</p>"
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
                            "<p>Sie haben vor zehn Minuten auf einer vermeintlichen Anmeldeseite "
                            "Ihre dienstlichen Zugangsdaten eingegeben. Erst jetzt fällt Ihnen "
                            "auf, dass die Adresse merkwürdig aussah.</p>"
                        ),
                        "question": "Was ist jetzt der beste nächste Schritt?",
                        "choices": [
                            {
                                "text": (
                                    "Abwarten, ob etwas passiert – vielleicht war es doch harmlos."
                                ),
                                "feedback": (
                                    "Falsch. Angreifende nutzen erbeutete Zugangsdaten oft "
                                    "innerhalb weniger Minuten. Jede Verzögerung vergrößert den "
                                    "möglichen Schaden."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Sofort den IT-Service-Desk informieren und das Passwort nach "
                                    "dessen Anweisung ändern."
                                ),
                                "feedback": (
                                    "Richtig. So kann der Zugang schnell gesichert und geprüft "
                                    "werden, ob er bereits missbraucht wurde."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": "Nur das Passwort ändern und niemandem Bescheid sagen.",
                                "feedback": (
                                    "Nicht ausreichend. Der Zugang könnte bereits missbraucht "
                                    "worden sein; das kann nur der IT-Service-Desk prüfen."
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
        "title": "Wissenstest: Phishing",
        "intro": (
            "Prüfen Sie Ihr Wissen rund um Phishing-Mails, Betrugsanrufe und den richtigen "
            "Meldeweg."
        ),
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "attempts_per_period": 3,
        "attempt_period_hours": 24,
        "questions": [
            {
                "type": "multiple_choice",
                "question": ("Welche Merkmale deuten auf eine Phishing-Mail hin?"),
                "explanation": (
                    "Zeitdruck, abweichende Absenderadressen und die Aufforderung zur Eingabe von "
                    "Zugangsdaten sind typische Warnzeichen. Ein Logo oder eine verschlüsselte "
                    "Verbindung sagen nichts über die Echtheit aus."
                ),
                "options": [
                    {
                        "text": (
                            "Die Nachricht droht mit einer Kontosperrung innerhalb weniger Stunden."
                        ),
                        "correct": True,
                        "feedback": (
                            "Richtig, künstlicher Zeitdruck ist ein klassisches Warnzeichen."
                        ),
                    },
                    {
                        "text": "Die Absenderadresse weicht leicht von der echten Adresse ab.",
                        "correct": True,
                        "feedback": (
                            "Richtig, leicht abgewandelte Domains sind typisch für Fälschungen."
                        ),
                    },
                    {
                        "text": "Sie werden aufgefordert, Ihr Passwort zu bestätigen.",
                        "correct": True,
                        "feedback": (
                            "Richtig, seriöse Stellen fragen nie per E-Mail nach Passwörtern."
                        ),
                    },
                    {
                        "text": "Die E-Mail enthält das Logo der Dienststelle.",
                        "correct": False,
                        "feedback": (
                            "Logos lassen sich problemlos kopieren und beweisen keine Echtheit."
                        ),
                    },
                    {
                        "text": "Der Link beginnt mit „https“.",
                        "correct": False,
                        "feedback": (
                            "„https“ bedeutet nur eine verschlüsselte Verbindung – auch "
                            "Betrugsseiten nutzen sie."
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
                            "Ein Link lautet https://login.ressort-beispiel.de.konto-pruefung.net/start. "
                            "Zu welcher Domain führt er tatsächlich?"
                        ),
                        "explanation": (
                            "Maßgeblich ist das Ende des Servernamens, also die letzten beiden Teile vor "
                            "dem ersten einzelnen Schrägstrich. Alles davor sind frei wählbare Unterebenen "
                            "der Domain „konto-pruefung.net“."
                        ),
                        "options": [
                            {
                                "text": "ressort-beispiel.de",
                                "correct": False,
                                "feedback": (
                                    "Dieser Teil ist nur eine frei gewählte Unterebene und soll Sie "
                                    "täuschen."
                                ),
                            },
                            {
                                "text": "konto-pruefung.net",
                                "correct": True,
                                "feedback": "Richtig, das ist die tatsächliche Domain.",
                            },
                            {
                                "text": "login.ressort-beispiel.de",
                                "correct": False,
                                "feedback": (
                                    "Nein, entscheidend ist das Ende des Servernamens vor dem ersten "
                                    "einzelnen Schrägstrich."
                                ),
                            },
                        ],
                    },
                    {
                        "type": "single_choice",
                        "question": (
                            "Ein Link lautet https://portal.beihilfe-land.de-service.info/anmeldung. "
                            "Zu welcher Domain führt er tatsächlich?"
                        ),
                        "explanation": (
                            "Maßgeblich ist das Ende des Servernamens vor dem ersten einzelnen "
                            "Schrägstrich: „de-service.info“. „portal.beihilfe-land“ sind frei wählbare "
                            "Unterebenen dieser Domain."
                        ),
                        "options": [
                            {
                                "text": "beihilfe-land.de",
                                "correct": False,
                                "feedback": "Nein, „.de“ gehört hier zum Namen „de-service“.",
                            },
                            {
                                "text": "de-service.info",
                                "correct": True,
                                "feedback": "Richtig, das ist die tatsächliche Domain.",
                            },
                            {
                                "text": "portal.beihilfe-land.de",
                                "correct": False,
                                "feedback": "Nein, dieser Teil ist nur eine frei gewählte Unterebene.",
                            },
                        ],
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Der IT-Service-Desk kann Sie am Telefon nach Ihrem Passwort fragen, um ein "
                    "Problem schneller zu lösen."
                ),
                "correct": False,
                "feedback_true": (
                    "Leider falsch. Der IT-Service-Desk fragt niemals nach Ihrem Passwort."
                ),
                "feedback_false": (
                    "Richtig erkannt. Wer am Telefon nach Ihrem Passwort fragt, ist nicht der "
                    "echte IT-Service-Desk."
                ),
                "explanation": (
                    "Passwörter sind persönlich und werden niemals weitergegeben – auch nicht an "
                    "den IT-Support. Eine solche Frage ist ein sicheres Zeichen für einen "
                    "Betrugsversuch."
                ),
            },
            {
                "type": "single_choice",
                "question": "Sie erhalten eine verdächtige E-Mail. Was ist die richtige Reaktion?",
                "explanation": (
                    "Über den offiziellen Meldeweg erreicht die Nachricht die Fachleute, die sie "
                    "prüfen und andere schützen können. Weiterleiten an Kolleginnen und Kollegen "
                    "verbreitet das Risiko."
                ),
                "options": [
                    {
                        "text": "An Kolleginnen und Kollegen weiterleiten, um sie zu warnen.",
                        "correct": False,
                        "feedback": "So verbreiten Sie den schädlichen Inhalt weiter.",
                    },
                    {
                        "text": "Über den vorgesehenen Meldeweg an den IT-Service-Desk melden.",
                        "correct": True,
                        "feedback": "Richtig, so kann die Nachricht fachkundig geprüft werden.",
                    },
                    {
                        "text": "Den Link öffnen, um zu prüfen, ob die Seite echt ist.",
                        "correct": False,
                        "feedback": "Schon das Öffnen kann Schadcode auslösen.",
                    },
                    {
                        "text": "Dem Absender antworten und ihn zur Rede stellen.",
                        "correct": False,
                        "feedback": (
                            "Eine Antwort bestätigt den Angreifenden nur, dass Ihre Adresse aktiv "
                            "ist."
                        ),
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": ("Welche Merkmale sind typisch für CEO-Fraud?"),
                "explanation": (
                    "CEO-Fraud setzt auf Autorität, Eile und Geheimhaltung, um die üblichen "
                    "Kontrollen auszuhebeln."
                ),
                "options": [
                    {
                        "text": "Große Eile bei einer Zahlung",
                        "correct": True,
                        "feedback": "Richtig, Zeitdruck soll Sie am Nachdenken hindern.",
                    },
                    {
                        "text": "Die Bitte um absolute Vertraulichkeit",
                        "correct": True,
                        "feedback": "Richtig, so sollen Rückfragen verhindert werden.",
                    },
                    {
                        "text": "Das Umgehen des üblichen Dienstwegs",
                        "correct": True,
                        "feedback": "Richtig, das Vier-Augen-Prinzip soll ausgehebelt werden.",
                    },
                    {
                        "text": "Eine Anfrage über das reguläre Auftragsverfahren mit Zeichnung",
                        "correct": False,
                        "feedback": (
                            "Reguläre, dokumentierte Abläufe sind gerade kein Merkmal von "
                            "CEO-Fraud."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Wenn Sie versehentlich auf einen Phishing-Link geklickt haben, sollten Sie "
                    "dies sofort dem IT-Service-Desk melden."
                ),
                "correct": True,
                "feedback_true": (
                    "Richtig. Je schneller gemeldet wird, desto besser lässt sich ein Schaden "
                    "verhindern."
                ),
                "feedback_false": (
                    "Leider falsch. Gerade nach einem Fehlklick ist eine sofortige Meldung "
                    "entscheidend."
                ),
                "explanation": (
                    "Eine schnelle Meldung ermöglicht es, Zugänge zu sperren und Schadsoftware "
                    "einzudämmen. Ein verschwiegener Vorfall kann großen Schaden anrichten."
                ),
            },
        ],
    },
}
