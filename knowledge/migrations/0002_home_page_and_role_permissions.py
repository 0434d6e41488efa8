from django.db import migrations

from accounts import roles

SUPPORT_LINES = [
    {"name": "Brottsofferjouren", "number": "116 006", "note": "Stöd till dig som utsatts för brott"},
    {"name": "Kvinnofridslinjen", "number": "020-50 50 50", "note": "Dygnet runt, avgiftsfritt"},
    {"name": "BRIS", "number": "116 111", "note": "För barn och unga"},
    {"name": "Polisen", "number": "112 / 114 14", "note": "112 vid akut fara, annars 114 14"},
]

PAGE_PERMISSIONS = {
    roles.EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    roles.ADMINISTRATOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}

COLLECTION_PERMISSIONS = {
    roles.EDITOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    roles.ADMINISTRATOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailcore.add_collection",
        "wagtailcore.change_collection",
    ],
}

MODEL_PERMISSIONS = {
    roles.EDITOR: ["knowledge.change_supportsettings"],
    roles.ADMINISTRATOR: ["knowledge.change_supportsettings", "wagtailcore.change_site"],
}


def create_home_page(apps):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    site_model = apps.get_model("wagtailcore", "Site")
    home_page_model = apps.get_model("knowledge", "HomePage")

    # Replace Wagtail's "Welcome to your new Wagtail site!" page with ours.
    page_model.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    home_content_type, _created = content_type_model.objects.get_or_create(model="homepage", app_label="knowledge")
    home = home_page_model.objects.create(
        title="Välkommen till Kunskapsforum",
        draft_title="Välkommen till Kunskapsforum",
        slug="start",
        content_type=home_content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/start/",
        locale_id=page_model.objects.get(depth=1).locale_id,
        intro="<p>Här delar sex kommuner i nordvästra Stockholms län metoder, erfarenheter och idéer "
        "i arbetet mot våld i nära relationer.</p>",
    )
    site_model.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def grant_page_and_collection_permissions(apps, home):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")

    # Wagtail's own example groups would only confuse editors next to ours.
    group_model.objects.filter(name__in=["Moderators", "Editors"]).delete()

    for group_name, codenames in PAGE_PERMISSIONS.items():
        group = group_model.objects.get(name=group_name)
        for codename in codenames:
            permission = permission_model.objects.get(content_type__app_label="wagtailcore", codename=codename)
            page_permission_model.objects.get_or_create(group=group, page_id=home.pk, permission=permission)

    root_collection = collection_model.objects.get(depth=1)
    for group_name, names in COLLECTION_PERMISSIONS.items():
        group = group_model.objects.get(name=group_name)
        for name in names:
            app_label, codename = name.split(".")
            permission = permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            collection_permission_model.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def forwards(apps, schema_editor):
    roles.ensure_permissions(apps)
    home = create_home_page(apps)
    grant_page_and_collection_permissions(apps, home)
    for group_name, names in MODEL_PERMISSIONS.items():
        roles.grant(apps, group_name, names)
    support_settings_model = apps.get_model("knowledge", "SupportSettings")
    support_settings_model.objects.get_or_create(
        defaults={"lines": [{"type": "line", "value": line} for line in SUPPORT_LINES]}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("accounts", "0002_municipalities_sectors_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
