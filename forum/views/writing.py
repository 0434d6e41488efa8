"""What the three writing forms share: mentions pointed out before a post goes out, and the draft the browser keeps."""

from ..mentions import read_post
from ..notifications import audience

# The mentions the writer has been shown as naming nobody or several people; the form sends them back.
MENTIONS_SHOWN = "mentions_shown"
SENT_DRAFTS = "forum:sent_drafts"


def read_before_sending(request, body, category):
    """The text read for mentions, and whether it may go out now.

    A mention that names nobody, several people, or someone who may not read the category holds the post back
    once, with the preview pointing it out; sent again as it is, the post goes out and such a mention tells nobody.
    """
    read = read_post(body)
    read.keep_to(audience(category))
    shown = set(request.POST.getlist(MENTIONS_SHOWN))
    return read, "preview" not in request.POST and set(read.problem_texts) <= shown


def draft_key(request, kind, pk=None):
    """The name under which the browser keeps the person's unsent text of one form: a reply to thread 12
    ("svar-12"), an edit of post 40 ("redigera-40"), a new thread ("ny", or "ny-7" about page 7)."""
    return f"kf-draft:{request.user.pk}:{kind}" + (f"-{pk}" if pk else "")


def forget_draft(request, key):
    """After a post went out: the next page the person sees tells the browser to forget the draft."""
    request.session[SENT_DRAFTS] = [*request.session.get(SENT_DRAFTS, [])[-4:], key]


def sent_drafts(request):
    """The drafts to forget, once."""
    return request.session.pop(SENT_DRAFTS, []) if SENT_DRAFTS in request.session else []
