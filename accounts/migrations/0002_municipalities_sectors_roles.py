from django.db import migrations

from accounts import roles

MUNICIPALITIES = [
    ("Upplands-Bro", "upplands-bro"),
    ("Järfälla", "jarfalla"),
    ("Sigtuna", "sigtuna"),
    ("Sollentuna", "sollentuna"),
    ("Sundbyberg", "sundbyberg"),
    ("Upplands Väsby", "upplands-vasby"),
]

SECTORS = [
    ("Socialtjänst", "Social services", "socialtjanst"),
    ("Skola", "School", "skola"),
    ("Förskola", "Pre-school", "forskola"),
    ("Fritid", "Leisure and youth centres", "fritid"),
    ("Hälso- och sjukvård", "Health care", "halso-och-sjukvard"),
    ("Äldreomsorg", "Elderly care", "aldreomsorg"),
    ("Funktionsstöd", "Disability support", "funktionsstod"),
    ("Polis", "Police", "polis"),
    ("Civilsamhälle", "Civil society", "civilsamhalle"),
]

ROLE_PERMISSIONS = {
    roles.EMPLOYEE: ["wagtailadmin.access_admin"],
    roles.EDITOR: [
        "wagtailadmin.access_admin",
        "accounts.add_sector",
        "accounts.change_sector",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
    ],
    roles.MODERATOR: ["wagtailadmin.access_admin"],
    roles.ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.change_municipality",
        "accounts.add_sector",
        "accounts.change_sector",
        "auth.add_group",
        "auth.change_group",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
}


def seed(apps, schema_editor):
    municipality_model = apps.get_model("accounts", "Municipality")
    sector_model = apps.get_model("accounts", "Sector")
    for name, slug in MUNICIPALITIES:
        municipality_model.objects.update_or_create(slug=slug, defaults={"name": name})
    for order, (name, name_en, slug) in enumerate(SECTORS):
        sector_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    roles.ensure_permissions(apps)
    for group_name, permission_names in ROLE_PERMISSIONS.items():
        roles.grant(apps, group_name, permission_names)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
