"""The bench URLconf (intranet/settings/bench.py): the framework floor in front of the site's own addresses.

The site's URLconf is named by its dotted path, as the settings name it: `intranet` is a sibling of
`devtools`, which imports none of it.
"""

from django.urls import include, path

from .pages import FLOOR_URL
from .views import floor

urlpatterns = [
    path(FLOOR_URL.strip("/") + "/", floor, name="bench_floor"),
    path("", include("intranet.urls")),
]

handler500 = "intranet.views.server_error"
