"""Editors preview a page before it is ever saved, and the preview shows what they typed."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.models import Municipality
from knowledge.models import ExperienceIndexPage, MethodIndexPage
from tests.knowledge.admin_forms import method_form


def preview_of_new(client, sections, index_model, model_name, data):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("knowledge", model_name, sections[index_model].pk))
    posted = client.post(url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content
    return client.get(url)


def test_a_new_method_can_be_previewed_before_it_is_saved(editor_client, sections):
    response = preview_of_new(editor_client, sections, MethodIndexPage, "methodpage", method_form())
    assert response.status_code == 200
    assert "Ny metod i förhandsvisning" in response.content.decode()
    assert "Så gör vi." in response.content.decode()


def test_a_new_experience_can_be_previewed_before_it_is_saved(editor_client, sections, make_method):
    method = make_method("Metoden som användes")
    data = nested_form_data(
        {
            "title": "Ny erfarenhet",
            "slug": "ny-erfarenhet",
            "summary": "Kort.",
            "municipality": Municipality.objects.get(slug="sigtuna").pk,
            "what_was_done": rich_text("<p>Vi gjorde så här.</p>"),
            "comments": inline_formset([]),
        }
    )
    data["methods"] = [method.pk]  # a multiple choice, which nested_form_data would number
    response = preview_of_new(editor_client, sections, ExperienceIndexPage, "experiencepage", data)
    assert response.status_code == 200
    assert "Metoden som användes" in response.content.decode()
