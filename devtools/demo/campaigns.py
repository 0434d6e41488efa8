"""The campaign month in the demo: "En månad fri från våld 2026" with a live programme, and three archive years.

Dates, chosen so that the demo always shows a campaign in progress: the 2026 campaign starts nine days before the
day the demo is seeded and runs for thirty days (`timezone.now()` at seed time). Two of its events took place
during the first week and each has its experience report; the other thirteen lie ahead. The real 2026 campaign
ran in November; a demo seeded on 3 December 2026 shows it from 24 November to 23 December.

Before 2023 the campaign was a week (the article: "en vecka fri från våld" became a month), so the archive years
2020–2022 are each a week in November with two events and no registrations.

Everything is invented: speakers are roles and organisations, never people's names.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from wagtail.rich_text import RichText

from accounts.models import Municipality, Sector, User
from devtools.demo.content import DEMO_DOMAIN
from events import organising
from events.models import CampaignPage, EventPage, EventType, Registration, RegistrationStatus
from events.services import ensure_campaign_index
from knowledge.models import TargetGroup
from knowledge.services import publish_child

LECTURE, WORKSHOP, NETWORK, TRAINING, WEBINAR = (
    EventType.LECTURE,
    EventType.WORKSHOP,
    EventType.NETWORK_MEETING,
    EventType.TRAINING,
    EventType.WEBINAR,
)
BOARD = None  # the joint editorial board hosts the event
STARTS_DAYS_BEFORE_SEEDING = 9
LENGTH_DAYS = 30
ONLINE = "https://teams.example/kampanjmanaden/"

CURRENT = {
    "year": 2026,
    "title": "En månad fri från våld 2026",
    "theme": "Barn och unga",
    "introduction": (
        "<p>Sex kommuner i nordvästra Stockholms län – Upplands-Bro, Järfälla, Sigtuna, Sollentuna, Sundbyberg "
        "och Upplands Väsby – har förlängt den årliga kampanjveckan till en hel månad. Syftet är att synliggöra "
        "och öka kunskapen om våld i nära relationer, inklusive hedersrelaterat våld och förtryck.</p>"
        "<h2>Årets fokus: barn och unga</h2>"
        "<p>Programmet riktar sig till medarbetare inom socialtjänst, fritid och skola: föreläsningar, "
        "workshoppar, utbildningar och nätverksträffar där vi delar erfarenheter över kommungränserna.</p>"
        "<p>Är någon utsatt? Brottsofferjouren ger stöd på 116 006.</p>"
    ),
}

# (day of the campaign, start hour, hours, type, host, title, summary, place, online, sectors, target groups,
#  speaker, places, tags, registrations)
# Registrations: (how many registered, how many attended) for past events; how many register for coming ones.
CURRENT_EVENTS = [
    (
        2,
        9,
        3,
        LECTURE,
        "jarfalla",
        "Barn som upplever våld hemma – vad vet vi i dag?",
        "En genomgång av vad forskningen och våldsmottagningens erfarenhet säger om barn som lever med våld, "
        "och vad det betyder för oss som möter dem.",
        "Järfälla kommunhus, Riddarsalen",
        "",
        ["socialtjanst", "skola"],
        ["Barn (0–12 år)", "Yrkesverksamma"],
        "Socialsekreterare från Järfällas våldsmottagning",
        60,
        ["barn som upplever våld"],
        (8, 6),
    ),
    (
        6,
        13,
        3,
        WORKSHOP,
        "upplands-bro",
        "Fritidsgården som trygg plats – att se och stödja unga som utsätts",
        "Fritidsledare från Upplands-Bro berättar hur de utbildats för att stödja unga som är utsatta, och vi "
        "övar på hur man tar det första samtalet.",
        "Bro fritidsgård, Bro",
        "",
        ["fritid"],
        ["Unga (13–25 år)"],
        "Fritidsledare och samordnare från Upplands-Bros fritidsgårdar",
        25,
        ["fritidsgård", "unga"],
        (6, 5),
    ),
    (
        11,
        10,
        1.5,
        WEBINAR,
        BOARD,
        "Hedersrelaterat våld och förtryck – tidiga tecken i skolan",
        "Vilka signaler kan skolpersonal se, och vad gör man när en elev berättar? Ett webbinarium för alla sex "
        "kommunerna.",
        "",
        ONLINE + "heder",
        ["skola", "socialtjanst"],
        ["Unga (13–25 år)", "Yrkesverksamma"],
        "Kompetensteam mot hedersrelaterat våld och förtryck",
        None,
        ["hedersrelaterat våld"],
        5,
    ),
    (
        12,
        13,
        3,
        WORKSHOP,
        "sigtuna",
        "Samtal med barn om våld – en övningsworkshop",
        "Vi övar samtal med barn som kan leva med våld, i små grupper och med stöd av en samtalsmodell. "
        "Begränsat antal platser.",
        "Sigtuna kulturhus, sal 2",
        "",
        ["socialtjanst", "skola"],
        ["Barn (0–12 år)"],
        "Skolkuratorer och socialsekreterare från Sigtuna",
        6,
        ["samtal med barn"],
        9,
    ),
    (
        13,
        15,
        2,
        NETWORK,
        "sollentuna",
        "Nätverksträff för fritidsledare i de sex kommunerna",
        "Fritidsledare från alla sex kommuner träffas för att dela hur de arbetar med unga som far illa, och "
        "för att lära känna varandra.",
        "Turebergshuset, Sollentuna",
        "",
        ["fritid"],
        ["Unga (13–25 år)"],
        "Fritidsförvaltningen i Sollentuna",
        40,
        ["samverkan", "fritidsgård"],
        4,
    ),
    (
        14,
        9,
        6,
        TRAINING,
        "sundbyberg",
        "Grundutbildning: att fråga om våld",
        "En heldag om varför och hur vi frågar om våld, hur vi dokumenterar och vart vi hänvisar. För nya "
        "medarbetare i socialtjänsten.",
        "Sundbybergs stadshus, sal Ursvik",
        "",
        ["socialtjanst"],
        ["Vuxna våldsutsatta", "Yrkesverksamma"],
        "Utbildare från Sundbybergs socialtjänst",
        30,
        ["fråga om våld"],
        3,
    ),
    (
        15,
        18,
        2,
        LECTURE,
        "upplands-vasby",
        "Unga i våldsamma relationer – kärlek eller kontroll?",
        "Om svartsjuka, kontroll och våld i ungas parrelationer, och hur vuxna i skola och på fritidsgården kan "
        "prata om det.",
        "Väsby Entré, hörsalen",
        "",
        ["skola", "fritid"],
        ["Unga (13–25 år)"],
        "Kurator från ungdomsmottagningen i Upplands Väsby",
        80,
        ["unga", "parrelationer"],
        4,
    ),
    (
        16,
        13,
        3,
        WORKSHOP,
        "jarfalla",
        "Barnkonventionen i praktiken – barnets röst i utredningen",
        "Hur får barnets egen berättelse plats i en utredning om våld? Vi arbetar med fall som är påhittade för "
        "övningen.",
        "Järfälla kommunhus, rum Görväln",
        "",
        ["socialtjanst"],
        ["Barn (0–12 år)"],
        "Familjerättssekreterare från Järfälla",
        20,
        ["barnkonventionen", "utredning"],
        2,
    ),
    (
        17,
        14,
        1,
        WEBINAR,
        "sollentuna",
        "Digitalt våld bland unga – näthat, hot och kontroll",
        "Ett lunchwebbinarium om hur våld och kontroll tar sig uttryck i mobilen, och vad skolan kan göra.",
        "",
        ONLINE + "digitalt-vald",
        ["skola"],
        ["Unga (13–25 år)"],
        "Elevhälsan i Sollentuna",
        None,
        ["digitalt våld"],
        3,
    ),
    (
        18,
        13,
        2,
        NETWORK,
        "sigtuna",
        "Skolkuratorer möts: rutiner vid oro för ett barn",
        "Kuratorer från kommunernas skolor jämför sina rutiner för orosanmälan och samverkan med socialtjänsten.",
        "Sigtuna stadshus, sal Valsta",
        "",
        ["skola"],
        ["Barn (0–12 år)", "Yrkesverksamma"],
        "Elevhälsan i Sigtuna",
        30,
        ["orosanmälan", "samverkan"],
        2,
    ),
    (
        20,
        9,
        4,
        TRAINING,
        "upplands-bro",
        "Att arbeta med den som utövar våld – en introduktion",
        "Varför arbetet med våldsutövare skyddar barn och vuxna, och hur en behandlingsinsats går till.",
        "Upplands-Bro kommunhus, Kungsängen",
        "",
        ["socialtjanst"],
        ["Våldsutövare"],
        "Behandlare från en mottagning för våldsutövare",
        35,
        ["våldsutövare"],
        2,
    ),
    (
        21,
        18,
        2,
        LECTURE,
        "upplands-vasby",
        "Föräldraskapsstöd när det har förekommit våld",
        "Hur stödjer vi föräldrar efter våld, så att barnen får trygghet och förutsägbarhet?",
        "Upplands Väsby kommunhus, sal Runby",
        "",
        ["socialtjanst"],
        ["Föräldrar"],
        "Familjebehandlare från Upplands Väsbys föräldraskapsstöd",
        50,
        ["föräldraskapsstöd"],
        2,
    ),
    (
        23,
        14,
        3,
        WORKSHOP,
        "sundbyberg",
        "Trygga rum på fritidsgården – ett metodpass",
        "Vi provar övningar som gör det lättare för unga att berätta, och pratar om vad som händer sedan.",
        "Fritidsgården Hallonbergen, Sundbyberg",
        "",
        ["fritid"],
        ["Unga (13–25 år)"],
        "Fritidsledare från Sundbyberg",
        20,
        ["fritidsgård"],
        1,
    ),
    (
        25,
        13,
        3,
        NETWORK,
        BOARD,
        "Avslutande nätverksträff: vad tar vi med oss?",
        "Socialtjänst, fritid och skola från alla sex kommunerna samlas för att summera månaden och planera "
        "nästa års samverkan. Går också att följa på distans.",
        "Järfälla kommunhus, Riddarsalen",
        ONLINE + "avslutning",
        ["socialtjanst", "fritid", "skola"],
        ["Yrkesverksamma"],
        "Den gemensamma redaktionen",
        100,
        ["samverkan", "kampanjmånaden"],
        3,
    ),
    (
        27,
        9,
        4,
        TRAINING,
        "jarfalla",
        "Hedersrelaterat våld: skyddsbedömning för skolpersonal",
        "Hur skolan bidrar till en skyddsbedömning när en elev kan vara utsatt för hedersrelaterat våld och förtryck.",
        "Järfälla kommunhus, rum Säbysjön",
        "",
        ["skola"],
        ["Unga (13–25 år)", "Yrkesverksamma"],
        "Socialsekreterare från Järfällas enhet mot hedersrelaterat våld",
        40,
        ["hedersrelaterat våld"],
        2,
    ),
]

# What the organisers wrote after the two past events, over the draft "Skriv en erfarenhet" made.
LESSONS = {
    "Barn som upplever våld hemma – vad vet vi i dag?": (
        "<p>Blandningen av socialtjänst och skola i samma rum gav många frågor om hur vi samverkar.</p>",
        "<p>Tre timmar var för kort för frågestunden; nästa år planerar vi en uppföljande workshop.</p>",
    ),
    "Fritidsgården som trygg plats – att se och stödja unga som utsätts": (
        "<p>Rollspelen i små grupper uppskattades mest, och fritidsledarna vill ses igen.</p>",
        "<p>Tiden mitt på dagen gjorde att flera inte kunde komma från sina gårdar.</p>",
    ),
}

ARCHIVE = [
    {
        "year": 2020,
        "title": "En vecka fri från våld 2020",
        "theme": "Barnkonventionen",
        "week": (date(2020, 11, 23), date(2020, 11, 29)),
        "introduction": "<p>Året då barnkonventionen blev svensk lag: barnets rätt till ett liv fritt från våld.</p>",
        "events": [
            (WEBINAR, BOARD, "Barnkonventionen som lag – vad betyder den för socialtjänsten?", ["socialtjanst"]),
            (LECTURE, "sollentuna", "Barnets bästa i skolans vardag", ["skola"]),
        ],
    },
    {
        "year": 2021,
        "title": "En vecka fri från våld 2021",
        "theme": "Särskilt sårbara grupper",
        "week": (date(2021, 11, 22), date(2021, 11, 28)),
        "introduction": (
            "<p>Våld mot personer med funktionsnedsättning, äldre och andra som har svårt att söka hjälp.</p>"
        ),
        "events": [
            (LECTURE, "sundbyberg", "Våld mot personer med funktionsnedsättning", ["socialtjanst"]),
            (WEBINAR, "sigtuna", "Äldre som utsätts för våld av en närstående", ["socialtjanst"]),
        ],
    },
    {
        "year": 2022,
        "title": "En vecka fri från våld 2022",
        "theme": "Förebyggande arbete och våldsutövare",
        "week": (date(2022, 11, 21), date(2022, 11, 27)),
        "introduction": "<p>Att förebygga våld innan det sker, och att arbeta med den som utövar våld.</p>",
        "events": [
            (WORKSHOP, "upplands-vasby", "Normer och jämställdhet – förebyggande arbete i skolan", ["skola"]),
            (TRAINING, "jarfalla", "Att möta den som utövar våld", ["socialtjanst"]),
        ],
    },
]


def stockholm(day, hour):
    whole = int(hour)
    minutes = round((hour - whole) * 60)
    return timezone.make_aware(datetime.combine(day, time(whole, minutes)))


def add_campaign(index, spec, starts_on, ends_on):
    campaign = CampaignPage(
        title=spec["title"],
        slug=slugify(spec["title"]),
        year=spec["year"],
        theme=spec["theme"],
        starts_on=starts_on,
        ends_on=ends_on,
        introduction=spec["introduction"],
    )
    campaign.partner_municipalities.set(Municipality.objects.all())
    return publish_child(index, campaign)


def add_event(campaign, *, event_type, host, title, summary, starts_at, hours, place="", online="", **fields):
    sectors = fields.pop("sectors", [])
    target_groups = fields.pop("target_groups", [])
    tags = fields.pop("tags", [])
    event = EventPage(
        title=title,
        slug=slugify(title)[:80],
        event_type=event_type,
        summary=summary,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        place=place,
        online_link=online,
        municipality=Municipality.objects.get(slug=host) if host else None,
        description=[("paragraph", RichText(f"<p>{summary}</p>"))],
        **fields,
    )
    event.sectors.set(Sector.objects.filter(slug__in=sectors))
    event.target_groups.set(TargetGroup.objects.filter(name__in=target_groups))
    event.tags.add(*tags)
    return publish_child(campaign, event)


def demo_people():
    """The demo's employees and moderators, one municipality after another: the people who register."""
    return list(
        User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}", email__regex=r"^(medarbetare|moderator)\.").order_by(
            "email"
        )
    )


