"""What the knowledge bank announces for other apps to act on; `intranet/signals.py` connects them.

knowledge is below forum and events, so it never calls them: it says what happened, and whoever cares listens.
"""

from django.dispatch import Signal

# A page was sent to review. Arguments: `page`, `reviewers` (the people who may review it, not the sender),
# `by` (who sent it, or None).
review_requested = Signal()

# A review ended. Arguments: `page`, `authors` (who sent it and the page's owner, not the reviewer), `by` (the
# reviewer, or None), `published` (True: approved and published; False: changes requested).
review_finished = Signal()
