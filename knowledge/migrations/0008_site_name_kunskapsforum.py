# The site is called Kunskapsforum (issue 14): Wagtail's admin start page greets editors with the site's name, which
# was blank, so it showed the host name, "localhost". A name an administrator has set is left alone.
from django.db import migrations

SITE_NAME = "Kunskapsforum"


def name_the_site(apps, schema_editor):
    apps.get_model("wagtailcore", "Site").objects.filter(site_name="").update(site_name=SITE_NAME)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0007_retire_wagtails_example_workflow")]

    operations = [migrations.RunPython(name_the_site, migrations.RunPython.noop)]