def register_demo_people(event, people, *, attended=None, now):
    """Places first, then the waiting list. Rows are written directly: the demo mails nobody, and the past
    events' registrations were made before they started."""
    for number, person in enumerate(people):
        has_place = event.capacity is None or number < event.capacity
        Registration.objects.create(
            event=event,
            person=person,
            status=RegistrationStatus.REGISTERED if has_place else RegistrationStatus.WAITING,
            waiting_since=None if has_place else now - timedelta(days=1, minutes=-number),
            attended=(number < attended) if attended is not None and has_place else None,
        )


def write_experience(event, editor):
    """What an organiser does after the event: "Skriv en erfarenhet", add the lessons, publish."""
    page = organising.draft_experience_from(event, by=editor)
    if page.current_workflow_state:
        page.current_workflow_state.cancel(user=editor)
    page.lessons_worked, page.lessons_not_worked = LESSONS[event.title]
    page.contact_role = "Samordnare för våld i nära relationer"
    page.save_revision(user=editor).publish(user=editor)
    return page


def seed_campaigns(now=None):
    """The 2026 campaign around `now` and the archive years; a year that already exists is left alone."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    index = ensure_campaign_index()
    for spec in ARCHIVE:
        if CampaignPage.objects.filter(year=spec["year"]).exists():
            continue
        starts_on, ends_on = spec["week"]
        campaign = add_campaign(index, spec, starts_on, ends_on)
        for day, (event_type, host, title, sectors) in enumerate(spec["events"], start=1):
            add_event(
                campaign,
                event_type=event_type,
                host=host,
                title=title,
                summary=f"{title}. Ur arkivet för kampanjveckan {spec['year']}.",
                starts_at=stockholm(starts_on + timedelta(days=day), 13),
                hours=2,
                place="" if event_type == WEBINAR else "Kommunhuset",
                online=ONLINE + str(spec["year"]) if event_type == WEBINAR else "",
                sectors=sectors,
                speaker="Den gemensamma redaktionen" if host is None else "",
            )
    if CampaignPage.objects.filter(year=CURRENT["year"]).exists():
        return
    starts_on = today - timedelta(days=STARTS_DAYS_BEFORE_SEEDING)
    campaign = add_campaign(index, CURRENT, starts_on, starts_on + timedelta(days=LENGTH_DAYS - 1))
    people = demo_people()
    for spec in CURRENT_EVENTS:
        (day, hour, hours, event_type, host, title, summary, place, online, sectors, groups, speaker, places, tags,
         registrations) = spec  # fmt: skip
        event = add_event(
            campaign,
            event_type=event_type,
            host=host,
            title=title,
            summary=summary,
            starts_at=stockholm(starts_on + timedelta(days=day - 1), hour),
            hours=hours,
            place=place,
            online=online,
            sectors=sectors,
            target_groups=groups,
            tags=tags,
            speaker=speaker,
            capacity=places,
        )
        if isinstance(registrations, tuple):
            registered, attended = registrations
            register_demo_people(event, people[:registered], attended=attended, now=now)
            editor = User.objects.get(email=f"redaktor.{host}@{DEMO_DOMAIN}")
            write_experience(event, editor)
        else:
            # A different handful of colleagues for each event; the full workshop gets more than its places.
            register_demo_people(event, people[day % 5 : day % 5 + registrations], now=now)
