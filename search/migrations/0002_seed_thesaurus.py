from django.db import migrations

from accounts import roles

GROUPS = [
    ("relationsvåld\nvåld i nära relationer\npartnervåld\nvinr", "Grundbegreppet och dess förkortning."),
    (
        "hedersrelaterat våld\nhedersvåld\nhrv\nhedersförtryck\nhedersrelaterat våld och förtryck",
        "Hedersrelaterat våld och förtryck.",
    ),
    ("våldsutövare\nförövare\ngärningsperson", "Den som utövar våld."),
    ("barn som upplever våld\nbarn som bevittnar våld", "Barn som lever med våld i familjen."),
    ("könsstympning\nfgm", "Kvinnlig könsstympning (female genital mutilation)."),
    ("orosanmälan\nanmälan om oro", "Anmälan till socialtjänsten när någon är orolig för ett barn."),
    ("fritidsgård\nfritidsverksamhet", "Öppen fritidsverksamhet för unga."),
]
PERMISSIONS = [f"site_search.{action}_synonymgroup" for action in ("add", "change", "delete", "view")]


def seed(apps, schema_editor):
    group_model = apps.get_model("site_search", "SynonymGroup")
    for terms, note in GROUPS:
        group_model.objects.get_or_create(terms=terms, defaults={"note": note})
    roles.ensure_permissions(apps)
    for group_name in (roles.EDITOR, roles.BOARD, roles.ADMINISTRATOR):
        roles.grant(apps, group_name, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_thesaurus"),
        ("accounts", "0003_notification_email"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
