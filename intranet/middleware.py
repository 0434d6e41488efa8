from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class SwedishFirstLocaleMiddleware:
    """Activate the language the person chose, or Swedish.

    Django's LocaleMiddleware would follow the browser's Accept-Language
    header, which would show an English page to a Swedish municipal employee
    whose browser happens to be in English. Here only an explicit choice (the
    language switch sets a cookie) moves away from Swedish.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
