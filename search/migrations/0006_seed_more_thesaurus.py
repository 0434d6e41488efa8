from django.db import migrations

# More of the field's everyday synonyms and abbreviations, beside those the first seed holds.
# Editors change and extend the groups in the admin (Sökordlista); this only starts them off.
GROUPS = [
    ("unga\nungdomar", "Unga och ungdomar."),
    ("skyddat boende\nskyddsboende", "Boende för den som behöver skydd mot våld."),
    ("kvinnojour\nkvinnofridsjour", "Ideella jourer för våldsutsatta kvinnor."),
    ("kontaktförbud\nbesöksförbud", "Besöksförbud heter kontaktförbud sedan 2011."),
    ("stalkning\nolaga förföljelse\nförföljelse", "Upprepad förföljelse och trakasserier."),
    ("tvångsäktenskap\ntvångsgifte", "Äktenskap mot någons vilja."),
    ("digitalt våld\nnätvåld\nvåld på nätet", "Våld, hot och kontroll via mobil och nätet."),
    ("elevhälsoteam\neht", "Skolans elevhälsoteam."),
    ("sip\nsamordnad individuell plan", "Plan när flera verksamheter ger insatser."),
    ("bbic\nbarns behov i centrum", "Socialtjänstens system för utredning av barns behov."),
    ("lvu\nlagen om vård av unga", "Lagen (1990:52) med särskilda bestämmelser om vård av unga."),
    ("mvp\nmentors in violence prevention", "Åskådarprogrammet Mentors in Violence Prevention."),
]
# The honour group as first seeded, and the words the field uses for the same subject beside it.
HONOUR = "hedersrelaterat våld\nhedersvåld\nhrv\nhedersförtryck\nhedersrelaterat våld och förtryck"
HONOUR_MORE = "\nhedersnormer\nhederskultur\nhedersproblematik"


def seed(apps, schema_editor):
    group_model = apps.get_model("site_search", "SynonymGroup")
    for terms, note in GROUPS:
        group_model.objects.get_or_create(terms=terms, defaults={"note": note})
    # Only where editors have not changed the group since it was seeded.
    group_model.objects.filter(terms=HONOUR).update(terms=HONOUR + HONOUR_MORE)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0005_editors_tools")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
