from django.db import migrations

from accounts import roles

CATEGORIES = [
    (
        "Förebyggande arbete",
        "Prevention",
        "forebyggande-arbete",
        "Våldsförebyggande arbete i skola, fritid och socialtjänst.",
    ),
    (
        "Barn och unga",
        "Children and young people",
        "barn-och-unga",
        "Barn som upplever våld, unga i våldsamma relationer.",
    ),
    ("Hedersrelaterat våld", "Honour-related violence", "hedersrelaterat-vald", "Hedersrelaterat våld och förtryck."),
    ("Samverkan", "Collaboration", "samverkan", "Samarbete mellan kommunerna och med polis, region och civilsamhälle."),
    (
        "Kampanjmånaden",
        "The campaign month",
        "kampanjmanaden",
        "En månad fri från våld: idéer, program och erfarenheter.",
    ),
    ("Metodfrågor", "Questions about methods", "metodfragor", "Frågor om metoder i kunskapsbanken och hur de används."),
]

CATEGORY_PERMISSIONS = ["forum.add_category", "forum.change_category", "forum.view_category"]
MODERATION_PERMISSIONS = ["forum.view_report", "forum.change_report", "forum.view_moderationaction"]


def seed(apps, schema_editor):
    category_model = apps.get_model("forum", "Category")
    for position, (name, name_en, slug, description) in enumerate(CATEGORIES):
        category_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "description": description, "position": position}
        )
    roles.ensure_permissions(apps)
    for group_name in (roles.EDITOR, roles.BOARD, roles.ADMINISTRATOR):
        roles.grant(apps, group_name, CATEGORY_PERMISSIONS)
    for group_name in (roles.MODERATOR, roles.ADMINISTRATOR):
        roles.grant(apps, group_name, MODERATION_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0001_forum"),
        ("accounts", "0003_notification_email"),
        ("knowledge", "0004_taxonomies_and_board"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
