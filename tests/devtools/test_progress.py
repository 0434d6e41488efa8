from io import StringIO

from devtools.progress import Progress


class Terminal(StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_the_bar_is_redrawn_in_place_and_ends_with_one_newline():
    screen = Terminal()
    progress = Progress(screen, "Forum", 200, width=10)
    progress.update(80, note="posts")
    drawn = screen.getvalue()
    assert drawn.startswith("\rForum [####------]  40%  80/200  ") and "posts" in drawn and "\n" not in drawn
    progress.finish()
    assert screen.getvalue().count("\n") == 1
    assert screen.getvalue().rsplit("\r", 1)[1].startswith("Forum [##########] 100%  200/200  ")


def test_written_to_a_file_only_the_finished_line_is_written():
    log = StringIO()
    progress = Progress(log, "Pages", 3, width=6)
    for _page in range(3):
        progress.advance()
    assert log.getvalue() == ""
    progress.finish(note="3 pages")
    assert log.getvalue().startswith("Pages [######] 100%  3/3  ") and log.getvalue().endswith(" s  3 pages\n")


def test_an_empty_stage_is_finished_as_full():
    log = StringIO()
    Progress(log, "Index", 0, width=4).finish()
    assert log.getvalue().startswith("Index [####] 100%  0/0  ")
