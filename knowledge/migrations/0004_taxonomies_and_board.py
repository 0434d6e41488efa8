from django.db import migrations
from django.utils.text import slugify

from accounts import roles

TAXONOMIES = {
    "ViolenceType": [
        ("Fysiskt våld", "Physical violence"),
        ("Psykiskt våld", "Psychological violence"),
        ("Sexuellt våld", "Sexual violence"),
        ("Ekonomiskt våld", "Economic violence"),
        ("Materiellt våld", "Material violence"),
        ("Digitalt våld", "Digital violence"),
        ("Latent våld", "Latent violence"),
        ("Försummelse", "Neglect"),
        ("Hedersrelaterat våld och förtryck", "Honour-related violence and oppression"),
    ],
    "TargetGroup": [
        ("Barn (0–12 år)", "Children (0–12 years)"),
        ("Unga (13–25 år)", "Young people (13–25 years)"),
        ("Vuxna våldsutsatta", "Adults exposed to violence"),
        ("Våldsutövare", "People who use violence"),
        ("Äldre", "Older people"),
        ("Personer med funktionsnedsättning", "People with disabilities"),
        ("Föräldrar", "Parents"),
        ("Yrkesverksamma", "Professionals"),
    ],
    "AgeGroup": [
        ("0–5 år", "0–5 years"),
        ("6–9 år", "6–9 years"),
        ("10–12 år", "10–12 years"),
        ("13–15 år", "13–15 years"),
        ("16–19 år", "16–19 years"),
        ("20–25 år", "20–25 years"),
        ("Vuxna", "Adults"),
    ],
    "PreventionLevel": [("Universell", "Universal"), ("Selektiv", "Selective"), ("Indikerad", "Indicated")],
    "EvidenceLevel": [
        ("Evidensbaserad", "Evidence-based"),
        ("Forskningsstödd", "Research-supported"),
        ("Beprövad erfarenhet", "Proven experience"),
        ("Lovande praktik", "Promising practice"),
        ("Ej utvärderad", "Not evaluated"),
    ],
}

TERM_PERMISSIONS = [f"knowledge.{action}_{model.lower()}" for model in TAXONOMIES for action in ("add", "change")]
EDITORIAL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "knowledge.change_supportsettings",
    "accounts.add_sector",
    "accounts.change_sector",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    *TERM_PERMISSIONS,
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


def slug_for(name):
    return slugify(name.replace("–", "-"))


def forwards(apps, schema_editor):
    for model_name, terms in TAXONOMIES.items():
        model = apps.get_model("knowledge", model_name)
        for order, (name, name_en) in enumerate(terms):
            model.objects.update_or_create(
                slug=slug_for(name), defaults={"name": name, "name_en": name_en, "sort_order": order}
            )

    roles.ensure_permissions(apps)
    for group_name in (roles.EDITOR, roles.ADMINISTRATOR):
        roles.grant(apps, group_name, TERM_PERMISSIONS)
    board = roles.grant(apps, roles.BOARD, EDITORIAL_PERMISSIONS)

    permission_model = apps.get_model("auth", "Permission")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    home = apps.get_model("knowledge", "HomePage").objects.get()
    for codename in PAGE_PERMISSIONS:
        permission = permission_model.objects.get(content_type__app_label="wagtailcore", codename=codename)
        page_permission_model.objects.get_or_create(group=board, page_id=home.pk, permission=permission)
    root_collection = collection_model.objects.get(depth=1)
    for name in COLLECTION_PERMISSIONS:
        app_label, codename = name.split(".")
        permission = permission_model.objects.get(content_type__app_label=app_label, codename=codename)
        collection_permission_model.objects.get_or_create(
            group=board, collection=root_collection, permission=permission
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_knowledge_bank")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
