"""Demo-Lerninhalt (Sensi): Modul „Datenpannen erkennen und melden“."""

from demo.videos import video

from .exercises import DATENPANNE_SCHRITTE

MODULE = {
    "slug": "datenpanne",
    "title": "Datenpannen erkennen und melden",
    "topic": "data_protection",
    "summary": (
        "Eine falsch adressierte E-Mail oder ein verlorener USB-Stick kann schon eine Datenpanne "
        "sein. Hier erfahren Sie, wie Sie eine Datenpanne erkennen und warum jede Minute zählt."
    ),
    "objectives": [
        (
            "Sie wissen, was die DSGVO unter einer „Verletzung des Schutzes personenbezogener "
            "Daten“ versteht."
        ),
        "Sie erkennen typische Datenpannen im Arbeitsalltag und im Homeoffice.",
        (
            "Sie kennen die Melde- und Benachrichtigungspflichten der Dienststelle nach Art. 33 "
            "und 34 DSGVO."
        ),
        (
            "Sie wissen, was Sie bei einer Datenpanne sofort tun müssen und was Sie dokumentieren "
            "sollten."
        ),
    ],
    "minutes": 14,
    "version": "1.0",
    "image_alt": "Stilisierter Aktenordner mit einem Riss und einem Warndreieck",
    "motif": "breach",
    "lessons": [
        {
            "slug": "was-ist-eine-datenpanne",
            "title": "Was ist eine Datenpanne?",
            "intro": (
                "Eine Datenpanne braucht keine Hacker – meist genügt ein kleiner Fehler im Alltag."
            ),
            "body": [
                ("heading", {"text": "Die Definition der DSGVO", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Die Datenschutz-Grundverordnung spricht von einer <strong>„Verletzung "
                        "des Schutzes personenbezogener Daten“</strong> (Art. 4 Nr. 12 DSGVO), "
                        "umgangssprachlich Datenpanne. Gemeint ist ein Sicherheitsvorfall, durch "
                        "den personenbezogene Daten vernichtet werden, verloren gehen, verändert "
                        "werden oder Unbefugten offengelegt bzw. zugänglich werden.</p><p>Dabei "
                        "spielt es keine Rolle, ob der Vorfall absichtlich herbeigeführt wurde "
                        "oder versehentlich passiert ist. Auch ein Versehen einer Kollegin oder "
                        "ein technischer Defekt kann eine Datenpanne sein. Betroffen sein können "
                        "alle drei Schutzziele: die <em>Vertraulichkeit</em> (Unbefugte sehen "
                        "Daten), die <em>Integrität</em> (Daten werden verfälscht) und die "
                        "<em>Verfügbarkeit</em> (Daten sind verloren oder nicht mehr "
                        "zugänglich).</p>"
                    ),
                ),
                ("heading", {"text": "Typische Beispiele", "level": "h3"}),
                (
                    "text",
                    (
                        "<ul><li>Eine E-Mail mit Antragsunterlagen geht an die falsche "
                        "Empfängerin.</li><li>Ein Rundschreiben an Bürgerinnen und Bürger wird mit "
                        "allen Adressen im offenen „An“- oder „CC“-Feld verschickt.</li><li>Ein "
                        "unverschlüsselter USB-Stick oder eine Akte geht verloren.</li><li>Ein "
                        "Dienstlaptop wird aus dem Auto gestohlen.</li><li>Schadsoftware "
                        "verschlüsselt eine Fachanwendung, und die Daten sind nicht mehr "
                        "abrufbar.</li><li>Zugangsdaten wurden durch Phishing abgegriffen, und "
                        "jemand hat sich im Postfach angemeldet.</li><li>Dienstliche Ausdrucke "
                        "landen im Hausmüll.</li></ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Im Zweifel ist es ein Fall für eine Meldung",
                        "text": (
                            "<p>Ob ein Vorfall tatsächlich eine Datenpanne ist und wie schwer er "
                            "wiegt, müssen Sie nicht selbst beurteilen. Diese Bewertung übernehmen "
                            "die zuständigen Stellen Ihrer Dienststelle. Ihre Aufgabe ist es, den "
                            "Vorfall schnell zu melden.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Datenpanne oder nicht?",
                        "situation": (
                            "<p>Sie bemerken, dass eine Excel-Tabelle mit Namen und Telefonnummern "
                            "aller Teilnehmenden einer Bürgerbeteiligung seit einer Woche "
                            "versehentlich in einem Ordner liegt, auf den alle Beschäftigten Ihres "
                            "Hauses zugreifen können.</p>"
                        ),
                        "question": "Wie schätzen Sie die Lage ein?",
                        "choices": [
                            {
                                "text": (
                                    "Kein Problem – es waren ja nur Kolleginnen und Kollegen, die "
                                    "Zugriff hatten."
                                ),
                                "feedback": (
                                    "Auch Beschäftigte ohne dienstlichen Bedarf sind Unbefugte. "
                                    "Der unberechtigte Zugang kann bereits eine Datenpanne sein."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Es kann sich um eine Datenpanne handeln. Ich melde den Fund "
                                    "umgehend nach dem internen Meldeprozess."
                                ),
                                "feedback": (
                                    "Richtig. Ob und wie schwer eine Datenpanne vorliegt, wird "
                                    "dann fachkundig bewertet – zum Beispiel, ob die Datei "
                                    "tatsächlich geöffnet wurde."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Ich verschiebe die Datei still in den richtigen Ordner, dann "
                                    "ist die Sache erledigt."
                                ),
                                "feedback": (
                                    "Das Verschieben ist sinnvoll, reicht aber nicht. Der Vorfall "
                                    "muss gemeldet werden, damit die Dienststelle ihre Pflichten "
                                    "erfüllen kann."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "pflichten-der-dienststelle",
            "title": "72 Stunden: Die Pflichten der Dienststelle",
            "intro": (
                "Die DSGVO setzt der Dienststelle eine enge Frist – und die beginnt früher, als "
                "viele denken."
            ),
            "body": [
                (
                    "heading",
                    {"text": "Meldung an die Aufsichtsbehörde (Art. 33 DSGVO)", "level": "h2"},
                ),
                ("video", video("datenpanne-72-stunden", "de")),
                (
                    "text",
                    (
                        "<p>Verantwortlich für die Datenverarbeitung ist Ihre Dienststelle. Sie "
                        "muss eine Datenpanne unverzüglich und möglichst <strong>innerhalb von 72 "
                        "Stunden</strong>, nachdem sie davon Kenntnis erlangt hat, der zuständigen "
                        "Datenschutz-Aufsichtsbehörde melden – in Hessen ist das die bzw. der "
                        "Hessische Beauftragte für Datenschutz und Informationsfreiheit. Eine "
                        "Meldung ist nur dann entbehrlich, wenn die Panne voraussichtlich zu "
                        "keinem Risiko für die betroffenen Personen führt. Wird die Frist "
                        "überschritten, muss die Verzögerung begründet werden.</p><p>Unabhängig "
                        "davon muss die Dienststelle <strong>jede</strong> Datenpanne intern "
                        "dokumentieren – mit Sachverhalt, Auswirkungen und ergriffenen Maßnahmen "
                        "(Art. 33 Abs. 5 DSGVO).</p>"
                    ),
                ),
                (
                    "heading",
                    {"text": "Benachrichtigung der Betroffenen (Art. 34 DSGVO)", "level": "h3"},
                ),
                (
                    "text",
                    (
                        "<p>Besteht voraussichtlich ein <strong>hohes Risiko</strong> für die "
                        "Rechte und Freiheiten der betroffenen Personen – etwa weil "
                        "Gesundheitsdaten, Kontodaten oder Ausweisnummern offengelegt wurden –, "
                        "muss die Dienststelle auch die Betroffenen unverzüglich informieren. Sie "
                        "erfahren dann, was passiert ist und was sie selbst tun können, um sich zu "
                        "schützen. Ausnahmen gelten z. B., wenn die Daten wirksam verschlüsselt "
                        "waren und für Unbefugte unlesbar sind.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "important",
                        "title": "Die Uhr läuft auch am Wochenende",
                        "text": (
                            "<p>Die 72 Stunden sind keine Arbeitstage: Sie laufen auch nachts, am "
                            "Wochenende und an Feiertagen. Weil die Dienststelle ab dem Zeitpunkt "
                            "in der Pflicht ist, in dem sie Kenntnis erlangt, ist Ihre "
                            "<strong>sofortige</strong> interne Meldung entscheidend. Eine Panne, "
                            "die am Freitagnachmittag bemerkt, aber erst am Montag gemeldet wird, "
                            "kann die Frist bereits sprengen.</p>"
                        ),
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Was die Meldung an die Aufsichtsbehörde enthalten muss",
                        "items": [
                            (
                                "Art der Datenpanne und, soweit möglich, Kategorien und ungefähre "
                                "Zahl der betroffenen Personen und Datensätze."
                            ),
                            (
                                "Name und Kontaktdaten der bzw. des Datenschutzbeauftragten oder "
                                "einer anderen Anlaufstelle."
                            ),
                            "Eine Beschreibung der wahrscheinlichen Folgen.",
                            (
                                "Ergriffene oder geplante Maßnahmen, um die Panne zu beheben und "
                                "die Folgen abzumildern."
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
                                "question": "Muss ich selbst die Aufsichtsbehörde informieren?",
                                "answer": (
                                    "<p>Nein. Die Meldung nach Art. 33 DSGVO nimmt die "
                                    "Dienststelle als Verantwortliche vor, beraten durch die bzw. "
                                    "den Datenschutzbeauftragten. Ihre Aufgabe ist die schnelle "
                                    "interne Meldung.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Was ist, wenn noch nicht alle Informationen vorliegen?"
                                ),
                                "answer": (
                                    "<p>Die Dienststelle kann die Meldung an die Aufsichtsbehörde "
                                    "schrittweise ergänzen. Warten Sie deshalb nicht, bis Sie alle "
                                    "Einzelheiten kennen, sondern melden Sie intern sofort, was "
                                    "Sie wissen.</p>"
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "richtig-reagieren",
            "title": "Richtig reagieren: melden, nicht vertuschen",
            "intro": (
                "Ihre schnelle und ehrliche Meldung ist der wichtigste Beitrag, um den Schaden für "
                "die Betroffenen klein zu halten."
            ),
            "body": [
                ("heading", {"text": "Sofort melden – nach dem internen Prozess", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Bemerken Sie eine mögliche Datenpanne, informieren Sie "
                        "<strong>unverzüglich</strong> die Stellen, die der interne Meldeprozess "
                        "Ihrer Dienststelle vorsieht. In der Regel sind das Ihre Führungskraft und "
                        "die bzw. der Datenschutzbeauftragte. Ist ein IT-System betroffen – etwa "
                        "bei Schadsoftware oder abgegriffenen Zugangsdaten –, kommen der "
                        "IT-Service-Desk und die bzw. der Informationssicherheitsbeauftragte (ISB) "
                        "Ihres Ressorts hinzu.</p><p>Fehler passieren. Niemand erwartet, dass Sie "
                        "perfekt sind – wohl aber, dass Sie offen damit umgehen. Wer einen Vorfall "
                        "verschweigt oder verschleiert, nimmt der Dienststelle die Möglichkeit, "
                        "Betroffene zu schützen und die gesetzliche Frist einzuhalten.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Das notieren Sie für die Meldung",
                        "items": [
                            "Was ist passiert, und wann haben Sie es bemerkt?",
                            (
                                "Welche Daten sind betroffen (z. B. Namen, Adressen, "
                                "Gesundheitsdaten)?"
                            ),
                            "Wie viele Personen sind ungefähr betroffen?",
                            "Wer hat die Daten möglicherweise erhalten oder Zugriff gehabt?",
                            "Was haben Sie bereits unternommen, und wen haben Sie informiert?",
                        ],
                    },
                ),
                DATENPANNE_SCHRITTE,
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            "Sofort melden, auch wenn noch nicht alle Details bekannt sind.",
                            "Sachlich dokumentieren, was passiert ist.",
                            (
                                "Naheliegende Schritte zur Schadensbegrenzung ergreifen, z. B. "
                                "einen E-Mail-Rückruf versuchen oder Sperrungen veranlassen – in "
                                "Abstimmung mit den zuständigen Stellen."
                            ),
                            "Beweise sichern: E-Mails, Protokolle und Geräte nicht verändern.",
                        ],
                        "donts": [
                            "Den Vorfall verschweigen oder Spuren löschen.",
                            (
                                "Auf eigene Faust ermitteln oder Betroffene ohne Abstimmung "
                                "informieren."
                            ),
                            "Bis nach dem Wochenende warten.",
                            "Schuldige suchen statt Fakten zu sammeln.",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Vertuschen macht alles schlimmer",
                        "text": (
                            "<p>Eine verschwiegene Datenpanne kann für die Betroffenen erheblichen "
                            "Schaden verursachen, etwa wenn sie nicht rechtzeitig ihre Kontodaten "
                            "sperren können. Für die Dienststelle drohen Verstöße gegen die Melde- "
                            "und Dokumentationspflichten. Wer dagegen offen meldet, handelt "
                            "richtig und verantwortungsvoll.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Freitag, 16:30 Uhr, Homeoffice: Sie bemerken, dass Sie vor einer "
                            "Stunde eine Liste mit Namen und Bankverbindungen von "
                            "Zuwendungsempfängern an eine externe Adresse mit ähnlichem Namen "
                            "statt an die Kollegin geschickt haben. Ihre Führungskraft ist bereits "
                            "im Wochenende.</p>"
                        ),
                        "question": "Wie gehen Sie vor?",
                        "choices": [
                            {
                                "text": (
                                    "Ich warte bis Montag, dann ist meine Führungskraft wieder da."
                                ),
                                "feedback": (
                                    "Falsch. Die 72-Stunden-Frist läuft auch am Wochenende. Bis "
                                    "Montag wäre ein Großteil davon verstrichen."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich lösche die Nachricht aus dem Ordner „Gesendete Elemente“ "
                                    "und hoffe, dass niemand etwas bemerkt."
                                ),
                                "feedback": (
                                    "Vertuschen verhindert die Schadensbegrenzung und verletzt "
                                    "Ihre Pflichten. Die Empfängerin hat die Daten trotzdem."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich melde den Vorfall sofort über den internen Meldeweg, z. "
                                    "B. an die bzw. den Datenschutzbeauftragten und die Vertretung "
                                    "meiner Führungskraft, und notiere die Fakten."
                                ),
                                "feedback": (
                                    "Richtig. So kann die Dienststelle rechtzeitig bewerten, ob "
                                    "eine Meldung an die Aufsichtsbehörde oder eine "
                                    "Benachrichtigung der Betroffenen nötig ist."
                                ),
                                "recommended": True,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "fallbeispiele",
            "title": "Fallbeispiele zum Üben",
            "intro": "Zwei kurze Fälle aus dem Verwaltungsalltag – wie würden Sie entscheiden?",
            "body": [
                ("heading", {"text": "Üben Sie den Ernstfall", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Die folgenden Situationen sind typisch für Datenpannen im Büro und im "
                        "Homeoffice. Überlegen Sie jeweils, ob eine Datenpanne vorliegen könnte "
                        "und was Ihr nächster Schritt ist. Denken Sie daran: Die rechtliche "
                        "Bewertung übernehmen die zuständigen Stellen – Ihre Aufgabe ist es, "
                        "schnell und vollständig zu melden.</p>"
                    ),
                ),
                (
                    "scenario",
                    {
                        "title": "Fall 1: Der offene Verteiler",
                        "situation": (
                            "<p>Sie haben eine Einladung zu einer Informationsveranstaltung an 80 "
                            "Bürgerinnen und Bürger verschickt. Erst danach fällt Ihnen auf, dass "
                            "alle E-Mail-Adressen im Feld „An“ statt im Feld „BCC“ standen.</p>"
                        ),
                        "question": "Was ist richtig?",
                        "choices": [
                            {
                                "text": (
                                    "Das ist harmlos, E-Mail-Adressen sind keine personenbezogenen "
                                    "Daten."
                                ),
                                "feedback": (
                                    "Falsch. E-Mail-Adressen, die einer Person zugeordnet werden "
                                    "können, sind personenbezogene Daten. Alle Empfangenden sehen "
                                    "nun die Adressen aller anderen."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich melde den Vorfall sofort nach dem internen Meldeprozess."
                                ),
                                "feedback": (
                                    "Richtig. Die Offenlegung gegenüber den anderen Empfangenden "
                                    "kann eine Datenpanne sein, die bewertet werden muss."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Ich schicke eine zweite E-Mail an alle und bitte darum, die "
                                    "erste zu ignorieren."
                                ),
                                "feedback": (
                                    "Das ändert nichts an der Offenlegung und sollte ohnehin nur "
                                    "in Abstimmung mit den zuständigen Stellen geschehen."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Fall 2: Der verschwundene USB-Stick",
                        "situation": (
                            "<p>Nach einer Dienstreise stellen Sie fest, dass Ihr dienstlicher "
                            "USB-Stick fehlt. Darauf befanden sich Teilnehmerlisten mit Namen und "
                            "Anschriften. Der Stick war mit dem dienstlichen Verfahren "
                            "verschlüsselt.</p>"
                        ),
                        "question": "Müssen Sie den Verlust melden?",
                        "choices": [
                            {
                                "text": (
                                    "Ja, ich melde den Verlust sofort und gebe an, dass der Stick "
                                    "verschlüsselt war."
                                ),
                                "feedback": (
                                    "Richtig. Die Verschlüsselung senkt das Risiko deutlich und "
                                    "ist für die Bewertung wichtig. Melden müssen Sie trotzdem – "
                                    "die Dienststelle dokumentiert jede Datenpanne."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Nein, der Stick war verschlüsselt, damit ist die Sache "
                                    "erledigt."
                                ),
                                "feedback": (
                                    "Die Verschlüsselung ist ein wichtiger Punkt, aber die "
                                    "Bewertung übernehmen die zuständigen Stellen, nicht Sie "
                                    "allein. Auch der Verlust muss intern gemeldet und "
                                    "dokumentiert werden."
                                ),
                                "recommended": False,
                            },
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
                                    "Muss ich auch melden, wenn ich mir nicht sicher bin, ob "
                                    "überhaupt personenbezogene Daten betroffen sind?"
                                ),
                                "answer": (
                                    "<p>Ja. Melden Sie lieber einmal zu viel. Die zuständigen "
                                    "Stellen klären, ob personenbezogene Daten betroffen sind.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Drohen mir Konsequenzen, wenn ich einen eigenen Fehler melde?"
                                ),
                                "answer": (
                                    "<p>Eine offene, schnelle Meldung ist richtiges Verhalten und "
                                    "wird auch so gesehen. Problematisch ist vor allem, einen "
                                    "Vorfall zu verschweigen oder zu vertuschen.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Ich habe eine Datenpanne bei einer Kollegin bemerkt. Was tun?"
                                ),
                                "answer": (
                                    "<p>Sprechen Sie die Kollegin an, wenn das schnell möglich "
                                    "ist, und sorgen Sie dafür, dass der Vorfall unverzüglich "
                                    "gemeldet wird. Ist sie nicht erreichbar, melden Sie "
                                    "selbst.</p>"
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Wissenstest: Datenpannen",
        "intro": ("Prüfen Sie, ob Sie eine Datenpanne erkennen und richtig reagieren würden."),
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "attempts_per_period": 3,
        "attempt_period_hours": 24,
        "reread_after_failures": 2,
        "questions": [
            {
                "type": "single_choice",
                "question": (
                    "Welcher der folgenden Vorfälle ist eine Verletzung des Schutzes "
                    "personenbezogener Daten im Sinne von Art. 4 Nr. 12 DSGVO?"
                ),
                "explanation": (
                    "Gehen personenbezogene Daten an eine unbefugte Person, liegt eine Offenlegung "
                    "an Unbefugte und damit eine Datenpanne vor. Die übrigen Fälle betreffen keine "
                    "unbefugte Verarbeitung personenbezogener Daten."
                ),
                "options": [
                    {
                        "text": (
                            "Eine E-Mail mit einem ärztlichen Attest geht an die falsche "
                            "Empfängerin."
                        ),
                        "correct": True,
                        "feedback": (
                            "Richtig, hier werden Gesundheitsdaten einer unbefugten Person "
                            "offengelegt."
                        ),
                    },
                    {
                        "text": (
                            "Ein Kollege aus dem zuständigen Referat bearbeitet eine Akte im "
                            "Rahmen seiner Aufgaben."
                        ),
                        "correct": False,
                        "feedback": (
                            "Das ist eine befugte Verarbeitung im Rahmen seiner dienstlichen "
                            "Aufgaben."
                        ),
                    },
                    {
                        "text": (
                            "Sie löschen eine Phishing-Mail, ohne sie zu öffnen, und melden sie."
                        ),
                        "correct": False,
                        "feedback": (
                            "Hier sind keine personenbezogenen Daten abgeflossen – Sie haben "
                            "richtig gehandelt."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Eine Datenpanne liegt nur vor, wenn Daten absichtlich gestohlen wurden."
                ),
                "correct": False,
                "feedback_true": (
                    "Leider falsch. Auch Versehen und technische Defekte können eine Datenpanne "
                    "auslösen."
                ),
                "feedback_false": (
                    "Richtig. Es kommt nicht darauf an, ob der Vorfall absichtlich oder "
                    "versehentlich geschah."
                ),
                "explanation": (
                    "Nach Art. 4 Nr. 12 DSGVO ist es unerheblich, ob eine Verletzung "
                    "unbeabsichtigt oder unrechtmäßig herbeigeführt wurde. Die meisten Datenpannen "
                    "entstehen durch Versehen."
                ),
            },
            {
                "type": "single_choice",
                "question": (
                    "Innerhalb welcher Frist muss die Dienststelle eine meldepflichtige Datenpanne "
                    "möglichst an die Aufsichtsbehörde melden?"
                ),
                "explanation": (
                    "Art. 33 DSGVO verlangt eine Meldung unverzüglich und möglichst binnen 72 "
                    "Stunden, nachdem die Verantwortliche die Panne bemerkt hat. Die Frist läuft "
                    "auch am Wochenende."
                ),
                "options": [
                    {
                        "text": "Innerhalb von 24 Stunden",
                        "correct": False,
                        "feedback": "Die DSGVO nennt eine andere Frist.",
                    },
                    {
                        "text": "Innerhalb von 72 Stunden nach Kenntnis",
                        "correct": True,
                        "feedback": (
                            "Richtig, und zwar unverzüglich – 72 Stunden sind die Obergrenze im "
                            "Regelfall."
                        ),
                    },
                    {
                        "text": "Innerhalb von 72 Arbeitsstunden, also ohne Wochenenden",
                        "correct": False,
                        "feedback": (
                            "Die 72 Stunden laufen auch nachts, am Wochenende und an Feiertagen."
                        ),
                    },
                    {
                        "text": "Erst wenn sich Betroffene beschweren",
                        "correct": False,
                        "feedback": "Die Meldepflicht hängt nicht von Beschwerden ab.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": (
                    "Sie bemerken, dass Sie eine E-Mail mit personenbezogenen Daten an einen "
                    "falschen Empfänger geschickt haben. Was tun Sie?"
                ),
                "explanation": (
                    "Richtig sind eine sofortige Meldung nach dem internen Prozess und eine "
                    "sachliche Dokumentation. Löschen oder Abwarten verhindert, dass die "
                    "Dienststelle rechtzeitig handeln kann."
                ),
                "options": [
                    {
                        "text": (
                            "Sofort nach dem internen Meldeprozess melden, z. B. an Führungskraft "
                            "und Datenschutzbeauftragte(n)"
                        ),
                        "correct": True,
                        "feedback": "Richtig, jede Minute zählt.",
                    },
                    {
                        "text": (
                            "Festhalten, wann die E-Mail an wen ging und welche Daten sie enthielt"
                        ),
                        "correct": True,
                        "feedback": (
                            "Richtig, diese Angaben brauchen die zuständigen Stellen für die "
                            "Bewertung."
                        ),
                    },
                    {
                        "text": "Die gesendete E-Mail löschen, damit kein Nachweis bleibt",
                        "correct": False,
                        "feedback": (
                            "Das ist Vertuschung und hilft niemandem – der Empfänger hat die Daten "
                            "trotzdem."
                        ),
                    },
                    {
                        "text": "Abwarten, ob sich der Empfänger meldet",
                        "correct": False,
                        "feedback": (
                            "Abwarten kostet wertvolle Zeit innerhalb der 72-Stunden-Frist."
                        ),
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Als Beschäftigte bzw. Beschäftigter müssen Sie eine Datenpanne selbst an die "
                    "Aufsichtsbehörde melden."
                ),
                "correct": False,
                "feedback_true": (
                    "Leider falsch. Die Meldung an die Aufsichtsbehörde übernimmt die Dienststelle "
                    "als Verantwortliche."
                ),
                "feedback_false": (
                    "Richtig. Sie melden intern, die Dienststelle entscheidet über die Meldung an "
                    "die Aufsichtsbehörde."
                ),
                "explanation": (
                    "Verantwortlich im Sinne der DSGVO ist die Dienststelle. Sie prüft, beraten "
                    "durch die bzw. den Datenschutzbeauftragten, ob eine Meldung nach Art. 33 "
                    "DSGVO nötig ist. Ihre Pflicht ist die unverzügliche interne Meldung."
                ),
            },
            {
                "type": "single_choice",
                "question": (
                    "Wann muss die Dienststelle die betroffenen Personen selbst benachrichtigen?"
                ),
                "explanation": (
                    "Nach Art. 34 DSGVO sind Betroffene zu benachrichtigen, wenn die Datenpanne "
                    "voraussichtlich ein hohes Risiko für ihre Rechte und Freiheiten zur Folge hat."
                ),
                "options": [
                    {
                        "text": "Bei jeder noch so kleinen Datenpanne",
                        "correct": False,
                        "feedback": (
                            "Nein, die Benachrichtigungspflicht knüpft an ein hohes Risiko an."
                        ),
                    },
                    {
                        "text": (
                            "Wenn voraussichtlich ein hohes Risiko für ihre Rechte und Freiheiten "
                            "besteht"
                        ),
                        "correct": True,
                        "feedback": "Richtig, so regelt es Art. 34 DSGVO.",
                    },
                    {
                        "text": "Nie – das übernimmt immer die Aufsichtsbehörde",
                        "correct": False,
                        "feedback": (
                            "Die Benachrichtigung ist Aufgabe der Verantwortlichen, also der "
                            "Dienststelle."
                        ),
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": (
                    "Welche Angaben helfen den zuständigen Stellen bei der Bewertung einer "
                    "Datenpanne?"
                ),
                "explanation": (
                    "Für die Bewertung zählen Fakten: was, wann, welche Daten, wie viele "
                    "Betroffene und welche Maßnahmen bereits ergriffen wurden. Vermutungen über "
                    "Schuldige helfen nicht weiter."
                ),
                "options": [
                    {
                        "text": "Zeitpunkt des Vorfalls und wann er bemerkt wurde",
                        "correct": True,
                        "feedback": "Richtig, wichtig auch für die 72-Stunden-Frist.",
                    },
                    {
                        "text": "Art der betroffenen Daten",
                        "correct": True,
                        "feedback": "Richtig, z. B. ob Gesundheits- oder Bankdaten betroffen sind.",
                    },
                    {
                        "text": "Ungefähre Zahl der betroffenen Personen",
                        "correct": True,
                        "feedback": "Richtig, das beeinflusst die Risikobewertung.",
                    },
                    {
                        "text": "Vermutungen darüber, welche Kollegin schuld sein könnte",
                        "correct": False,
                        "feedback": "Schuldzuweisungen gehören nicht in eine sachliche Meldung.",
                    },
                ],
            },
        ],
    },
}
