"""The bench URLconf (intranet/settings/bench.py): the framework floor in front of the site's own addresses."""

from django.urls import path

from intranet import urls as site_urls

from .pages import FLOOR_URL
from .views import floor

urlpatterns = [path(FLOOR_URL.strip("/") + "/", floor, name="bench_floor"), *site_urls.urlpatterns]

handler500 = site_urls.handler500
