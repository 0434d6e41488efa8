import inspect

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from wagtail.admin.views.chooser import BaseLinkFormView, ExternalLinkView
from wagtail.admin.views.generic.chooser import ChosenViewMixin, CreateViewMixin, CreationFormMixin
from wagtail.admin.views.generic.multiple_upload import AddView as MultipleUploadView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.lock import LockView, UnlockView
from wagtail.contrib.redirects.views import process_import
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page

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


class WagtailRequestShapesMiddleware:
    """Refuse the requests on which Wagtail 7.4's own admin views fail with a server error.

    Each shape was found by the fuzz run (tests/security/test_fuzz.py): Wagtail reads an id, a parameter
    or a form field without checking it. Here they get the answer they deserve, a 404 for something that
    does not exist and a 400 for a request no page of the admin sends, before the view runs; a `next` that
    leads nowhere is dropped. The checks run after the login check (this middleware comes after it), so
    nobody signed out learns anything; those about a form's fields look at POSTs only, so that a GET still
    meets the view's permission check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            for check in ADMIN_REQUEST_CHECKS:
                check(request, view_func, view_kwargs)
        return None


def is_view(view_func, *view_classes):
    view_class = getattr(view_func, "view_class", None)
    return view_class is not None and issubclass(view_class, view_classes)


def next_only_as_a_path(request, view_func, kwargs):
    """Drop a `next` that is not a path on this site, as Wagtail would drop one leading elsewhere.

    Wagtail hands `next` to redirect(), which takes a bare word for the name of a view to look up.
    """
    for method in ("GET", "POST"):
        data = getattr(request, method)
        if data.get("next", "/").startswith("/"):
            continue
        data = data.copy()
        del data["next"]
        setattr(request, method, data)


def chosen_id_is_an_id(request, view_func, kwargs):
    # A chooser's "chosen" view looks its id up unparsed.
    if not is_view(view_func, ChosenViewMixin):
        return
    model = view_func.view_initkwargs.get("model") or view_func.view_class.model
    if isinstance(model, str):
        model = resolve_model_string(model)
    try:
        model._meta.pk.to_python(kwargs.get("pk"))
    except ValidationError as error:
        raise Http404 from error


def chooser_creates_only_with_a_form(request, view_func, kwargs):
    # A snippet chooser without a "create" tab still has the address, and its POST finds no form.
    if request.method != "POST" or not is_view(view_func, CreateViewMixin):
        return
    view_class, initkwargs = view_func.view_class, view_func.view_initkwargs
    # Wagtail's own choosers (documents, images) build their forms themselves.
    builds_its_own = view_class.get_creation_form_class is not CreationFormMixin.get_creation_form_class
    named = initkwargs.get("creation_form_class") or any(
        initkwargs.get(key) is not None for key in ("form_fields", "exclude_form_fields")
    )
    if not (builds_its_own or named):
        raise Http404


def link_chooser_parent_is_a_page_id(request, view_func, kwargs):
    parent = request.GET.get("parent_page_id")
    if parent and is_view(view_func, BaseLinkFormView) and positive_int(parent) is None:
        raise BadRequest("parent_page_id is not a page id")


def external_link_has_its_field(request, view_func, kwargs):
    if request.method != "POST" or not is_view(view_func, ExternalLinkView):
        return
    if f"{view_func.view_class.form_prefix}-url" not in request.POST:
        raise BadRequest("external link form without its address field")


def upload_names_its_file(request, view_func, kwargs):
    # The upload of many documents or images reads only the field "files[]", unchecked.
    if request.method == "POST" and is_view(view_func, MultipleUploadView) and "files[]" not in request.FILES:
        raise BadRequest("upload without its file field")


def redirect_import_carries_its_file(request, view_func, kwargs):
    if request.method != "POST" or inspect.unwrap(view_func) is not inspect.unwrap(process_import):
        return
    if not all(request.POST.get(key) for key in ("import_file_name", "input_format")):
        raise BadRequest("redirect import without its file")


def locked_page_has_a_parent(request, view_func, kwargs):
    # Locking and unlocking send the person to the page's parent afterwards; the root has none.
    if not is_view(view_func, LockView, UnlockView):
        return
    if not Page.objects.filter(pk=positive_int(str(kwargs.get("page_id"))), depth__gt=1).exists():
        raise Http404


def reverted_revision_is_one(request, view_func, kwargs):
    # Revision 0 counts as "not reverting", and the edit view then has no revision to show.
    revision = kwargs.get("revision_id")
    if revision is not None and is_view(view_func, EditView) and positive_int(str(revision)) is None:
        raise Http404


ADMIN_REQUEST_CHECKS = [
    next_only_as_a_path,
    chosen_id_is_an_id,
    chooser_creates_only_with_a_form,
    link_chooser_parent_is_a_page_id,
    external_link_has_its_field,
    upload_names_its_file,
    redirect_import_carries_its_file,
    locked_page_has_a_parent,
    reverted_revision_is_one,
]
