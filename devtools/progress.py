"""A progress bar on one line, for the long commands of the developer tools (seed_scale, the search index).

On a terminal the line is redrawn in place (a carriage return, at most ten times a second); written to a
file or a pipe, only the finished line is written, so a log holds one line per stage instead of hundreds.
"""

import time

BAR_WIDTH = 30
REDRAW_SECONDS = 0.1


class Progress:
    """`done`/`total` of one stage, drawn as `label [#####-----]  50 %  done/total  seconds`."""

    def __init__(self, stream, label, total, *, width=BAR_WIDTH):
        self.stream = stream
        self.label = label
        self.total = total
        self.width = width
        self.done = 0
        self.note = ""
        self.started = time.monotonic()
        self.drawn_at = None
        self.live = bool(getattr(stream, "isatty", lambda: False)())

    def advance(self, amount=1, *, note=""):
        self.update(self.done + amount, note=note)

    def update(self, done, *, note=""):
        self.done = done
        self.note = note
        now = time.monotonic()
        if self.live and (self.drawn_at is None or now - self.drawn_at >= REDRAW_SECONDS):
            self.drawn_at = now
            self._write("\r" + self.line() + "\033[K")

    def finish(self, *, note=""):
        """The finished line, with its time; the bar is full whether or not every step was counted."""
        self.done = self.total
        self.note = note
        self._write(("\r" if self.live else "") + self.line() + ("\033[K" if self.live else "") + "\n")

    def line(self):
        share = self.done / self.total if self.total else 1.0
        filled = round(self.width * share)
        bar = "#" * filled + "-" * (self.width - filled)
        seconds = time.monotonic() - self.started
        note = f"  {self.note}" if self.note else ""
        return f"{self.label} [{bar}] {share:4.0%}  {self.done}/{self.total}  {seconds:.1f} s{note}"

    def _write(self, text):
        # Django's OutputWrapper adds a newline unless told otherwise; a plain stream takes `ending` as unknown.
        try:
            self.stream.write(text, ending="")
        except TypeError:
            self.stream.write(text)
        self.stream.flush()
