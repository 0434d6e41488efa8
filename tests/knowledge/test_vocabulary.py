"""One tag rule everywhere: known tags and synonyms for everyone, new words only from those who keep the
vocabulary; editors rename and merge tags in the admin without losing what anyone wrote."""

import pytest

from django.urls import reverse

from taggit.models import Tag
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import Municipality
from forum.forms import ThreadForm
from forum.models import Category, Subscription
from knowledge.models import MethodIndexPage, MethodPage, TagSynonym
from knowledge.vocabulary import MERGED, RENAMED, may_add_tags, merge_tags, resolve_tags
from tests.factories import UserFactory, start_thread
from tests.knowledge.admin_forms import method_data, method_form


def sigtuna(role):
    return UserFactory(roles=[role], municipality=Municipality.objects.get(slug="sigtuna"))


@pytest.fixture
def sigtuna_member(db):
    return sigtuna(roles.EMPLOYEE)


@pytest.fixture
def sigtuna_editor(db):
    return sigtuna(roles.EDITOR)


@pytest.fixture
def vocabulary(make_method):
    """ "Äldre" and "hedersrelaterat våld" are tags in use; "hedersvåld" is a synonym of the latter."""
    make_method("I bruk", tags=["Äldre", "hedersrelaterat våld"])
    TagSynonym.objects.create(name="hedersvåld", tag=Tag.objects.get(name="hedersrelaterat våld"))


def add_method(client, sections, **fields):
    url = reverse("wagtailadmin_pages:add", args=("knowledge", "methodpage", sections[MethodIndexPage].pk))
    return client.post(url, method_form(**fields))


# The rule


def test_editors_moderators_the_board_and_administrators_may_add_tags_and_employees_may_not(db):
    keepers = {role: may_add_tags(UserFactory(roles=[role])) for role in roles.ROLES}
    assert keepers == {
        roles.EMPLOYEE: False,
        roles.EDITOR: True,
        roles.MODERATOR: True,
        roles.ADMINISTRATOR: True,
        roles.BOARD: True,
    }


def test_a_known_tag_keeps_its_spelling_and_a_synonym_becomes_its_tag(vocabulary, sigtuna_member):
    assert resolve_tags(["äldre", "Hedersvåld", "hedersrelaterat våld"], sigtuna_member) == [
        "Äldre",
        "hedersrelaterat våld",
    ]


def test_a_new_word_from_an_employee_is_refused_naming_it(vocabulary, sigtuna_member):
    with pytest.raises(Exception, match="Taggen “hedersvlåd” finns inte bland de gemensamma taggarna"):
        resolve_tags(["Äldre", "hedersvlåd"], sigtuna_member)


def test_a_new_word_from_an_editor_becomes_a_tag(vocabulary, sigtuna_editor):
    assert resolve_tags(["nätmobbning", "äldre"], sigtuna_editor) == ["nätmobbning", "Äldre"]


def test_a_synonym_of_a_tag_the_person_may_not_see_is_as_unknown_as_the_tag(make_method, sigtuna_member):
    from wagtail.models import PageViewRestriction

    hidden = make_method("Bara för redaktörer", tags=["ledningsfråga"])
    restriction = PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(*roles_named(roles.EDITOR))
    TagSynonym.objects.create(name="ledning", tag=Tag.objects.get(name="ledningsfråga"))
    with pytest.raises(Exception, match="“ledning”"):
        resolve_tags(["ledning"], sigtuna_member)


def roles_named(*names):
    from django.contrib.auth.models import Group

    return Group.objects.filter(name__in=names)


# The page editor follows it


def test_an_employees_new_tag_in_the_page_editor_is_an_error_and_nothing_is_saved(
    client, sections, vocabulary, sigtuna_member
):
    client.force_login(sigtuna_member)
    response = add_method(client, sections, title="Skrivfel", slug="skrivfel", tags="äldre, hedersvlåd")
    assert response.status_code == 200
    assert "hedersvlåd" in str(response.context["form"].errors["tags"])
    assert not MethodPage.objects.filter(title="Skrivfel").exists()
    assert not Tag.objects.filter(name="hedersvlåd").exists()


