from django.shortcuts import render


def index(request):
    """The forum's front page: latest activity across the categories the person may see."""
    return render(request, "forum/index.html", {})
