"""Every page address is ASCII, as new ones are (WAGTAIL_ALLOW_UNICODE_SLUGS = False): a page made before with
"våld" in its slug gets "vald" (made free among its siblings with a number), its subpages' paths follow, its
latest and live revisions carry the new slug, so that publishing either keeps it, and the old address
redirects to the page. Otherwise such a page could not be copied or saved without the writer fixing an
address they never typed."""

from django.db import migrations
from django.utils.text import slugify

STEP = 4  # treebeard's path step for Wagtail's pages


def free(base, taken):
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def ascii_addresses(apps, schema_editor):
    page_model = apps.get_model("wagtailcore", "Page")
    revision_model = apps.get_model("wagtailcore", "Revision")
    redirect_model = apps.get_model("wagtailredirects", "Redirect")
    sites = list(apps.get_model("wagtailcore", "Site").objects.select_related("root_page"))

    def redirect(old_url_path, page_id):
        for site in sites:
            root = site.root_page.url_path
            if old_url_path.startswith(root) and old_url_path != root:
                redirect_model.objects.get_or_create(
                    site=site,
                    old_path="/" + old_url_path[len(root) :].strip("/"),
                    defaults={"redirect_page_id": page_id, "is_permanent": True, "automatically_created": True},
                )

    unicode_ids = [page.pk for page in page_model.objects.filter(depth__gt=1).only("slug") if not page.slug.isascii()]
    in_order = page_model.objects.filter(pk__in=unicode_ids).order_by("depth", "path").values_list("pk", flat=True)
    for pk in list(in_order):
        page = page_model.objects.get(pk=pk)  # read now: a parent's move has changed its path
        parent = page_model.objects.get(path=page.path[:-STEP])
        siblings = page_model.objects.filter(path__startswith=parent.path, depth=page.depth).exclude(pk=page.pk)
        slug = free(slugify(page.slug)[:240].strip("-") or "sida", set(siblings.values_list("slug", flat=True)))
        old_url_path, new_url_path = page.url_path, parent.url_path + slug + "/"
        page_model.objects.filter(pk=page.pk).update(slug=slug, url_path=new_url_path)
        redirect(old_url_path, page.pk)
        for descendant in page_model.objects.filter(path__startswith=page.path, depth__gt=page.depth):
            redirect(descendant.url_path, descendant.pk)
            descendant.url_path = new_url_path + descendant.url_path[len(old_url_path) :]
            descendant.save(update_fields=["url_path"])
        for revision in revision_model.objects.filter(pk__in={page.latest_revision_id, page.live_revision_id} - {None}):
            revision.content["slug"] = slug
            if "url_path" in revision.content:
                revision.content["url_path"] = new_url_path
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0011_owners_local_use"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(ascii_addresses, migrations.RunPython.noop)]
