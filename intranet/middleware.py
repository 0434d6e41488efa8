from csp.middleware import CSPMiddleware

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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy from settings, and the Wagtail admin's own looser one under its prefix.

    The site runs only its own script and style files. Wagtail's admin still writes inline scripts
    (inline panels, date pickers, chooser modals) and style attributes, so its pages get
    `ADMIN_CONTENT_SECURITY_POLICY` instead; they are only for editors, moderators and administrators.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            parts.replace = {**settings.ADMIN_CONTENT_SECURITY_POLICY, **(parts.replace or {})}
        return parts


class PrivateResponseMiddleware:
    """Headers no page of the intranet is without.

    What a signed-in person sees is theirs alone: no shared cache (a proxy, a municipal
    gateway) or the browser's back-forward store may keep it. Browser features the
    intranet never uses are switched off for every page and any content in it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
            response.headers.pop("Expires", None)
        return response