def test_an_employee_in_the_page_editor_gets_the_vocabularys_spelling_and_synonyms_resolved(
    client, sections, vocabulary, sigtuna_member
):
    client.force_login(sigtuna_member)
    add_method(client, sections, title="Rätt stavat", slug="ratt-stavat", tags="äldre, hedersvåld")
    page = MethodPage.objects.get(title="Rätt stavat")
    assert sorted(tag.name for tag in page.tags.all()) == ["hedersrelaterat våld", "Äldre"]
    assert Tag.objects.count() == 2


def test_the_tag_field_says_where_tags_come_from(client, sections, sigtuna_member, sigtuna_editor):
    url = reverse("wagtailadmin_pages:add", args=("knowledge", "methodpage", sections[MethodIndexPage].pk))
    client.force_login(sigtuna_member)
    assert "Välj bland intranätets gemensamma taggar: skriv början" in client.get(url).content.decode()
    client.force_login(sigtuna_editor)
    assert "blir en ny tagg" in client.get(url).content.decode()


def test_an_editors_new_tag_in_the_page_editor_is_kept(client, sections, sigtuna_editor):
    client.force_login(sigtuna_editor)
    add_method(client, sections, title="Ny tagg", slug="ny-tagg", tags="nätmobbning")
    assert [tag.name for tag in MethodPage.objects.get(title="Ny tagg").tags.all()] == ["nätmobbning"]


def test_a_tag_an_editor_put_on_a_draft_stays_when_its_author_edits_it(client, sections, sigtuna_member):
    page = MethodPage(title="Utkast", summary="Kort.", municipality=sigtuna_member.municipality, owner=sigtuna_member)
    page.tags.add("redaktörens ord")
    sections[MethodIndexPage].add_child(instance=page)
    page.save_revision(user=sigtuna_member)
    client.force_login(sigtuna_member)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), method_data(page, tags='"redaktörens ord"')
    )
    assert response.status_code == 302
    assert [tag.name for tag in page.get_latest_revision_as_object().tags.all()] == ["redaktörens ord"]


# The forum follows it too


def thread_form(user, tags):
    category = Category.objects.get(slug="metodfragor")
    data = {"title": "Hur gör ni?", "kind": "question", "category": category.pk, "tags": tags, "body": "Berätta!"}
    return ThreadForm(data, user=user)


def test_a_synonym_in_a_new_thread_becomes_its_tag(vocabulary, sigtuna_member):
    form = thread_form(sigtuna_member, "hedersvåld")
    assert form.is_valid(), form.errors
    assert form.tag_names == ["hedersrelaterat våld"]


def test_an_editor_may_add_a_tag_in_the_forum_as_in_the_page_editor(vocabulary, sigtuna_editor, sigtuna_member):
    assert thread_form(sigtuna_editor, "nätmobbning").is_valid()
    assert "nätmobbning" in str(thread_form(sigtuna_member, "nätmobbning").errors["tags"])


# Merging and renaming


