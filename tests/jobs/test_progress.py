"""jobs.progress: the command line's text progress bar (on a terminal only)."""

import io

import pytest

from jobs.progress import TerminalProgress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_bar_is_drawn_on_a_terminal_and_cleared_at_the_end():
    stream = Terminal()
    bar = TerminalProgress(stream)
    bar(0, 4, "Zeilen prüfen")
    bar(4, 4, "Zeilen prüfen")
    assert "[------------------------------]   0% 0/4" in stream.getvalue()
    assert "Zeilen prüfen [##############################] 100% 4/4" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r" + " " * 79 + "\r")


def test_nothing_is_written_when_stderr_is_not_a_terminal_or_quiet():
    plain = io.StringIO()
    TerminalProgress(plain)(1, 2, "x")
    quiet = Terminal()
    TerminalProgress(quiet, enabled=False)(1, 2, "x")
    assert plain.getvalue() == quiet.getvalue() == ""


@pytest.mark.django_db
def test_the_commands_write_no_bar_into_captured_output():
    from django.core.management import call_command

    err = io.StringIO()
    call_command("verify_ledger", stdout=io.StringIO(), stderr=err)
    assert "[" not in err.getvalue()
