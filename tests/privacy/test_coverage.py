"""Every form that stores what a person typed passes the personal-data guard, so a new form cannot forget it.

The test enumerates rather than lists: (a) every Django form class defined in the
project's own modules (all imported), (b) the edit form of every page, snippet and
setting model, Wagtail's document and image forms, every page's copy form and the
action forms of the project's workflow tasks, (c) the forms of every admin viewset
(users, groups, sites …), Wagtail's account page and the editors' picks, and (d) the
form of every view in the URL configuration. A form passes when it mixes in
PersonalDataGuardMixin and guards each of its free-text fields (a CharField that is
not hidden, a password, an address or a slug), or when it has none; the few
exceptions below say why. A snippet filled with an identity number is refused, to
show that the guard not only stands there but works.
"""

import importlib
import pkgutil

import pytest

from django import forms
from django.urls import URLResolver, get_resolver, resolve, reverse

from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.contrib.settings.views import get_setting_edit_handler
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form, get_document_multi_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form, get_image_multi_form
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.workflows import get_task_types

from accounts.admin_account import AccountView, NameEmailSettingsPanel
from privacy.admin_forms import AdminGuardMixin, GuardedCopyForm
from privacy.forms import CONFIRMATION_FIELD, PersonalDataGuardMixin
from search.picks_admin import SearchPromotionsFormSet

APPS = (
    *("accounts", "common", "devtools", "events", "forum", "importing"),
    *("intranet", "knowledge", "people", "privacy", "search"),
)
NOT_IMPORTABLE = ("intranet.settings", "intranet.wsgi", "intranet.gunicorn")  # read at start-up, with side effects
NUMBER = "850709-1232"  # invented, with a right check digit
MASKED = "850709-****"

# Wagtail's own forms with free text that the guard leaves alone, and why.
OUTSIDE_THE_GUARD = {
    "django.contrib.auth.forms.AuthenticationForm": "signs in: nothing typed is kept",
    # The link a chooser builds goes into rich text, which the page's own form guards.
    "wagtail.admin.forms.choosers.AnchorLinkChooserForm": "goes into rich text, guarded there",
    "wagtail.admin.forms.choosers.EmailLinkChooserForm": "goes into rich text, guarded there",
    "wagtail.admin.forms.choosers.ExternalLinkChooserForm": "goes into rich text, guarded there",
    "wagtail.admin.forms.choosers.PhoneLinkChooserForm": "goes into rich text, guarded there",
    # Structure that administrators name, never shown beside content about people.
    "wagtail.admin.forms.collections.CollectionForm": "a folder name, set by administrators",
    "wagtail.users.forms.GroupForm": "a role's name, set by administrators",
    "wagtail.sites.forms.SiteForm": "a host name, set by administrators",
    "wagtail.contrib.redirects.forms.RedirectForm": "paths and addresses, set by administrators",
    # Served no more: search/wagtail_hooks.py puts search.picks_admin's guarded views at these addresses.
    "wagtail.contrib.search_promotions.forms.QueryForm": "shadowed by search.picks_admin.QueryForm",
}


def name_of(form_class):
    return f"{form_class.__module__}.{form_class.__qualname__}"


def is_free_text(field):
    """A field that takes text as typed: not hidden, not a password, an address, a slug or a choice."""
    if not isinstance(field, forms.CharField) or isinstance(field, forms.EmailField | forms.URLField | forms.SlugField):
        return False
    return not (field.widget.is_hidden or isinstance(field.widget, forms.PasswordInput))


def free_text_fields(form_class):
    return {name for name, field in form_class.base_fields.items() if is_free_text(field)} - {CONFIRMATION_FIELD}


def unguarded_fields(form_class):
    """The free-text fields that the form leaves out of the guard; all of them when it has no guard."""
    if not issubclass(form_class, PersonalDataGuardMixin):
        return free_text_fields(form_class)
    if form_class.guarded_fields == "__all__":
        return set()
    explained = {name for name, reason in form_class.unguarded_because.items() if reason.strip()}
    return free_text_fields(form_class) - set(form_class.guarded_fields) - explained


def subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from subclasses(subclass)


def project_form_classes():
    for app in APPS:
        for module in pkgutil.walk_packages(importlib.import_module(app).__path__, prefix=f"{app}."):
            # A package's __main__ is a program (python -m devtools.soak): importing it runs it.
            if not module.name.startswith(NOT_IMPORTABLE) and not module.name.endswith(".__main__"):
                importlib.import_module(module.name)
    return {form_class for form_class in subclasses(forms.BaseForm) if form_class.__module__.split(".")[0] in APPS}


def project_models(models):
    return [model for model in models if model._meta.app_label in APPS]


def url_patterns(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns)
        else:
            yield pattern


# (a) The project's own forms.


def test_the_enumeration_finds_the_projects_forms():
    names = {name_of(form_class) for form_class in project_form_classes()}
    assert {"accounts.forms.ProfileForm", "forum.forms.ThreadForm", "knowledge.forms.MunicipalPageForm"} <= names


