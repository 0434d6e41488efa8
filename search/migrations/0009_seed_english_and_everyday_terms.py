from django.db import migrations

# The field's words in English beside the Swedish groups, and the everyday words people search with
# beside the professional terms (one way: "spionprogram" also finds "digitalt våld", not the reverse).
# Each entry: Swedish terms (the first names an existing group, if there is one), broader terms, English terms.
# Editors change and extend all of it in the admin (Sökordlista); this only starts it off.
GROUPS = [
    # Groups seeded before: English added where editors have left the field empty.
    (
        "relationsvåld; våld i nära relationer; partnervåld; vinr",
        "",
        "domestic violence; domestic abuse; intimate partner violence; ipv; partner violence; partner abuse; "
        "family violence; relationship violence; violence in close relationships; violence in intimate relationships; "
        "spousal abuse",
    ),
    (
        "hedersrelaterat våld; hedersvåld; hrv; hedersförtryck; hedersrelaterat våld och förtryck; hedersnormer",
        "",
        "honour violence; honor violence; honour-based violence; honor-based violence; honour-related violence; "
        "honor-related violence; honour-related violence and oppression; honour oppression; honor oppression; "
        "honour crime; honor crime; honour culture; honour norms; honor norms; honour killing",
    ),
    (
        "våldsutövare; förövare; gärningsperson",
        "",
        "perpetrator; perpetrators; abuser; abusers; offender; offenders; batterer; batterers; violent men",
    ),
    (
        "barn som upplever våld; barn som bevittnar våld",
        "",
        "children exposed to violence; children experiencing violence; children witnessing violence; "
        "children who witness violence; children who witnessed violence; child witnesses; child witness; "
        "children exposed to domestic violence",
    ),
    (
        "könsstympning; fgm",
        "",
        "female genital mutilation; genital mutilation; female genital cutting; genital cutting; female circumcision",
    ),
    (
        "orosanmälan; anmälan om oro",
        "",
        "report of concern; reports of concern; child protection report; report to social services; "
        "safeguarding referral; referral to social services",
    ),
    (
        "fritidsgård; fritidsverksamhet",
        "",
        "youth centre; youth center; youth club; youth recreation; leisure centre; recreation centre",
    ),
    ("unga; ungdomar", "", "young people; youth; youths; teenagers; teens; adolescents; young persons"),
    ("skyddat boende; skyddsboende", "", "sheltered housing; shelter; safe house; protected housing"),
    ("kvinnojour; kvinnofridsjour", "", "women's shelter; womens shelter; women's refuge; refuge"),
    ("kontaktförbud; besöksförbud", "", "restraining order; protection order; contact ban; non-contact order"),
    ("stalkning; olaga förföljelse; förföljelse", "", "stalking; stalker; cyberstalking"),
    ("tvångsäktenskap; tvångsgifte", "", "forced marriage; forced marriages"),
    ("barnäktenskap", "", "child marriage; child marriages"),
    ("skyddsplanering; säkerhetsplanering", "", "safety planning; safety plan; protection planning"),
    ("åskådarprogram; åskådarperspektiv", "", "bystander programme; bystander program; bystander intervention"),
    ("brottsofferjour; brottsofferstöd", "", "victim support"),
    (
        "digitalt våld; nätvåld; våld på nätet",
        "",
        "digital violence; online violence; online abuse; cyber violence; digital abuse; "
        "technology-facilitated abuse; tech abuse",
    ),
    ("elevhälsoteam; eht", "", "student health team; pupil health team"),
    ("sip; samordnad individuell plan", "", "coordinated individual plan"),
    ("bbic; barns behov i centrum", "", "children's needs in focus"),
    ("lvu; lagen om vård av unga", "", "care of young persons act"),
    # The field's words, each with its English.
    ("barn", "", "child; children; kids; kid"),
    ("förälder; föräldrar", "", "parent; parents; parenting"),
    ("vårdnadshavare", "", "guardian; guardians; caregiver; caregivers"),
    ("våld", "", "violence; violent"),
    ("fysiskt våld; misshandel", "", "physical violence; physical abuse; assault; battering"),
    ("psykiskt våld; psykisk misshandel", "", "psychological violence; psychological abuse; emotional abuse"),
    ("sexuellt våld; sexuella övergrepp", "", "sexual violence; sexual abuse; sexual assault"),
    ("våldtäkt", "", "rape"),
    ("ekonomiskt våld", "", "economic violence; economic abuse; financial abuse; financial violence"),
    ("materiellt våld", "", "material violence; property damage"),
    ("försummelse", "", "neglect"),
    ("latent våld", "", "latent violence"),
    ("kontroll", "", "control; coercive control; controlling"),
    ("äldre", "", "elderly; older people; older persons; older adults; seniors; elder"),
    ("våld mot äldre", "", "elder abuse; abuse of older people"),
    ("funktionsnedsättning; funktionshinder", "", "disability; disabilities; disabled"),
    ("förskola", "", "preschool; pre-school; kindergarten; nursery"),
    ("skola", "", "school; schools"),
    ("gymnasieskola; gymnasiet; gymnasium", "", "upper secondary school; high school; secondary school"),
    ("grundskola", "", "compulsory school; primary school"),
    ("socialtjänst", "", "social services; social service"),
    ("socialsekreterare", "", "social worker; social workers; caseworker"),
    ("polis", "", "police; police officer"),
    ("polisingripande; polisens ingripande", "", "police intervention; police response"),
    ("hälso- och sjukvård; sjukvård", "", "healthcare; health care; health services"),
    ("vårdcentral", "", "health centre; health center; primary care; primary care centre"),
    ("tandvård", "", "dental care; dentist"),
    ("mödrahälsovård; barnmorska", "", "maternity care; antenatal care; midwife"),
    ("barnahus", "", "children's advocacy centre; child advocacy center"),
    ("familjerätt", "", "family law"),
    ("vårdnad", "", "custody"),
    ("umgänge", "", "visitation; child contact; contact arrangements; contact with the children"),
    ("separation; skilsmässa", "", "separation; divorce; break-up"),
    ("riskbedömning", "", "risk assessment; risk assessments"),
    ("stödgrupp", "", "support group; support groups"),
    ("stöd", "", "support; help"),
    ("samtal", "", "conversation; conversations; talk; talks; counselling; counseling"),
    ("krissamtal", "", "crisis counselling; crisis counseling; crisis support"),
    ("behandling", "", "treatment; therapy"),
    (
        "våldsutövarprogram; program för våldsutövare; behandlingsprogram för våldsutövare",
        "",
        "perpetrator programme; perpetrator program; batterer intervention; batterer program; "
        "programme for perpetrators; program for perpetrators",
    ),
    ("program", "", "programme; program"),
    ("metod", "", "method; methods; approach"),
    ("utbildning", "", "training; education; course"),
    ("förebyggande; prevention", "", "prevention; preventive; preventing"),
    ("samverkan; samarbete", "", "cooperation; co-operation; collaboration; partnership"),
    ("tolk", "", "interpreter; interpreters; interpreting"),
    (
        "anmälningsskyldighet; skyldighet att anmäla",
        "",
        "duty to report; mandatory reporting; reporting duty; obligation to report",
    ),
    ("avidentifiera; anonymisera", "", "anonymise; anonymize; anonymisation; de-identify"),
    ("ärende", "", "case; cases"),
    ("kvinnor; kvinna", "", "women; woman"),
    ("män; man", "", "men; man"),
    ("flickor; tjejer", "", "girls; girl"),
    ("pojkar; killar", "", "boys; boy"),
    ("våldsutsatta; våldsutsatt", "", "victims; victim; survivors; survivor; abused"),
    ("våldsutsatta kvinnor", "", "abused women; battered women; women subjected to violence"),
    ("fritidsledare", "", "youth worker; youth workers; youth leader"),
    ("kurator; skolkurator", "", "school counsellor; counsellor; counselor"),
    ("lärare", "", "teacher; teachers"),
    ("barnkonventionen", "", "convention on the rights of the child; uncrc; crc"),
    # The intranet's own campaign, called by its name and by its page's.
    (
        "en månad fri från våld; kampanjmånaden; kampanjmånad",
        "",
        "a month free from violence; one month free from violence; campaign month",
    ),
    ("samkönade relationer; samkönad relation", "", "same-sex relationship; same-sex relationships"),
    ("hbtq; hbtqi", "", "lgbt; lgbtq; lgbtqi"),
    ("människohandel", "", "human trafficking; trafficking"),
    ("sexuell utpressning", "sexuellt våld; digitalt våld", "sextortion; sexual extortion"),
    ("mobbning", "", "bullying"),
    ("trakasserier", "", "harassment"),
    ("skulder; skuld", "", "debt; debts"),
    ("demens", "", "dementia"),
    ("sommarlov", "", "summer holiday; summer holidays; summer break; summer vacation"),
    ("lov", "", "holiday; holidays; school holiday"),
    ("oro", "", "concern; concerns; worry; worries; worried"),
    ("anmälan", "", "report; reports; reporting"),
    ("telefon", "", "phone; mobile; mobile phone; telephone; cell phone"),
    ("spårning", "", "tracking; tracker"),
    ("ensamkommande", "", "unaccompanied minors; unaccompanied children"),
    ("familjehem", "", "foster home; foster care; foster family"),
    ("missbruk", "", "substance abuse; addiction"),
    ("psykisk ohälsa", "", "mental health; mental illness"),
    ("personal", "", "staff; personnel; employees"),
    ("våldsmottagning", "", "violence clinic; domestic violence clinic"),
    ("mäns våld mot kvinnor", "", "men's violence against women; violence against women"),
    ("våldsombud", "", "violence ombudsman; domestic violence advocate"),
    (
        "barn som far illa",
        "orosanmälan",
        "children at risk; child maltreatment; child abuse; child protection",
    ),
    ("skyddad identitet; skyddade personuppgifter; sekretessmarkering", "", "protected identity"),
    (
        "dejtingvåld; pojkvänsvåld; våld i ungas relationer; våld i ungas parrelationer; våld i tonårsrelationer",
        "",
        "dating violence; teen dating violence",
    ),
    # Everyday words and phrasings for the field's concepts, one way.
    (
        "spionprogram; spionprogramvara; spionapp; spionappar; stalkerware; spyware; övervakningsapp; "
        "spårningsapp; spårsändare; gps-sändare",
        "digitalt våld; stalkning",
        "spyware; stalkerware; spy app; tracking app",
    ),
    (
        "övervakar; övervaka; övervakning; läser mina sms; kollar min mobil; kollar mobilen; hackat; hackad; lösenord",
        "digitalt våld; kontroll",
        "monitoring; surveillance; hacked; password",
    ),
    (
        "nakenbilder; nakenbild; intima bilder; sprider bilder; hämndporr",
        "digitalt våld; sexuellt våld",
        "nudes; intimate images; revenge porn; image-based abuse",
    ),
    ("förföljer; förföljd; följer efter; dyker upp överallt", "stalkning", "followed; following me"),
    (
        "slå; slår; slog; slagit; sparkar; sparkade; knuffar; knuffade; örfil; stryk; blåmärken",
        "fysiskt våld; våld",
        "hit; hits; hitting; beat; beats; beating; kick; kicks; bruises",
    ),
    (
        "pappa slår mamma; pappa slog mamma; mamma slår pappa; föräldrarna slåss; föräldrarna bråkar; "
        "bråk hemma; våld hemma; våld i hemmet; våld i familjen",
        "barn som upplever våld; våld i nära relationer",
        "dad hits mum; dad hit mum; violence at home; violence in the family",
    ),
    (
        "barn som ser; barn som såg; barn som sett; barn som hör; barn som hörde; barn som hört; barn som lever med",
        "barn som upplever våld",
        "children who see; children who saw; children who hear",
    ),
    (
        "hotar; hotade; hotat; hot; hotfull",
        "psykiskt våld",
        "threat; threats; threatens; threatened",
    ),
    (
        "kränker; förnedrar; förnedring; svartsjuk; svartsjuka; kontrollerande; isolerar",
        "psykiskt våld; kontroll",
        "humiliates; jealous; jealousy; isolates",
    ),
    (
        "rädd att gå hem; vågar inte gå hem; rädd för pappa; rädd för mamma",
        "barn som far illa; barn som upplever våld",
        "afraid to go home; scared to go home",
    ),
    (
        "tvingas gifta sig; tvingad att gifta sig; giftas bort; bortgift; arrangerat äktenskap",
        "tvångsäktenskap",
        "married off; arranged marriage",
    ),
    (
        "oskuld; oskuldskontroll; oskuldsnormer; får inte träffa kompisar; får inte ha pojkvän",
        "hedersrelaterat våld och förtryck",
        "virginity; virginity control",
    ),
    (
        "tar lönen; tar mina pengar; lån i mitt namn; skulder i mitt namn; bankkort",
        "ekonomiskt våld",
        "takes my money; loans in my name",
    ),
    ("omskärelse av flickor; omskuren; skäras", "könsstympning", ""),
    ("mormor; farmor; morfar; farfar; pensionär", "äldre", "grandmother; grandfather; pensioner"),
    ("ring polisen; polisanmäla; polisanmälan", "", "report to the police; police report"),
]


def terms(text):
    return "\n".join(term.strip().casefold() for term in text.split(";") if term.strip())


def seed(apps, schema_editor):
    group_model = apps.get_model("site_search", "SynonymGroup")
    for swedish, broader, english in GROUPS:
        first = swedish.split(";")[0].strip()
        existing = next(
            (group for group in group_model.objects.filter(terms__contains=first) if first in group.terms.split("\n")),
            None,
        )
        if existing is None:
            group_model.objects.create(terms=terms(swedish), broader_terms=terms(broader), english_terms=terms(english))
            continue
        # Only fields editors have left empty: their own words stay as they are.
        changed = []
        if not existing.english_terms and english:
            existing.english_terms, changed = terms(english), [*changed, "english_terms"]
        if not existing.broader_terms and broader:
            existing.broader_terms, changed = terms(broader), [*changed, "broader_terms"]
        if changed:
            existing.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0008_forgiving_search_words_english_terms_followed_searches")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
