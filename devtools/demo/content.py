"""Demo content in Swedish, grounded in the campaign article in shared/context.

Everything here is invented for the demo: no real people, no real clients.
"""

# Every demo address is at this made-up domain (RFC 2606: .example never receives mail).
DEMO_DOMAIN = "demo.kunskapsforum.example"

HOME_INTRO = (
    "<p>Kunskapsforum är intranätet där Upplands-Bro, Järfälla, Sigtuna, Sollentuna, Sundbyberg och "
    "Upplands Väsby arbetar tillsammans mot våld i nära relationer, inklusive hedersrelaterat våld och "
    "förtryck. Här hittar du metoder och erfarenheter från kollegor i de sex kommunerna, kan ställa frågor "
    "i forumet och anmäla dig till kampanjmånaden <b>En månad fri från våld</b>.</p>"
)

WELCOME_ARTICLE = {
    "title": "Välkommen till Kunskapsforum",
    "slug": "valkommen-till-kunskapsforum",
    "summary": (
        "Sex kommuner i nordvästra Stockholms län samlar nu sitt arbete mot våld i nära relationer på ett "
        "ställe: metoder, erfarenheter, diskussioner och kampanjmånaden."
    ),
    "body": [
        (
            "paragraph",
            "<p>Arbetet mot våld i nära relationer pågår hela året i alla sex kommuner. Genom att dela "
            "metoder och erfarenheter med varandra kan vi lära oss snabbare, undvika att uppfinna hjulet "
            "på nytt och ge barn, unga och vuxna som utsätts för våld ett bättre stöd.</p>",
        ),
        ("heading", {"text": "Från en vecka till en hel månad", "level": "h2"}),
        (
            "paragraph",
            "<p>Den årliga kampanjen ”En vecka fri från våld” har blivit ”En månad fri från våld”. Under "
            "månaden ordnar kommunerna föreläsningar, workshoppar och nätverksträffar för medarbetare inom "
            "socialtjänst, skola och fritid. Syftet är att synliggöra och öka kunskapen om relationsvåld, "
            "inklusive hedersrelaterat våld och förtryck. Årets kampanj har ett särskilt fokus på barn och "
            "unga.</p>",
        ),
        ("heading", {"text": "Så använder du Kunskapsforum", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>Kunskapsbanken</b> samlar metoder och lärande exempel från kommunerna, till exempel "
            "hur en våldsmottagning är organiserad eller hur personal på fritidsgårdar har utbildats för att "
            "kunna stödja unga som är utsatta.</li><li>I <b>forumet</b> kan du ställa frågor och hitta en "
            "kollega i en annan kommun som har gjort något liknande.</li><li>Under <b>Kampanjmånaden</b> "
            "hittar du programmet och anmäler dig till aktiviteter.</li></ul>",
        ),
        (
            "fact_box",
            {
                "title": "Skriv aldrig uppgifter om enskilda",
                "text": "<p>Kunskapsforum är till för kunskap och erfarenheter, inte för ärenden. Skriv aldrig "
                "namn, personnummer eller annat som kan peka ut en klient. Dela hellre hur ni arbetade än "
                "vem ni arbetade med.</p>",
            },
        ),
        (
            "quote",
            "Att gemensamt jobba mot relationsvåld har många fördelar – vi utbyter erfarenheter och idéer "
            "och får större genomslag.",
        ),
    ],
}

MUNICIPALITY_PAGES = {
    "upplands-bro": (
        "Upplands-Bro har utbildat personal på fritidsgårdarna så att de kan ge stöd till unga som är "
        "utsatta för våld, och bygger en webbsida som riktar sig direkt till unga."
    ),
    "jarfalla": (
        "Järfälla har en våldsmottagning som erbjuder stöd till den som blivit utsatt och ett omfattande "
        "förebyggande arbete som kommunen fortsätter att utveckla."
    ),
    "sigtuna": (
        "Sigtuna samordnar arbetet mot våld i nära relationer mellan socialtjänst, skola och fritid, med "
        "särskild uppmärksamhet på hedersrelaterat våld och förtryck."
    ),
    "sollentuna": (
        "Sollentuna arbetar med tidig upptäckt i skola och förskola och med stödgrupper för barn som har "
        "upplevt våld i familjen."
    ),
    "sundbyberg": (
        "Sundbyberg satsar på utbildning av medarbetare i att fråga om våld och på samverkan med polis och "
        "hälso- och sjukvård."
    ),
    "upplands-vasby": (
        "Upplands Väsby arbetar förebyggande med unga, bland annat med program där åskådare lär sig att "
        "säga ifrån mot våld och kränkningar."
    ),
}

# What the demo people do, so that the forum (devtools/demo/forum.json) reads like colleagues talking.
JOB_TITLES = {
    "medarbetare.jarfalla": "Socialsekreterare, våldsmottagningen",
    "medarbetare.sigtuna": "Skolkurator",
    "medarbetare.sollentuna": "Förskolechef",
    "medarbetare.sundbyberg": "Barnmorska, ungdomsmottagningen",
    "medarbetare.upplands-vasby": "Familjebehandlare, föräldraskapsstöd",
    "medarbetare.upplands-bro": "Fritidsledare",
}
# What the demo's colleagues say about themselves in the directory (people/): sector, unit, expertise from the
# vocabulary the demo's pages bring, and what they can help with. Invented; no real person's data.
PROFILES = {
    "medarbetare.sigtuna": {
        "sector": "skola",
        "unit": "Elevhälsan, Centralskolan",
        "expertise": ["hedersförtryck", "skola", "orosanmälan"],
        "can_help_with": "Samtal med elever som lever med hedersrelaterade begränsningar, och hur skolan anmäler oro.",
        "show_email": True,
    },
    "medarbetare.jarfalla": {
        "sector": "socialtjanst",
        "unit": "Våldsmottagningen",
        "expertise": ["våldsmottagning", "riskbedömning", "barn som upplever våld"],
        "can_help_with": "Riskbedömningar och hur en våldsmottagning kan organiseras.",
        "show_email": True,
    },
    "medarbetare.sollentuna": {
        "sector": "forskola",
        "unit": "Förskoleområde Norr",
        "expertise": ["barn som upplever våld", "orosanmälan"],
        "can_help_with": "",
        "show_email": False,
    },
    "medarbetare.sundbyberg": {
        "sector": "halso-och-sjukvard",
        "unit": "Ungdomsmottagningen",
        "expertise": ["unga", "fråga om våld", "hedersförtryck"],
        "can_help_with": "Att fråga om våld i mötet med unga.",
        "show_email": True,
    },
    "medarbetare.upplands-vasby": {
        "sector": "socialtjanst",
        "unit": "Familjebehandlingen",
        "expertise": ["föräldrastöd", "våldsutövare"],
        "can_help_with": "",
        "show_email": False,
    },
    "medarbetare.upplands-bro": {
        "sector": "fritid",
        "unit": "Fritidsgården Kungsängen",
        "expertise": ["fritidsgårdar", "åskådarprogram", "unga"],
        "can_help_with": "Åskådarprogram på fritidsgården.",
        "show_email": True,
    },
}

JOB_TITLES_BY_ROLE = {
    "Redaktör": "Samordnare för våld i nära relationer",
    "Moderator": "Utvecklingsledare, socialtjänsten",
    "Administratör": "Systemförvaltare",
}

# (thread title, post number, reporter, reason, explanation): work waiting in the moderation queue.
DEMO_REPORTS = [
    (
        "Barnahus – hur snabbt får ni samråd?",
        3,
        "medarbetare.sundbyberg@demo.kunskapsforum.example",
        "personal_data",
        "Beskrivningen av ärendet är så detaljerad att familjen kanske kan kännas igen. Kan en moderator titta?",
    ),
    (
        "Dela föreläsare under kampanjmånaden?",
        4,
        "medarbetare.upplands-bro@demo.kunskapsforum.example",
        "wrong_place",
        "Det här handlar mer om upphandling än om kampanjmånaden – passar det bättre under Samverkan?",
    ),
]