def test_every_form_of_the_project_guards_each_of_its_free_text_fields():
    forgotten = {
        name_of(form_class): sorted(unguarded_fields(form_class))
        for form_class in project_form_classes()
        if unguarded_fields(form_class)
    }
    assert forgotten == {}


# (b) The edit forms of every Wagtail model.


def wagtail_edit_forms():
    for model in project_models(get_page_models()):
        yield f"page {model.__name__}", model.get_edit_handler().get_form_class()
    for model in get_snippet_models():
        yield f"snippet {model.__name__}", model.snippet_viewset.get_form_class()
    for model in settings_registry:
        yield f"setting {model.__name__}", get_setting_edit_handler(model).get_form_class()
    yield "document", get_document_form(get_document_model())
    yield "documents uploaded together", get_document_multi_form(get_document_model())
    yield "image", get_image_form(get_image_model())
    yield "images uploaded together", get_image_multi_form(get_image_model())


def test_the_enumeration_finds_pages_snippets_settings_and_files():
    kinds = {label.split()[0] for label, _form in wagtail_edit_forms()}
    assert {"page", "snippet", "setting", "document", "image"} <= kinds


def test_every_page_snippet_setting_document_and_image_form_guards_every_text():
    unguarded = [
        label
        for label, form_class in wagtail_edit_forms()
        if not (issubclass(form_class, AdminGuardMixin) and form_class.guarded_fields == "__all__")
    ]
    assert unguarded == []


def test_every_page_is_copied_with_a_guarded_title_and_slug():
    models = project_models(get_page_models())
    assert [
        model for model in models if not issubclass(getattr(model, "copy_form_class", CopyForm), GuardedCopyForm)
    ] == []


@pytest.mark.django_db
def test_every_workflow_task_of_the_project_guards_the_reviewers_comment():
    tasks = project_models(get_task_types())
    assert tasks
    for task_model in tasks:
        for action in ("approve", "reject"):
            form_class = task_model().get_form_for_action(action)
            assert issubclass(form_class, PersonalDataGuardMixin), (task_model, action)
            assert not unguarded_fields(form_class), (task_model, action)


@pytest.mark.django_db
@pytest.mark.parametrize("model", get_snippet_models(), ids=lambda model: model.__name__)
def test_a_snippet_with_an_identity_number_in_its_texts_is_refused(model):
    form_class = model.snippet_viewset.get_form_class()
    texts = free_text_fields(form_class)
    assert texts, f"{model.__name__} has no text to guard"

    form = form_class(data=dict.fromkeys(texts, f"Text {NUMBER}"))

    assert not form.is_valid()
    assert MASKED in str(form.errors)
    assert NUMBER not in str(form.errors)


# (c) The Wagtail forms the project reaches that store text, by name.


def test_editors_picks_are_served_by_the_guarded_views():
    for url in (reverse("wagtailsearchpromotions:add"), reverse("wagtailsearchpromotions:edit", args=[1])):
        view = resolve(url).func.view_class
        assert not unguarded_fields(view.form_class), url
        assert view.__module__ == "search.picks_admin", url
    assert not unguarded_fields(SearchPromotionsFormSet.form)


def admin_viewset_forms():
    get_resolver().url_patterns  # noqa: B018 - the admin's URLs register its viewsets
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet):
            for for_update in (False, True):
                yield viewset, viewset.get_form_class(for_update=for_update)


def test_every_admin_viewset_edits_through_a_guarded_form_or_a_reason():
    unguarded = {
        f"{type(viewset).__name__} → {name_of(form_class)}"
        for viewset, form_class in admin_viewset_forms()
        if unguarded_fields(form_class) and name_of(form_class) not in OUTSIDE_THE_GUARD
    }
    assert unguarded == set()
    assert {"CategoryViewSet", "GroupViewSet", "SiteViewSet"} <= {
        type(viewset).__name__ for viewset, _ in admin_viewset_forms()
    }


def test_wagtails_account_page_takes_the_name_through_the_guard():
    view = resolve(reverse("wagtailadmin_account")).func.view_class
    assert issubclass(view, AccountView)
    assert not unguarded_fields(NameEmailSettingsPanel.form_class)


# (d) Every view in the URL configuration.


def views_with_forms():
    for pattern in url_patterns(get_resolver().url_patterns):
        view = getattr(pattern.callback, "view_class", None)
        if form_class := getattr(view, "form_class", None):
            yield view, form_class


def test_the_url_walk_reaches_the_site_and_the_admin():
    modules = {view.__module__.split(".")[0] for view, _form in views_with_forms()}
    assert {"accounts", "search", "wagtail"} <= modules


def test_every_view_in_the_url_configuration_has_a_guarded_form_or_a_reason():
    unguarded = {
        f"{name_of(view)} → {name_of(form_class)}"
        for view, form_class in views_with_forms()
        if unguarded_fields(form_class) and name_of(form_class) not in OUTSIDE_THE_GUARD
    }
    assert unguarded == set()


def test_every_reason_for_leaving_a_form_outside_still_applies():
    reached = {name_of(form_class) for _view, form_class in [*views_with_forms(), *admin_viewset_forms()]}
    assert set(OUTSIDE_THE_GUARD) <= reached
