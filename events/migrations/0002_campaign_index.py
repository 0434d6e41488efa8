"""The "Kampanjmånaden" page under the start page, published, so /kampanjmanaden/ works on every database.

Historical models know nothing of treebeard, so the page's place in the tree is written here the way
knowledge's migration writes the start page: the next free path among the start page's children.
"""

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's base 36 for Wagtail's paths
STEP = 4
SLUG = "kampanjmanaden"
TITLE = "Kampanjmånaden"
INTRO = (
    "<p>Varje år driver de sex kommunerna tillsammans kampanjmånaden ”En månad fri från våld”: föreläsningar, "
    "workshoppar och nätverksträffar för medarbetare inom socialtjänst, fritid och skola.</p>"
)


def next_child_path(parent, page_model):
    last = (
        page_model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEP:], 36) + 1 if last else 1
    step = ""
    for _digit in range(STEP):
        number, remainder = divmod(number, 36)
        step = ALPHABET[remainder] + step
    return parent.path + step


def create_campaign_index(apps, schema_editor):
    page_model = apps.get_model("wagtailcore", "Page")
    home_page_model = apps.get_model("knowledge", "HomePage")
    index_model = apps.get_model("events", "CampaignIndexPage")
    content_type_model = apps.get_model("contenttypes", "ContentType")

    home = home_page_model.objects.first()
    if home is None or index_model.objects.exists():
        return
    children = page_model.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    if children.filter(slug=SLUG).exists():
        return  # an editor's own page holds the address; leave it to them
    content_type, _created = content_type_model.objects.get_or_create(app_label="events", model="campaignindexpage")
    now = timezone.now()
    index_model.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        content_type=content_type,
        path=next_child_path(home, page_model),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        locale_id=home.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        intro=INTRO,
    )
    page_model.objects.filter(pk=home.pk).update(numchild=children.count())


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("knowledge", "0006_local_use_confirmation"),
    ]

    operations = [migrations.RunPython(create_campaign_index, migrations.RunPython.noop)]