def test_merging_moves_every_use_follow_and_revision_and_keeps_the_old_name(make_method, sigtuna_member, editor):
    both = make_method("Båda", tags=["hedersvåld", "hedersrelaterat våld"])
    old_only = make_method("Gamla", tags=["hedersvåld"])
    thread = start_thread(sigtuna_member, tags=["hedersvåld"])
    source, into = Tag.objects.get(name="hedersvåld"), Tag.objects.get(name="hedersrelaterat våld")
    Subscription.objects.create(user=sigtuna_member, tag=source)
    draft = old_only.get_latest_revision_as_object()
    draft.summary = "Ett utkast efter publiceringen."
    draft.save_revision()

    moved = merge_tags(source, into, by=editor)

    assert moved == 3
    assert not Tag.objects.filter(pk=source.pk).exists()
    assert [tag.name for tag in both.tags.all()] == ["hedersrelaterat våld"]
    assert [tag.name for tag in old_only.tags.all()] == ["hedersrelaterat våld"]
    assert [tag.name for tag in thread.tags.all()] == ["hedersrelaterat våld"]
    assert Subscription.objects.get(user=sigtuna_member, tag__isnull=False).tag == into
    old_only.refresh_from_db()
    assert [tag.name for tag in old_only.get_latest_revision_as_object().tags.all()] == ["hedersrelaterat våld"]
    old_only.get_latest_revision().publish()
    assert [tag.name for tag in MethodPage.objects.get(pk=old_only.pk).tags.all()] == ["hedersrelaterat våld"]
    synonym = TagSynonym.objects.get(name="hedersvåld")
    assert (synonym.tag, synonym.slug) == (into, "hedersvald")
    entry = ModelLogEntry.objects.get(action=MERGED)
    assert (entry.object_id, entry.user, entry.data["merged"]) == (str(into.pk), editor, "hedersvåld")


