"""Demo-Lerninhalt (Sensi): Modul „Datenschutz im Homeoffice“."""

from demo.videos import video

from .exercises import PAPIER_ENTSORGEN

MODULE = {
    "slug": "datenschutz-homeoffice",
    "title": "Datenschutz im Homeoffice",
    "topic": "data_protection",
    "summary": (
        "Zu Hause gelten für personenbezogene Daten dieselben Regeln wie in der Dienststelle. Hier "
        "erfahren Sie, wie Sie Bildschirm, Gespräche, Papier und Datenträger vor neugierigen "
        "Blicken und Ohren schützen."
    ),
    "objectives": [
        (
            "Sie richten Ihren Heimarbeitsplatz so ein, dass Unbefugte keine dienstlichen "
            "Informationen sehen oder hören."
        ),
        "Sie führen Telefonate und Videokonferenzen datenschutzgerecht.",
        (
            "Sie bewahren Ausdrucke sicher auf und entsorgen sie richtig, z. B. mit einem "
            "Aktenvernichter der passenden Sicherheitsstufe nach DIN 66399."
        ),
        (
            "Sie wissen, warum private Geräte und Dienste für dienstliche Daten tabu sind, und "
            "transportieren Unterlagen sicher."
        ),
    ],
    "minutes": 14,
    "version": "1.0",
    "image_alt": "Stilisierter Schreibtisch mit Laptop in einem Haus-Umriss, darüber ein Schloss",
    "motif": "homeoffice",
    "lessons": [
        {
            "slug": "bildschirm-und-haushalt",
            "title": "Bildschirm, Sperre und Mitbewohnende",
            "intro": (
                "Familie, Mitbewohnende und Besuch sind aus Sicht des Datenschutzes Unbefugte – "
                "auch wenn Sie ihnen privat voll vertrauen."
            ),
            "body": [
                ("heading", {"text": "Zu Hause gelten dieselben Regeln", "level": "h2"}),
                ("video", video("bildschirm-sperren", "de")),
                (
                    "text",
                    (
                        "<p>Die Datenschutz-Grundverordnung (DSGVO) verlangt, dass "
                        "personenbezogene Daten vertraulich behandelt und vor unbefugtem Zugriff "
                        "geschützt werden. Das gilt im Homeoffice genauso wie im Büro. Unbefugt "
                        "ist dabei jede Person, die die Daten nicht für ihre dienstlichen Aufgaben "
                        "benötigt – also auch Ihre Partnerin oder Ihr Partner, Ihre Kinder, "
                        "Mitbewohnende oder Handwerker.</p><p>Richten Sie Ihren Arbeitsplatz "
                        "deshalb möglichst in einem Raum ein, den Sie schließen können. Stellen "
                        "Sie den Bildschirm so auf, dass niemand von der Tür oder vom Fenster aus "
                        "mitlesen kann. Eine Blickschutzfolie hilft zusätzlich, wenn sich das "
                        "nicht vermeiden lässt.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Sperren wird zur Gewohnheit",
                        "text": (
                            "<p>Sperren Sie Ihren Bildschirm jedes Mal, wenn Sie den Platz "
                            "verlassen – auch nur für einen Kaffee. Unter Windows geht das mit der "
                            "Tastenkombination <strong>Windows-Taste + L</strong>. Wer das ein "
                            "paar Tage konsequent macht, tut es bald automatisch.</p>"
                        ),
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Checkliste: Ihr Arbeitsplatz",
                        "items": [
                            "Bildschirm so ausgerichtet, dass niemand mitlesen kann.",
                            "Bildschirm bei jedem Verlassen des Platzes sperren.",
                            (
                                "Dienstgerät nicht von anderen Haushaltsmitgliedern nutzen lassen "
                                "– auch nicht kurz."
                            ),
                            (
                                "Dienstliche Unterlagen nach Arbeitsende wegschließen "
                                "(aufgeräumter Schreibtisch)."
                            ),
                            "Zugangsdaten und Token nicht offen liegen lassen.",
                        ],
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Ihr Sohn fragt, ob er schnell etwas für die Schule auf Ihrem "
                            "Dienstlaptop nachschauen darf. Sein eigener Rechner ist gerade "
                            "kaputt, und Sie sind ohnehin im Raum.</p>"
                        ),
                        "question": "Wie reagieren Sie?",
                        "choices": [
                            {
                                "text": "Ich erlaube es, solange ich daneben sitze.",
                                "feedback": (
                                    "Auch unter Aufsicht darf das Dienstgerät nicht von Unbefugten "
                                    "genutzt werden. Dienstliche Daten und Zugänge wären "
                                    "ungeschützt."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich lehne freundlich ab und suche mit ihm eine andere Lösung, "
                                    "z. B. ein privates Gerät."
                                ),
                                "feedback": (
                                    "Richtig. Das Dienstgerät ist ausschließlich für dienstliche "
                                    "Zwecke und für Sie persönlich bestimmt."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Ich melde mich ab und lasse ihn mit einem Gastkonto arbeiten."
                                ),
                                "feedback": (
                                    "Auch das ist nicht zulässig. Private Nutzung durch Dritte ist "
                                    "auf Dienstgeräten nicht vorgesehen."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "telefonate-und-videokonferenzen",
            "title": "Telefonate und Videokonferenzen",
            "intro": (
                "Im Homeoffice hört die Familie schneller mit, als Ihnen lieb ist – und die Kamera "
                "zeigt oft mehr als nur Sie."
            ),
            "body": [
                ("heading", {"text": "Wer hört mit?", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Bei dienstlichen Telefonaten geht es oft um Personen: Antragstellende, "
                        "Beschäftigte, Bürgerinnen und Bürger. Führen Sie solche Gespräche bei "
                        "geschlossener Tür und mit Headset statt über den Lautsprecher. Nennen Sie "
                        "Namen und Details nur so weit, wie es für das Gespräch nötig ist. Denken "
                        "Sie auch an offene Fenster, den Balkon und smarte Lautsprecher im "
                        "Raum.</p>"
                    ),
                ),
                (
                    "heading",
                    {"text": "Videokonferenzen datenschutzgerecht gestalten", "level": "h3"},
                ),
                (
                    "text",
                    (
                        "<p>Nutzen Sie ausschließlich die von Ihrer Dienststelle freigegebenen "
                        "Konferenzwerkzeuge. Prüfen Sie vor dem Einschalten der Kamera, was im "
                        "Hintergrund zu sehen ist: Pinnwände, Kalender, Familienfotos oder "
                        "Unterlagen auf dem Schreibtisch. Ein Weichzeichner oder ein neutraler "
                        "virtueller Hintergrund hilft. Teilen Sie beim Präsentieren nur das "
                        "Fenster, das Sie zeigen möchten, nicht den ganzen Bildschirm, und "
                        "schalten Sie Benachrichtigungen vorher stumm.</p>"
                    ),
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            "Vertrauliche Gespräche bei geschlossener Tür und mit Headset führen.",
                            "Vor der Konferenz den Kamerahintergrund prüfen.",
                            "Nur das benötigte Fenster teilen.",
                            (
                                "Zu Beginn klären, ob alle Anwesenden teilnehmen dürfen, wenn "
                                "vertrauliche Themen besprochen werden."
                            ),
                        ],
                        "donts": [
                            "Über Lautsprecher telefonieren, während andere im Raum sind.",
                            (
                                "Nicht freigegebene private Videodienste oder Messenger für "
                                "dienstliche Gespräche nutzen."
                            ),
                            "Konferenzen ohne Einwilligung aller Beteiligten aufzeichnen.",
                            (
                                "Einwahllinks zu dienstlichen Besprechungen öffentlich oder an "
                                "Unbeteiligte weitergeben."
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
                                    "Mein Partner arbeitet im selben Raum. Was tun bei "
                                    "vertraulichen Gesprächen?"
                                ),
                                "answer": (
                                    "<p>Wechseln Sie für die Dauer des Gesprächs den Raum oder "
                                    "vereinbaren Sie, dass Ihr Partner den Raum verlässt. Ein "
                                    "Headset schützt nur Ihr Gegenüber, nicht das, was Sie selbst "
                                    "sagen.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Darf ich eine Videokonferenz aufzeichnen, um später ein "
                                    "Protokoll zu schreiben?"
                                ),
                                "answer": (
                                    "<p>Nur wenn Ihre Dienststelle das zulässt und alle "
                                    "Beteiligten vorher informiert wurden und eingewilligt haben. "
                                    "Im Zweifel fragen Sie Ihre Datenschutzbeauftragte bzw. Ihren "
                                    "Datenschutzbeauftragten.</p>"
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
                            "<p>Sie moderieren eine Videokonferenz, in der ein Beschwerdefall mit "
                            "vollem Namen der betroffenen Bürgerin besprochen wird. Kurz nach "
                            "Beginn sehen Sie, dass ein Teilnehmer offenbar mit Lautsprecher im "
                            "Großraum eines Cafés sitzt.</p>"
                        ),
                        "question": "Wie gehen Sie vor?",
                        "choices": [
                            {
                                "text": (
                                    "Ich spreche es an und bitte ihn, ein Headset zu nutzen oder "
                                    "einen ruhigen Ort aufzusuchen, bevor wir den Fall besprechen."
                                ),
                                "feedback": (
                                    "Richtig. Als Moderatorin bzw. Moderator tragen Sie dazu bei, "
                                    "dass vertrauliche Inhalte nur die Berechtigten erreichen."
                                ),
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Ich fahre fort – er ist ja für seine Umgebung selbst "
                                    "verantwortlich."
                                ),
                                "feedback": (
                                    "Die Daten der Bürgerin würden für Unbeteiligte hörbar. Jede "
                                    "und jeder Beteiligte trägt hier Verantwortung."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich schreibe die sensiblen Details stattdessen in den Chat."
                                ),
                                "feedback": (
                                    "Das verlagert das Problem nur: Der Bildschirm kann ebenso "
                                    "eingesehen werden, und Chats werden teils gespeichert."
                                ),
                                "recommended": False,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "papier-und-entsorgung",
            "title": "Ausdrucke aufbewahren und entsorgen",
            "intro": "Papier ist geduldig – und landet leider oft an der falschen Stelle.",
            "body": [
                ("heading", {"text": "So wenig Papier wie möglich", "level": "h2"}),
                (
                    "text",
                    (
                        "<p>Die beste Datenschutzmaßnahme für Papier ist, gar nicht erst zu "
                        "drucken. Ob und was Sie im Homeoffice ausdrucken dürfen, regelt Ihre "
                        "Dienststelle. Wenn Ausdrucke nötig und erlaubt sind, bewahren Sie sie "
                        "verschlossen auf, etwa in einem abschließbaren Schrank oder "
                        "Rollcontainer. Für Verschlusssachen gelten gesonderte Vorschriften, die "
                        "Sie unbedingt beachten müssen.</p><p>Dienstliche Ausdrucke gehören "
                        "<strong>niemals</strong> in den Hausmüll oder ins Altpapier. Dort sind "
                        "sie für jede Person zugänglich, die die Tonne öffnet.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "important",
                        "title": "Aktenvernichter: auf die Sicherheitsstufe kommt es an",
                        "text": (
                            "<p>Die Norm DIN 66399 teilt Aktenvernichter für Papier in die "
                            "Sicherheitsstufen P-1 bis P-7 ein. Je höher die Stufe, desto kleiner "
                            "die Partikel. Für Unterlagen mit personenbezogenen Daten kommen nach "
                            "der Norm erst die Stufen ab P-3 infrage; für dienstliche Unterlagen "
                            "wird häufig <strong>P-4</strong> empfohlen, bei besonders "
                            "schutzbedürftigen Daten auch eine höhere Stufe. Maßgeblich sind die "
                            "Vorgaben Ihrer Dienststelle. Einfache Geräte mit breitem "
                            "Streifenschnitt reichen nicht aus. Haben Sie keinen geeigneten "
                            "Aktenvernichter, nehmen Sie die Unterlagen verschlossen mit in die "
                            "Dienststelle und entsorgen Sie sie dort über die vorgesehenen "
                            "Datenschutzbehälter.</p>"
                        ),
                    },
                ),
                PAPIER_ENTSORGEN,
                (
                    "checklist",
                    {
                        "title": "Checkliste: Papier im Homeoffice",
                        "items": [
                            "Nur drucken, was wirklich nötig und erlaubt ist.",
                            "Ausdrucke sofort vom Drucker holen.",
                            "Unterlagen bei Abwesenheit und nach Dienstschluss wegschließen.",
                            (
                                "Entsorgung nur per Aktenvernichter mit ausreichender "
                                "Sicherheitsstufe oder über die Dienststelle."
                            ),
                            (
                                "Fehldrucke und Notizzettel mit personenbezogenen Daten genauso "
                                "behandeln wie Originale."
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
                                "question": "Reicht es, die Blätter mehrfach zu zerreißen?",
                                "answer": (
                                    "<p>Nein. Von Hand zerrissene Seiten lassen sich mit wenig "
                                    "Aufwand wieder zusammensetzen. Nutzen Sie einen geeigneten "
                                    "Aktenvernichter oder die Entsorgung über Ihre "
                                    "Dienststelle.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Woran erkenne ich die Sicherheitsstufe meines "
                                    "Aktenvernichters?"
                                ),
                                "answer": (
                                    "<p>Die Stufe ist auf dem Gerät, der Verpackung oder in der "
                                    "Bedienungsanleitung angegeben, z. B. als „P-4“. Fehlt eine "
                                    "Angabe, gehen Sie davon aus, dass das Gerät für dienstliche "
                                    "Unterlagen nicht geeignet ist.</p>"
                                ),
                            },
                            {
                                "question": (
                                    "Was mache ich mit Notizen, die ich während eines Telefonats "
                                    "gemacht habe?"
                                ),
                                "answer": (
                                    "<p>Behandeln Sie sie wie jeden anderen dienstlichen Ausdruck: "
                                    "wegschließen, solange Sie sie benötigen, und danach sicher "
                                    "vernichten.</p>"
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": "private-geraete-und-transport",
            "title": "Private Geräte und der Transport von Unterlagen",
            "intro": (
                "Dienstliche Daten bleiben auf dienstlichen Geräten – und unterwegs gut verpackt."
            ),
            "body": [
                (
                    "heading",
                    {"text": "Private Geräte und Dienste bleiben außen vor", "level": "h2"},
                ),
                (
                    "text",
                    (
                        "<p>Private Laptops, Smartphones, E-Mail-Postfächer, Cloud-Speicher oder "
                        "Messenger sind für dienstliche personenbezogene Daten nicht zugelassen, "
                        "sofern Ihre Dienststelle nicht ausdrücklich etwas anderes regelt. Die "
                        "Dienststelle ist für die Daten verantwortlich und muss ihren Schutz "
                        "gewährleisten können – auf privaten Geräten ist das nicht möglich. Zudem "
                        "würden Anbieter privater Dienste Einblick in dienstliche Inhalte "
                        "erhalten.</p><p>Müssen Sie Papierakten oder Datenträger zwischen "
                        "Dienststelle und Wohnung transportieren, nutzen Sie eine verschlossene "
                        "Tasche und tragen Sie sie bei sich. Lesen Sie vertrauliche Unterlagen "
                        "nicht in Bus oder Bahn, und lassen Sie sie nie im Auto zurück.</p>"
                    ),
                ),
                (
                    "do_dont",
                    {
                        "title": "Richtig und falsch",
                        "dos": [
                            (
                                "Dienstliche Daten nur auf Dienstgeräten und in freigegebenen "
                                "Systemen verarbeiten."
                            ),
                            (
                                "Unterlagen in einer verschlossenen Tasche transportieren und bei "
                                "sich tragen."
                            ),
                            "Nur verschlüsselte, dienstlich ausgegebene Datenträger verwenden.",
                            "Nur die Unterlagen mitnehmen, die Sie wirklich brauchen.",
                        ],
                        "donts": [
                            "Dokumente an die private E-Mail-Adresse weiterleiten.",
                            "Dienstliche Fotos oder Dateien über private Messenger verschicken.",
                            "Akten im Auto liegen lassen, auch nicht „nur kurz“.",
                            "Vertrauliche Unterlagen in öffentlichen Verkehrsmitteln lesen.",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Verlust sofort melden",
                        "text": (
                            "<p>Geht Ihnen eine Akte, ein Datenträger oder ein Dienstgerät "
                            "verloren oder wird es gestohlen, melden Sie das "
                            "<strong>sofort</strong> nach dem internen Meldeprozess Ihrer "
                            "Dienststelle, etwa an Ihre Führungskraft, den IT-Service-Desk und die "
                            "bzw. den Datenschutzbeauftragten. Es kann sich um eine "
                            "meldepflichtige Datenpanne handeln, für die enge Fristen gelten.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Was tun Sie?",
                        "situation": (
                            "<p>Sie fahren nach dem Dienst mit einer Akte zum Homeoffice-Tag am "
                            "nächsten Morgen. Auf dem Heimweg wollen Sie kurz im Supermarkt "
                            "einkaufen.</p>"
                        ),
                        "question": "Was machen Sie mit der Akte?",
                        "choices": [
                            {
                                "text": (
                                    "Ich lege die Tasche in den Kofferraum, dort sieht sie niemand."
                                ),
                                "feedback": (
                                    "Auch Kofferräume werden aufgebrochen. Dienstliche Unterlagen "
                                    "bleiben nicht unbeaufsichtigt im Auto."
                                ),
                                "recommended": False,
                            },
                            {
                                "text": (
                                    "Ich nehme die verschlossene Tasche mit in den Supermarkt oder "
                                    "fahre zuerst nach Hause."
                                ),
                                "feedback": "Richtig. Unterlagen bleiben unter Ihrer Aufsicht.",
                                "recommended": True,
                            },
                            {
                                "text": (
                                    "Ich fotografiere die wichtigsten Seiten mit dem privaten "
                                    "Handy und lasse die Akte im Büro."
                                ),
                                "feedback": (
                                    "Dann lägen dienstliche personenbezogene Daten auf Ihrem "
                                    "privaten Gerät und ggf. in dessen Cloud – das ist nicht "
                                    "zulässig."
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
        "title": "Wissenstest: Datenschutz im Homeoffice",
        "intro": ("Prüfen Sie, wie gut Sie personenbezogene Daten am Heimarbeitsplatz schützen."),
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "attempts_per_period": 3,
        "attempt_period_hours": 24,
        "reread_after_failures": 2,
        "questions": [
            {
                "type": "true_false",
                "question": (
                    "Ihre Familienangehörigen dürfen dienstliche Unterlagen sehen, solange sie zur "
                    "Verschwiegenheit verpflichtet sind."
                ),
                "correct": False,
                "feedback_true": (
                    "Leider falsch. Familienangehörige sind aus Sicht des Datenschutzes Unbefugte."
                ),
                "feedback_false": (
                    "Richtig. Wer die Daten nicht dienstlich benötigt, darf sie nicht einsehen – "
                    "auch nicht in der Familie."
                ),
                "explanation": (
                    "Zugriff auf personenbezogene Daten haben nur Personen, die sie für ihre "
                    "dienstlichen Aufgaben benötigen. Ein privates Versprechen ändert daran nichts."
                ),
            },
            {
                "type": "single_choice",
                "question": "Welche Aussage zu Aktenvernichtern nach DIN 66399 trifft zu?",
                "explanation": (
                    "Die Sicherheitsstufen P-1 bis P-7 beschreiben, wie klein das Papier "
                    "zerkleinert wird. Für personenbezogene Daten kommen erst die Stufen ab P-3 "
                    "infrage, für dienstliche Unterlagen wird häufig P-4 empfohlen."
                ),
                "options": [
                    {
                        "text": (
                            "Jeder Aktenvernichter ist für Unterlagen mit personenbezogenen Daten "
                            "geeignet."
                        ),
                        "correct": False,
                        "feedback": (
                            "Nein, Geräte mit niedriger Stufe hinterlassen zu große Papierstreifen."
                        ),
                    },
                    {
                        "text": "P-1 ist die sicherste Stufe.",
                        "correct": False,
                        "feedback": "Umgekehrt: P-1 ist die niedrigste, P-7 die höchste Stufe.",
                    },
                    {
                        "text": (
                            "Je höher die Stufe, desto kleiner die Partikel; für personenbezogene "
                            "Daten kommen nur mittlere und höhere Stufen infrage."
                        ),
                        "correct": True,
                        "feedback": (
                            "Richtig, häufig wird für dienstliche Unterlagen P-4 empfohlen."
                        ),
                    },
                    {
                        "text": (
                            "Die Sicherheitsstufe spielt nur bei der Vernichtung von Festplatten "
                            "eine Rolle."
                        ),
                        "correct": False,
                        "feedback": "Nein, die P-Stufen gelten gerade für Papier.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": (
                    "Was sollten Sie vor einer dienstlichen Videokonferenz im Homeoffice tun?"
                ),
                "explanation": (
                    "Hintergrund, Geräuschkulisse und geteilte Inhalte entscheiden darüber, ob "
                    "Unbefugte etwas mitbekommen. Private Dienste sind für dienstliche Gespräche "
                    "nicht freigegeben."
                ),
                "options": [
                    {
                        "text": "Den Kamerahintergrund auf sichtbare Unterlagen prüfen",
                        "correct": True,
                        "feedback": "Richtig, Pinnwände und Unterlagen können viel verraten.",
                    },
                    {
                        "text": "Die Tür schließen und ein Headset bereitlegen",
                        "correct": True,
                        "feedback": "Richtig, so hören Mitbewohnende nicht mit.",
                    },
                    {
                        "text": (
                            "Benachrichtigungen stumm schalten, bevor Sie den Bildschirm teilen"
                        ),
                        "correct": True,
                        "feedback": (
                            "Richtig, sonst erscheinen womöglich fremde Nachrichten für alle "
                            "sichtbar."
                        ),
                    },
                    {
                        "text": "Zur Sicherheit auf einen privaten Videodienst ausweichen",
                        "correct": False,
                        "feedback": (
                            "Nein, nutzen Sie nur die von Ihrer Dienststelle freigegebenen "
                            "Werkzeuge."
                        ),
                    },
                ],
            },
            {
                "type": "single_choice",
                "question": (
                    "Sie haben zu Hause keinen geeigneten Aktenvernichter. Wie entsorgen Sie "
                    "dienstliche Ausdrucke?"
                ),
                "explanation": (
                    "Ohne geeignetes Gerät nehmen Sie die Unterlagen verschlossen mit in die "
                    "Dienststelle und entsorgen sie dort über die Datenschutzbehälter."
                ),
                "options": [
                    {
                        "text": "Zerreißen und ins Altpapier geben",
                        "correct": False,
                        "feedback": (
                            "Zerrissene Seiten lassen sich wieder zusammensetzen, und "
                            "Altpapiertonnen sind frei zugänglich."
                        ),
                    },
                    {
                        "text": (
                            "Verschlossen in die Dienststelle mitnehmen und dort in den "
                            "Datenschutzbehälter geben"
                        ),
                        "correct": True,
                        "feedback": "Richtig, so werden sie fachgerecht vernichtet.",
                    },
                    {
                        "text": "Im Hausmüll unter anderen Abfällen verstecken",
                        "correct": False,
                        "feedback": (
                            "Auch Hausmüll ist kein sicherer Entsorgungsweg für dienstliche "
                            "Unterlagen."
                        ),
                    },
                    {
                        "text": "Im Kamin verbrennen",
                        "correct": False,
                        "feedback": "Das ist kein vorgesehener, nachvollziehbarer Entsorgungsweg.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "question": (
                    "Welche Verhaltensweisen sind beim Umgang mit dienstlichen Daten im Homeoffice "
                    "unzulässig?"
                ),
                "explanation": (
                    "Private E-Mail, Messenger und Cloud-Speicher sind für dienstliche Daten nicht "
                    "zugelassen, sofern Ihre Dienststelle nichts anderes regelt. Das Sperren des "
                    "Bildschirms ist dagegen vorgeschrieben und richtig."
                ),
                "options": [
                    {
                        "text": (
                            "Ein Dokument an die private E-Mail-Adresse schicken, um es am eigenen "
                            "Rechner zu bearbeiten"
                        ),
                        "correct": True,
                        "feedback": "Richtig, das ist unzulässig.",
                    },
                    {
                        "text": "Eine Akte mit dem privaten Smartphone abfotografieren",
                        "correct": True,
                        "feedback": (
                            "Richtig, das ist unzulässig – die Fotos landen oft automatisch in "
                            "einer privaten Cloud."
                        ),
                    },
                    {
                        "text": "Den Bildschirm beim Verlassen des Raums sperren",
                        "correct": False,
                        "feedback": "Das ist genau richtig und kein Verstoß.",
                    },
                    {
                        "text": (
                            "Eine Datei über einen privaten Messenger an eine Kollegin schicken"
                        ),
                        "correct": True,
                        "feedback": "Richtig, das ist unzulässig.",
                    },
                ],
            },
            {
                "type": "true_false",
                "question": (
                    "Geht Ihnen eine Akte auf dem Heimweg verloren, müssen Sie dies sofort nach "
                    "dem internen Meldeprozess melden."
                ),
                "correct": True,
                "feedback_true": (
                    "Richtig. Es kann sich um eine meldepflichtige Datenpanne handeln, für die "
                    "enge Fristen gelten."
                ),
                "feedback_false": (
                    "Leider falsch. Ein Verlust muss sofort gemeldet werden, damit die "
                    "Dienststelle ihre Pflichten erfüllen kann."
                ),
                "explanation": (
                    "Der Verlust personenbezogener Daten kann eine Datenpanne sein, die die "
                    "Dienststelle innerhalb von 72 Stunden an die Aufsichtsbehörde melden muss. "
                    "Dafür braucht sie Ihre schnelle Meldung."
                ),
            },
        ],
    },
}
