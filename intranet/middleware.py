from csp.middleware import CSPMiddleware

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from accounts.middleware import API_PATH_PREFIX
from common.params import positive_int


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


class FormRequestsOnlyMiddleware:
    """Outside the JSON API the site speaks HTML forms: GET, HEAD, POST and OPTIONS, bodies as forms send them.

    Views read `request.POST`, which Django fills only from form bodies; a PUT or a JSON
    POST would reach them as an empty form and could save it (a PUT to /profil/ once wiped
    a profile). Refusing such requests here covers every view, Wagtail's included.
    A formset's TOTAL_FORMS is checked here too, before any form renders: Django builds up to
    2 000 forms for whatever number a request claims, which takes seconds. And the query string
    is read on every route, so that too many parameters are a 400 everywhere, not only where a
    view happens to read them (DATA_UPLOAD_MAX_NUMBER_FIELDS).
    """

    FORM_METHODS = frozenset({"GET", "HEAD", "POST", "OPTIONS"})
    # Wagtail's admin scripts clear a preview with DELETE and dismiss a hint with a JSON PATCH.
    ADMIN_SCRIPT_METHODS = frozenset({"DELETE", "PATCH"})
    FORM_CONTENT_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
    # Far more than any formset here holds (six municipalities' local uses, a method's materials).
    MAX_FORMS = 100
    FORM_COUNT_SUFFIX = "-TOTAL_FORMS"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PATH_PREFIX):
            return self.get_response(request)
        request.GET  # noqa: B018 -- parsing refuses too many fields with Django's 400
        in_admin = request.path_info.startswith(reverse("wagtailadmin_home"))
        allowed = self.FORM_METHODS | self.ADMIN_SCRIPT_METHODS if in_admin else self.FORM_METHODS
        if request.method not in allowed:
            response = HttpResponseNotAllowed(sorted(allowed), content_type="text/plain; charset=utf-8")
            response.content = _("This address only answers to ordinary page requests and forms.")
            return response
        if request.method == "POST" and has_body(request) and request.content_type not in self.FORM_CONTENT_TYPES:
            return HttpResponse(
                _("This address only takes forms, sent as a web browser sends them."),
                status=415,
                content_type="text/plain; charset=utf-8",
            )
        if request.method == "POST" and self.claims_too_many_forms(request.POST):
            return HttpResponseBadRequest(
                _("The form claims more than %(limit)d rows in one list. Reload the page and try again.")
                % {"limit": self.MAX_FORMS},
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)

    def claims_too_many_forms(self, data):
        return any(self.too_many(value) for key, value in data.items() if key.endswith(self.FORM_COUNT_SUFFIX))

    def too_many(self, count):
        # Any decimal digits, as the formset's int() reads them ("１０００" too); the length first, as
        # int() refuses numbers of thousands of digits.
        count = count.strip().lstrip("0")
        return count.isdecimal() and (len(count) > len(str(self.MAX_FORMS)) or int(count) > self.MAX_FORMS)


def has_body(request):
    # A POST without a body (Wagtail's reorder buttons send one) carries nothing to misread.
    return positive_int(request.META.get("CONTENT_LENGTH"), default=0) > 0


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
