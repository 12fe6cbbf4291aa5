"""The demo clips as data: their slides (what the picture shows) and their cues (what the
captions say, timed to the slides), in German and English. `make_clips.py` renders the
videos and WebVTT files from it; `demo.videos` takes the titles and transcripts from it.
Plain data, no Django, so that the generator runs without the project's settings."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Slide:
    seconds: int
    heading: dict[str, str]
    lines: dict[str, tuple[str, ...]]
    caption: dict[str, str]  # the cue shown while the slide is on screen


@dataclass(frozen=True)
class Clip:
    name: str
    title: dict[str, str]
    accent: tuple[int, int, int]
    slides: tuple[Slide, ...]
    languages: tuple[str, ...] = ("de",)  # the languages the slides are rendered in


BLUE = (11, 83, 148)
GREEN = (30, 107, 53)
RED = (140, 30, 40)

CLIPS = (
    Clip(
        name="phishing-drei-fragen",
        title={
            "de": "Drei Fragen vor jedem Klick",
            "en": "Three questions before every click",
        },
        accent=BLUE,
        languages=("de", "en"),
        slides=(
            Slide(
                4,
                {"de": "Drei Fragen vor jedem Klick", "en": "Three questions before every click"},
                {
                    "de": ("Phishing erkennen in 20 Sekunden",),
                    "en": ("Spot phishing in 20 seconds",),
                },
                {
                    "de": "Drei Fragen schützen Sie vor den meisten Phishing-Mails.",
                    "en": "Three questions protect you from most phishing e-mails.",
                },
            ),
            Slide(
                5,
                {"de": "1. Wer schreibt wirklich?", "en": "1. Who is really writing?"},
                {
                    "de": ("Lesen Sie die Absenderadresse,", "nicht nur den Namen."),
                    "en": ("Read the sender's address,", "not just the name."),
                },
                {
                    "de": "Erstens: Wer schreibt wirklich? Lesen Sie die Adresse, nicht nur den "
                    "angezeigten Namen.",
                    "en": "First: who is really writing? Read the address, not just the "
                    "display name.",
                },
            ),
            Slide(
                5,
                {"de": "2. Wohin führt der Link?", "en": "2. Where does the link lead?"},
                {
                    "de": ("Zeigen Sie auf den Link", "und lesen Sie das Ziel."),
                    "en": ("Point at the link", "and read its target."),
                },
                {
                    "de": "Zweitens: Wohin führt der Link? Zeigen Sie darauf, ohne zu klicken, "
                    "und lesen Sie das Ziel.",
                    "en": "Second: where does the link lead? Point at it without clicking and "
                    "read the target.",
                },
            ),
            Slide(
                5,
                {"de": "3. Warum so eilig?", "en": "3. Why the hurry?"},
                {
                    "de": ("Zeitdruck und Drohungen", "sind typische Warnzeichen."),
                    "en": ("Time pressure and threats", "are typical warning signs."),
                },
                {
                    "de": "Drittens: Warum so eilig? Zeitdruck und Drohungen sind typische "
                    "Warnzeichen.",
                    "en": "Third: why the hurry? Time pressure and threats are typical "
                    "warning signs.",
                },
            ),
            Slide(
                4,
                {"de": "Im Zweifel: melden", "en": "When in doubt: report"},
                {
                    "de": ("Nicht klicken – den Verdacht melden.",),
                    "en": ("Don't click – report your suspicion.",),
                },
                {
                    "de": "Im Zweifel klicken Sie nicht, sondern melden den Verdacht.",
                    "en": "When in doubt, don't click: report your suspicion.",
                },
            ),
        ),
    ),
    Clip(
        name="bildschirm-sperren",
        title={"de": "Bildschirm sperren – jedes Mal", "en": "Lock your screen – every time"},
        accent=GREEN,
        slides=(
            Slide(
                4,
                {"de": "Bildschirm sperren – jedes Mal", "en": "Lock your screen – every time"},
                {"de": ("Auch für zwei Minuten",), "en": ("Even for two minutes",)},
                {
                    "de": "Sperren Sie den Bildschirm jedes Mal, wenn Sie den Platz verlassen – "
                    "auch für zwei Minuten.",
                    "en": "Lock your screen every time you leave your desk, even for two minutes.",
                },
            ),
            Slide(
                5,
                {"de": "Windows-Taste + L", "en": "Windows key + L"},
                {
                    "de": ("Eine Tastenkombination,", "eine Sekunde."),
                    "en": ("One key combination,", "one second."),
                },
                {
                    "de": "Unter Windows genügt die Windows-Taste zusammen mit L.",
                    "en": "On Windows, press the Windows key together with L.",
                },
            ),
            Slide(
                5,
                {"de": "Auch im Homeoffice", "en": "At home, too"},
                {
                    "de": ("Mitbewohnende, Kinder und Besuch", "sollen nichts mitlesen."),
                    "en": ("Flatmates, children and visitors", "should not read along."),
                },
                {
                    "de": "Auch im Homeoffice: Mitbewohnende, Kinder und Besuch sollen nichts "
                    "mitlesen oder versehentlich verschicken.",
                    "en": "At home, too: flatmates, children and visitors should not read along "
                    "or send anything by mistake.",
                },
            ),
        ),
    ),
    Clip(
        name="datenpanne-72-stunden",
        title={"de": "Datenpanne: Jede Minute zählt", "en": "Data breach: every minute counts"},
        accent=RED,
        slides=(
            Slide(
                4,
                {
                    "de": "Datenpanne? Jede Minute zählt.",
                    "en": "A data breach? Every minute counts.",
                },
                {
                    "de": ("Falsche Empfängerin, verlorener Stick,", "abgegriffenes Passwort"),
                    "en": ("Wrong recipient, lost USB stick,", "phished password"),
                },
                {
                    "de": "Eine falsch adressierte E-Mail oder ein verlorener USB-Stick kann "
                    "schon eine Datenpanne sein.",
                    "en": "An e-mail to the wrong person or a lost USB stick can already be a "
                    "data breach.",
                },
            ),
            Slide(
                6,
                {"de": "Sofort melden", "en": "Report at once"},
                {
                    "de": ("über den Meldeweg Ihrer Dienststelle –", "nicht selbst bewerten."),
                    "en": ("through your office's reporting channel –", "don't judge it yourself."),
                },
                {
                    "de": "Melden Sie den Vorfall sofort über den Meldeweg Ihrer Dienststelle. "
                    "Bewerten müssen Sie ihn nicht selbst.",
                    "en": "Report the incident at once through your office's reporting channel. "
                    "You do not have to assess it yourself.",
                },
            ),
            Slide(
                6,
                {"de": "72 Stunden", "en": "72 hours"},
                {
                    "de": ("hat die Dienststelle für die Meldung", "an die Aufsichtsbehörde."),
                    "en": ("for the office to notify", "the supervisory authority."),
                },
                {
                    "de": "Die Dienststelle muss die Aufsichtsbehörde möglichst binnen 72 Stunden "
                    "informieren, Art. 33 DSGVO – auch nachts und am Wochenende.",
                    "en": "The office must notify the supervisory authority within 72 hours "
                    "where feasible, Art. 33 GDPR – nights and weekends included.",
                },
            ),
            Slide(
                4,
                {"de": "Nichts löschen, nichts vertuschen", "en": "Delete nothing, hide nothing"},
                {
                    "de": ("Eine schnelle Meldung begrenzt den Schaden.",),
                    "en": ("A quick report limits the damage.",),
                },
                {
                    "de": "Löschen und vertuschen Sie nichts: Eine schnelle Meldung begrenzt den "
                    "Schaden.",
                    "en": "Delete nothing and hide nothing: a quick report limits the damage.",
                },
            ),
        ),
    ),
)


def cues(clip: Clip, language: str) -> list[tuple[int, int, str]]:
    """(start, end, text) in seconds, one cue per slide."""
    timed, start = [], 0
    for slide in clip.slides:
        timed.append((start, start + slide.seconds, slide.caption[language]))
        start += slide.seconds
    return timed


def webvtt(clip: Clip, language: str) -> str:
    def stamp(seconds: int) -> str:
        return f"00:{seconds // 60:02d}:{seconds % 60:02d}.000"

    blocks = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues(clip, language), start=1):
        blocks += [str(number), f"{stamp(start)} --> {stamp(end)}", text, ""]
    return "\n".join(blocks)


def video_file(clip: Clip, language: str) -> str:
    """The video whose slides are in `language`, or else in the clip's first language."""
    return f"{clip.name}.{language if language in clip.languages else clip.languages[0]}.mp4"


def captions_file(clip: Clip, language: str) -> str:
    return f"{clip.name}.{language}.vtt"
