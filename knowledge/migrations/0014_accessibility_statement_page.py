"""The accessibility statement under the start page, published, in the words of DIGG's model statement.

Historical models know nothing of treebeard, so the page's place in the tree is written here as
events.0002_campaign_index writes the campaign month's: the next free path among the start page's children.
"""

import datetime

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's base 36 for Wagtail's paths
STEP = 4
SLUG = "tillganglighetsredogorelse"
TITLE = "Tillgänglighet för Kunskapsforum"
STATEMENT_DATE = datetime.date(2026, 12, 3)
DIGG_FORM = "https://www.digg.se/tdosanmalan"
BODY = f"""
<p>De sex kommunerna i nordvästra Stockholms län står bakom Kunskapsforum. Vi vill att så många som möjligt ska
kunna använda webbplatsen. Det här dokumentet beskriver hur Kunskapsforum uppfyller lagen (2018:1937) om
tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister
till oss så att vi kan åtgärda dem.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Vi är medvetna om att delar av webbplatsen inte är helt tillgängliga. Se avsnittet om innehåll som inte är
tillgängligt nedan för mer information.</p>
<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Om du behöver innehåll från Kunskapsforum som inte är tillgängligt för dig, men som omfattas av lagen, kan du
be den gemensamma redaktionen om det: skriv i forumets kategori för frågor om Kunskapsforum, eller kontakta din
kommuns kontaktcenter, som för ärendet vidare. Du får svar inom två arbetsdagar.</p>
<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte är
beskrivna på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta
att problemet finns: skriv i forumets kategori för frågor om Kunskapsforum eller kontakta din kommuns
kontaktcenter.</p>
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn för lagen om tillgänglighet till digital
offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du
<a href="{DIGG_FORM}">kontakta Myndigheten för digital förvaltning och påtala det</a>.</p>
<h2>Teknisk information om webbplatsens tillgänglighet</h2>
<p>Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av
de brister som beskrivs nedan. Vi mäter mot nivå AA i standarden WCAG 2.1.</p>
<h2>Innehåll som inte är tillgängligt</h2>
<p>Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.</p>
<h3>Bristande förenlighet med lagkraven</h3>
<ul>
<li>Redigeringsverktyget (Wagtails administrationsgränssnitt), där redaktörer och moderatorer arbetar, är inte
fullständigt granskat med automatiska tester; de vyer vi själva har lagt till är testade, Wagtails egna delvis.</li>
<li>Förslagslistan när du nämner en kollega med @ i forumet är testad med tangentbord och automatiska tester men
ännu inte med en riktig skärmläsare.</li>
<li>Dokument som laddas upp (till exempel PDF-material till metoder och evenemang) kontrolleras inte automatiskt;
äldre dokument kan sakna rubriker och alternativtext.</li>
<li>Inspelningar från evenemang kan sakna textning.</li>
</ul>
<h3>Oskäligt betungande anpassning</h3>
<p>Vi åberopar inte oskäligt betungande anpassning för något innehåll.</p>
<h3>Innehållet omfattas inte av tillämplig lagstiftning</h3>
<p>Inspelade föreläsningar som publicerades före den 23 september 2020 omfattas inte av lagkraven.</p>
<h2>Hur vi testat webbplatsen</h2>
<p>Vi har gjort en självskattning (intern testning) av Kunskapsforum. Varje sidtyp, formulär och felmeddelande
testas automatiskt med verktyget axe-core i en riktig webbläsare vid varje ändring av koden, mot WCAG 2.1 nivå A
och AA; samma tester kontrollerar att sidorna fungerar i 320 pixlars bredd utan vågrät rullning. Viktiga flöden
(logga in, söka, skriva i forumet, anmäla sig till evenemang) testas med enbart tangentbord.</p>
<p>Senaste bedömningen gjordes den 3 december 2026.</p>
<p>Webbplatsen publicerades 2026.</p>
<p>Redogörelsen uppdaterades senast den 3 december 2026.</p>
""".strip()


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


def create_statement(apps, schema_editor):
    page_model = apps.get_model("wagtailcore", "Page")
    home_page_model = apps.get_model("knowledge", "HomePage")
    statement_model = apps.get_model("knowledge", "AccessibilityStatementPage")
    content_type_model = apps.get_model("contenttypes", "ContentType")

    home = home_page_model.objects.first()
    if home is None or statement_model.objects.exists():
        return
    children = page_model.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    if children.filter(slug=SLUG).exists():
        return  # an editor's own page holds the address; leave it to them
    content_type, _created = content_type_model.objects.get_or_create(
        app_label="knowledge", model="accessibilitystatementpage"
    )
    now = timezone.now()
    statement_model.objects.create(
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
        compliance="partial",
        body=BODY,
        tested_on=STATEMENT_DATE,
        statement_date=STATEMENT_DATE,
    )
    page_model.objects.filter(pk=home.pk).update(numchild=children.count())


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0013_accessibility_statement"),
        ("events", "0002_campaign_index"),
    ]

    operations = [migrations.RunPython(create_statement, migrations.RunPython.noop)]