def test_the_address_of_a_merged_tag_leads_to_the_tag_it_became(member_client, make_method, editor):
    make_method("Metod", tags=["hedersvåld", "hedersrelaterat våld"])
    merge_tags(Tag.objects.get(name="hedersvåld"), Tag.objects.get(name="hedersrelaterat våld"), by=editor)
    response = member_client.get(reverse("knowledge:tag", args=["hedersvald"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:tag", args=["hedersrelaterat-vald"])
    assert member_client.get(reverse("knowledge:tag", args=["finns-inte"])).status_code == 404


@pytest.fixture
def editor_in_admin(client, sigtuna_editor):
    client.force_login(sigtuna_editor)
    return client


def admin_url(name, *args):
    return reverse(f"wagtailsnippets_taggit_tag:{name}", args=args)


def test_editors_list_the_tags_with_their_uses_and_synonyms(editor_in_admin, vocabulary):
    response = editor_in_admin.get(admin_url("list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "hedersrelaterat våld" in html and "hedersvåld" in html


def test_employees_may_not_open_the_tag_admin(client, sigtuna_member, vocabulary):
    client.force_login(sigtuna_member)
    assert client.get(admin_url("list")).status_code in (302, 403)
    tag = Tag.objects.get(name="Äldre")
    assert client.get(admin_url("merge", tag.pk)).status_code in (302, 403)


def test_nobody_deletes_a_tag_not_even_a_superuser(admin_client, vocabulary):
    tag = Tag.objects.get(name="Äldre")
    admin_client.post(admin_url("delete", tag.pk))
    assert Tag.objects.filter(pk=tag.pk).exists()


def test_renaming_a_tag_keeps_the_old_name_as_a_synonym_and_logs_it(editor_in_admin, vocabulary, sigtuna_editor):
    tag = Tag.objects.get(name="hedersrelaterat våld")
    response = editor_in_admin.post(admin_url("edit", tag.pk), {"name": "Hedersrelaterat våld och förtryck"})
    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("Hedersrelaterat våld och förtryck", "hedersrelaterat-vald-och-fortryck")
    assert TagSynonym.objects.get(name="hedersrelaterat våld").tag == tag
    assert ModelLogEntry.objects.get(action=RENAMED).data == {
        "from": "hedersrelaterat våld",
        "to": "Hedersrelaterat våld och förtryck",
    }
    assert editor_in_admin.get(reverse("knowledge:tag", args=["hedersrelaterat-vald"])).status_code == 302


def test_a_tag_cannot_be_renamed_to_another_tag_or_a_synonym(editor_in_admin, vocabulary):
    tag = Tag.objects.get(name="Äldre")
    response = editor_in_admin.post(admin_url("edit", tag.pk), {"name": "Hedersrelaterat VÅLD"})
    assert "Slå ihop" in str(response.context["form"].errors["name"])
    response = editor_in_admin.post(admin_url("edit", tag.pk), {"name": "hedersvåld"})
    assert "synonym" in str(response.context["form"].errors["name"])


def test_merging_in_the_admin_says_what_happened(editor_in_admin, vocabulary):
    source = Tag.objects.get(name="Äldre")
    into = Tag.objects.get(name="hedersrelaterat våld")
    page = editor_in_admin.get(admin_url("merge", source.pk))
    assert page.status_code == 200
    assert "används 1 gång" in page.content.decode()
    refused = editor_in_admin.post(admin_url("merge", source.pk), {"into": ""})
    assert "Välj taggen som ska finnas kvar" in str(refused.context["form"].errors)
    response = editor_in_admin.post(admin_url("merge", source.pk), {"into": into.pk}, follow=True)
    assert "har slagits ihop med" in response.content.decode()
    assert not Tag.objects.filter(name="Äldre").exists()


def test_a_synonym_cannot_be_the_name_of_a_tag(editor_in_admin, vocabulary):
    tag = Tag.objects.get(name="Äldre")
    response = editor_in_admin.post(
        reverse("wagtailsnippets_knowledge_tagsynonym:add"), {"name": "ÄLDRE", "tag": tag.pk}
    )
    assert "tagg" in str(response.context["form"].errors["name"])
    editor_in_admin.post(reverse("wagtailsnippets_knowledge_tagsynonym:add"), {"name": "gamla", "tag": tag.pk})
    assert TagSynonym.objects.get(name="gamla").slug == "gamla"


def test_a_tag_used_only_where_the_editor_may_not_look_is_not_named_in_the_tag_admin(
    editor_in_admin, vocabulary, sigtuna_member
):
    room = Category.objects.create(name="Järfällas rum", slug="jarfallas-rum")
    room.restricted_to_municipalities.add(Municipality.objects.get(slug="jarfalla"))
    start_thread(UserFactory(municipality=Municipality.objects.get(slug="jarfalla")), category=room, tags=["internt"])
    hidden = Tag.objects.get(name="internt")
    assert "internt" not in editor_in_admin.get(admin_url("list")).content.decode()
    assert editor_in_admin.get(admin_url("edit", hidden.pk)).status_code == 404
    assert editor_in_admin.get(admin_url("merge", hidden.pk)).status_code == 404
    merge_page = editor_in_admin.get(admin_url("merge", Tag.objects.get(name="Äldre").pk))
    assert "internt" not in merge_page.content.decode()


def test_a_document_uploaded_by_an_employee_takes_only_tags_of_the_vocabulary(vocabulary, sigtuna_member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents import get_document_model
    from wagtail.documents.forms import get_document_form
    from wagtail.models import Collection

    form_class = get_document_form(get_document_model())
    upload = {"file": SimpleUploadedFile("plan.txt", b"Plan for samtal.")}
    root = Collection.get_first_root_node().pk
    form = form_class({"title": "Plan", "tags": "äldre, hedersvlåd", "collection": root}, upload, user=sigtuna_member)
    assert not form.is_valid()
    assert "hedersvlåd" in str(form.errors["tags"])
    form = form_class({"title": "Plan", "tags": "äldre, hedersvåld", "collection": root}, upload, user=sigtuna_member)
    assert form.is_valid(), form.errors
    assert sorted(form.cleaned_data["tags"]) == ["hedersrelaterat våld", "Äldre"]


def test_suggestions_while_writing_find_a_tag_by_its_synonym_too(client, vocabulary, sigtuna_member):
    client.force_login(sigtuna_member)
    forum = client.get(reverse("forum:suggest_tags"), {"q": "hedersv"}).json()["results"]
    assert forum == ["hedersrelaterat våld"]
    editor = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "hedersv"}).json()
    assert editor == ["hedersrelaterat våld"]
