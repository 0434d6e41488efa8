from django.http import HttpResponse


def floor(request):
    """The least a signed-in page can cost: every middleware and the session, but no query and no template of its own.

    Each page's requests per second are given as a share of this one's, measured in the same run, so the
    figure says how much the page itself costs whatever machine it ran on.
    """
    return HttpResponse(b"floor", content_type="text/plain")
