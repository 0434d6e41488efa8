"""The field's vocabulary that generated texts are made of: nouns by what they name, verbs, adjectives, tags.

Every list is written by hand for this data set and names no real person.
Within each list the first entries are the common ones: the writer picks
them more often, so that a frequent term hits many texts and a rare one few,
as in real writing. Nouns are given as "gender indefinite definite plural
plural-definite", with _ joining the words of one form; a noun without
plural forms is a mass noun.
"""

# Things people use, make and do: routines, tools, conversations, training.
TOOLS = """
en rutin rutinen rutiner rutinerna
en orosanmälan orosanmälan orosanmälningar orosanmälningarna
en riskbedömning riskbedömningen riskbedömningar riskbedömningarna
en kartläggning kartläggningen kartläggningar kartläggningarna
en handlingsplan handlingsplanen handlingsplaner handlingsplanerna
en säkerhetsplan säkerhetsplanen säkerhetsplaner säkerhetsplanerna
ett stödsamtal stödsamtalet stödsamtal stödsamtalen
en utbildning utbildningen utbildningar utbildningarna
en checklista checklistan checklistor checklistorna
en samverkansrutin samverkansrutinen samverkansrutiner samverkansrutinerna
en gruppverksamhet gruppverksamheten gruppverksamheter gruppverksamheterna
en skyddsbedömning skyddsbedömningen skyddsbedömningar skyddsbedömningarna
ett samtal samtalet samtal samtalen
en handledning handledningen
en uppföljning uppföljningen uppföljningar uppföljningarna
en stödgrupp stödgruppen stödgrupper stödgrupperna
ett barnsamtal barnsamtalet barnsamtal barnsamtalen
ett nätverksmöte nätverksmötet nätverksmöten nätverksmötena
en utredning utredningen utredningar utredningarna
en insats insatsen insatser insatserna
ett material materialet material materialen
en förhandsbedömning förhandsbedömningen förhandsbedömningar förhandsbedömningarna
ett föräldrasamtal föräldrasamtalet föräldrasamtal föräldrasamtalen
en samtalsmall samtalsmallen samtalsmallar samtalsmallarna
ett krissamtal krissamtalet krissamtal krissamtalen
en stödinsats stödinsatsen stödinsatser stödinsatserna
en behandling behandlingen behandlingar behandlingarna
en fortbildning fortbildningen fortbildningar fortbildningarna
en metodhandledning metodhandledningen
en konsultation konsultationen konsultationer konsultationerna
ett motivationssamtal motivationssamtalet motivationssamtal motivationssamtalen
ett uppföljningssamtal uppföljningssamtalet uppföljningssamtal uppföljningssamtalen
ett samverkansmöte samverkansmötet samverkansmöten samverkansmötena
en barnutredning barnutredningen barnutredningar barnutredningarna
en grundutbildning grundutbildningen grundutbildningar grundutbildningarna
en manual manualen manualer manualerna
ett underlag underlaget underlag underlagen
en broschyr broschyren broschyrer broschyrerna
en affisch affischen affischer affischerna
en film filmen filmer filmerna
en workshop workshopen workshoppar workshopparna
en föreläsning föreläsningen föreläsningar föreläsningarna
ett seminarium seminariet seminarier seminarierna
en konferens konferensen konferenser konferenserna
en kampanj kampanjen kampanjer kampanjerna
en temavecka temaveckan temaveckor temaveckorna
en föräldraträff föräldraträffen föräldraträffar föräldraträffarna
ett föräldramöte föräldramötet föräldramöten föräldramötena
en lektion lektionen lektioner lektionerna
en lektionsserie lektionsserien lektionsserier lektionsserierna
en värdegrundsövning värdegrundsövningen värdegrundsövningar värdegrundsövningarna
en kompetensutveckling kompetensutvecklingen
ett samarbete samarbetet samarbeten samarbetena
ett nätverk nätverket nätverk nätverken
en arbetsgrupp arbetsgruppen arbetsgrupper arbetsgrupperna
en styrgrupp styrgruppen styrgrupper styrgrupperna
en referensgrupp referensgruppen referensgrupper referensgrupperna
ett kompetensteam kompetensteamet kompetensteam kompetensteamen
en överenskommelse överenskommelsen överenskommelser överenskommelserna
ett avtal avtalet avtal avtalen
ett projekt projektet projekt projekten
ett utvecklingsarbete utvecklingsarbetet utvecklingsarbeten utvecklingsarbetena
en pilotverksamhet pilotverksamheten pilotverksamheter pilotverksamheterna
en remiss remissen remisser remisserna
en ansökan ansökan ansökningar ansökningarna
en menprövning menprövningen menprövningar menprövningarna
en sekretessprövning sekretessprövningen sekretessprövningar sekretessprövningarna
en dokumentation dokumentationen
en journalanteckning journalanteckningen journalanteckningar journalanteckningarna
en enkät enkäten enkäter enkäterna
en intervju intervjun intervjuer intervjuerna
en utvärdering utvärderingen utvärderingar utvärderingarna
en vägledning vägledningen vägledningar vägledningarna
en riktlinje riktlinjen riktlinjer riktlinjerna
en policy policyn policyer policyerna
en mall mallen mallar mallarna
ett formulär formuläret formulär formulären
en blankett blanketten blanketter blanketterna
en polisanmälan polisanmälan polisanmälningar polisanmälningarna
ett kontaktförbud kontaktförbudet kontaktförbud kontaktförbuden
en placering placeringen placeringar placeringarna
en skyddsplacering skyddsplaceringen skyddsplaceringar skyddsplaceringarna
en familjehemsplacering familjehemsplaceringen familjehemsplaceringar familjehemsplaceringarna
ett barnförhör barnförhöret barnförhör barnförhören
en läkarundersökning läkarundersökningen läkarundersökningar läkarundersökningarna
ett föräldrastöd föräldrastödet
ett krisstöd krisstödet
ett stödprogram stödprogrammet stödprogram stödprogrammen
ett behandlingsprogram behandlingsprogrammet behandlingsprogram behandlingsprogrammen
ett mentorsprogram mentorsprogrammet mentorsprogram mentorsprogrammen
en app appen appar apparna
en chatt chatten chattar chattarna
en stödlinje stödlinjen stödlinjer stödlinjerna
en webbsida webbsidan webbsidor webbsidorna
en plattform plattformen plattformar plattformarna
ett informationsblad informationsbladet informationsblad informationsbladen
en lathund lathunden lathundar lathundarna
ett flödesschema flödesschemat flödesscheman flödesschemana
en ärendegång ärendegången ärendegångar ärendegångarna
en screening screeningen screeningar screeningarna
ett screeningformulär screeningformuläret screeningformulär screeningformulären
en samtalsmetod samtalsmetoden samtalsmetoder samtalsmetoderna
en arbetsmodell arbetsmodellen arbetsmodeller arbetsmodellerna
ett hembesök hembesöket hembesök hembesöken
ett trepartssamtal trepartssamtalet trepartssamtal trepartssamtalen
en trygghetsvandring trygghetsvandringen trygghetsvandringar trygghetsvandringarna
en kollegial_granskning den_kollegiala_granskningen
en ärendedragning ärendedragningen ärendedragningar ärendedragningarna
en fallbeskrivning fallbeskrivningen fallbeskrivningar fallbeskrivningarna
en tidslinje tidslinjen tidslinjer tidslinjerna
en nätverkskarta nätverkskartan nätverkskartor nätverkskartorna
en skattningsskala skattningsskalan skattningsskalor skattningsskalorna
ett bedömningsstöd bedömningsstödet bedömningsstöd bedömningsstöden
ett introduktionsprogram introduktionsprogrammet introduktionsprogram introduktionsprogrammen
en sommarkampanj sommarkampanjen sommarkampanjer sommarkampanjerna
en informationsträff informationsträffen informationsträffar informationsträffarna
en föräldrautbildning föräldrautbildningen föräldrautbildningar föräldrautbildningarna
en tjejgrupp tjejgruppen tjejgrupper tjejgrupperna
en killgrupp killgruppen killgrupper killgrupperna
en samtalsgrupp samtalsgruppen samtalsgrupper samtalsgrupperna
en uppdragsbeskrivning uppdragsbeskrivningen uppdragsbeskrivningar uppdragsbeskrivningarna
en lägesbild lägesbilden lägesbilder lägesbilderna
en omvärldsanalys omvärldsanalysen omvärldsanalyser omvärldsanalyserna
en budget budgeten budgetar budgetarna
en finansiering finansieringen
"""

# Places and units, with the preposition a sentence puts before them.
UNITS = """
på en våldsmottagning våldsmottagningen våldsmottagningar våldsmottagningarna
på en familjecentral familjecentralen familjecentraler familjecentralerna
på en fritidsgård fritidsgården fritidsgårdar fritidsgårdarna
i en skola skolan skolor skolorna
på en förskola förskolan förskolor förskolorna
i en elevhälsa elevhälsan
på ett barnahus barnahuset barnahus barnahusen
på en ungdomsmottagning ungdomsmottagningen ungdomsmottagningar ungdomsmottagningarna
hos en socialjour socialjouren socialjourer socialjourerna
i en fältgrupp fältgruppen fältgrupper fältgrupperna
på en kvinnojour kvinnojouren kvinnojourer kvinnojourerna
på en tjejjour tjejjouren tjejjourer tjejjourerna
på en vårdcentral vårdcentralen vårdcentraler vårdcentralerna
på en mödravårdscentral mödravårdscentralen mödravårdscentraler mödravårdscentralerna
på en barnavårdscentral barnavårdscentralen barnavårdscentraler barnavårdscentralerna
på en akutmottagning akutmottagningen akutmottagningar akutmottagningarna
på ett skyddsboende skyddsboendet skyddsboenden skyddsboendena
på ett jourboende jourboendet jourboenden jourboendena
i en grundskola grundskolan grundskolor grundskolorna
på ett gymnasium gymnasiet gymnasier gymnasierna
på en mottagningsenhet mottagningsenheten mottagningsenheter mottagningsenheterna
på en barn-_och_ungdomsenhet barn-_och_ungdomsenheten barn-_och_ungdomsenheter barn-_och_ungdomsenheterna
på en vuxenenhet vuxenenheten vuxenenheter vuxenenheterna
på ett familjebehandlingsteam familjebehandlingsteamet familjebehandlingsteam familjebehandlingsteamen
i en öppenvård öppenvården
på ett fritidshem fritidshemmet fritidshem fritidshemmen
på ett bibliotek biblioteket bibliotek biblioteken
i en idrottsförening idrottsföreningen idrottsföreningar idrottsföreningarna
på ett äldreboende äldreboendet äldreboenden äldreboendena
i en hemtjänst hemtjänsten
på ett HVB-hem HVB-hemmet HVB-hem HVB-hemmen
på en beroendemottagning beroendemottagningen beroendemottagningar beroendemottagningarna
på en BUP-mottagning BUP-mottagningen BUP-mottagningar BUP-mottagningarna
på en försörjningsstödsenhet försörjningsstödsenheten försörjningsstödsenheter försörjningsstödsenheterna
på en arbetsmarknadsenhet arbetsmarknadsenheten arbetsmarknadsenheter arbetsmarknadsenheterna
på ett medborgarkontor medborgarkontoret medborgarkontor medborgarkontoren
på en polisstation polisstationen polisstationer polisstationerna
"""

# People at work.
PROFESSIONALS = """
en socialsekreterare socialsekreteraren socialsekreterare socialsekreterarna
en kurator kuratorn kuratorer kuratorerna
en lärare läraren lärare lärarna
en skolsköterska skolsköterskan skolsköterskor skolsköterskorna
en fritidsledare fritidsledaren fritidsledare fritidsledarna
en förskollärare förskoläraren förskollärare förskollärarna
en samordnare samordnaren samordnare samordnarna
en rektor rektorn rektorer rektorerna
en skolkurator skolkuratorn skolkuratorer skolkuratorerna
en familjebehandlare familjebehandlaren familjebehandlare familjebehandlarna
en handläggare handläggaren handläggare handläggarna
en enhetschef enhetschefen enhetschefer enhetscheferna
en fältassistent fältassistenten fältassistenter fältassistenterna
en behandlare behandlaren behandlare behandlarna
en polis polisen poliser poliserna
en barnskötare barnskötaren barnskötare barnskötarna
en barnmorska barnmorskan barnmorskor barnmorskorna
en sjuksköterska sjuksköterskan sjuksköterskor sjuksköterskorna
en psykolog psykologen psykologer psykologerna
en skolpsykolog skolpsykologen skolpsykologer skolpsykologerna
en läkare läkaren läkare läkarna
en tolk tolken tolkar tolkarna
en åklagare åklagaren åklagare åklagarna
en mentor mentorn mentorer mentorerna
en kontaktperson kontaktpersonen kontaktpersoner kontaktpersonerna
en volontär volontären volontärer volontärerna
en biståndshandläggare biståndshandläggaren biståndshandläggare biståndshandläggarna
en undersköterska undersköterskan undersköterskor undersköterskorna
en studie-_och_yrkesvägledare studie-_och_yrkesvägledaren studie-_och_yrkesvägledare studie-_och_yrkesvägledarna
en modersmålslärare modersmålsläraren modersmålslärare modersmålslärarna
en elevassistent elevassistenten elevassistenter elevassistenterna
en fritidspedagog fritidspedagogen fritidspedagoger fritidspedagogerna
en utredare utredaren utredare utredarna
en utvecklingsledare utvecklingsledaren utvecklingsledare utvecklingsledarna
en verksamhetsutvecklare verksamhetsutvecklaren verksamhetsutvecklare verksamhetsutvecklarna
en kommunpolis kommunpolisen kommunpoliser kommunpoliserna
en brottsofferhandläggare brottsofferhandläggaren brottsofferhandläggare brottsofferhandläggarna
en barnombudsman barnombudsmannen barnombudsmän barnombudsmännen
"""

# The people the work is for.
GROUPS = """
ett barn barnet barn barnen
en förälder föräldern föräldrar föräldrarna
en ungdom ungdomen ungdomar ungdomarna
en elev eleven elever eleverna
en familj familjen familjer familjerna
en vårdnadshavare vårdnadshavaren vårdnadshavare vårdnadshavarna
en kvinna kvinnan kvinnor kvinnorna
en våldsutövare våldsutövaren våldsutövare våldsutövarna
ett syskon syskonet syskon syskonen
en tonåring tonåringen tonåringar tonåringarna
en flicka flickan flickor flickorna
en pojke pojken pojkar pojkarna
en man mannen män männen
en partner partnern partner partnerna
ett brottsoffer brottsoffret brottsoffer brottsoffren
en förövare förövaren förövare förövarna
en pappa pappan pappor papporna
en mamma mamman mammor mammorna
en tjej tjejen tjejer tjejerna
en kille killen killar killarna
en besökare besökaren besökare besökarna
en klient klienten klienter klienterna
en patient patienten patienter patienterna
en släkting släktingen släktingar släktingarna
en granne grannen grannar grannarna
en kompis kompisen kompisar kompisarna
"""

# Forms of violence and what goes with them.
HARMS = """
ett våld våldet
ett relationsvåld relationsvåldet
ett hedersförtryck hedersförtrycket
ett partnervåld partnervåldet
ett hedersrelaterat_våld det_hedersrelaterade_våldet
ett hot hotet hot hoten
en misshandel misshandeln
en kontroll kontrollen
ett psykiskt_våld det_psykiska_våldet
ett sexuellt_våld det_sexuella_våldet
ett ekonomiskt_våld det_ekonomiska_våldet
ett digitalt_våld det_digitala_våldet
en försummelse försummelsen försummelser försummelserna
en kränkning kränkningen kränkningar kränkningarna
ett förtryck förtrycket
ett näthat näthatet
ett tvångsäktenskap tvångsäktenskapet tvångsäktenskap tvångsäktenskapen
ett barnäktenskap barnäktenskapet barnäktenskap barnäktenskapen
en könsstympning könsstympningen
ett trakasseri trakasseriet trakasserier trakasserierna
en isolering isoleringen
en övervakning övervakningen
en stalkning stalkningen
ett sexuellt_ofredande det_sexuella_ofredandet sexuella_ofredanden de_sexuella_ofredandena
en våldtäkt våldtäkten våldtäkter våldtäkterna
ett hedersmotiv hedersmotivet hedersmotiv hedersmotiven
en kvarlämning kvarlämningen kvarlämningar kvarlämningarna
en gängkriminalitet gängkriminaliteten
ett självskadebeteende självskadebeteendet självskadebeteenden självskadebeteendena
ett missbruk missbruket
ett eftervåld eftervåldet
en mobbning mobbningen
en grooming groomingen
en utpressning utpressningen
en skolfrånvaro skolfrånvaron
"""

# What the work is about: safety, knowledge, rights, feelings, circumstances.
IDEAS = """
en trygghet tryggheten
en kunskap kunskapen kunskaper kunskaperna
en samverkan samverkan
en kompetens kompetensen kompetenser kompetenserna
ett barnperspektiv barnperspektivet
en sekretess sekretessen
ett skydd skyddet
ett stöd stödet
en oro oron
en säkerhet säkerheten
ett samtycke samtycket
en misstanke misstanken misstankar misstankarna
ett behov behovet behov behoven
en väntetid väntetiden väntetider väntetiderna
en riskfaktor riskfaktorn riskfaktorer riskfaktorerna
en skyddsfaktor skyddsfaktorn skyddsfaktorer skyddsfaktorerna
en varningssignal varningssignalen varningssignaler varningssignalerna
ett förhållningssätt förhållningssättet förhållningssätt förhållningssätten
ett bemötande bemötandet
en samsyn samsynen
en jämställdhet jämställdheten
en norm normen normer normerna
en hedersnorm hedersnormen hedersnormer hedersnormerna
en kyskhetsnorm kyskhetsnormen kyskhetsnormer kyskhetsnormerna
en maskulinitetsnorm maskulinitetsnormen maskulinitetsnormer maskulinitetsnormerna
en attityd attityden attityder attityderna
en värdegrund värdegrunden
ett barnrättsperspektiv barnrättsperspektivet
ett traumaperspektiv traumaperspektivet
en lojalitetskonflikt lojalitetskonflikten lojalitetskonflikter lojalitetskonflikterna
en rädsla rädslan rädslor rädslorna
en skam skammen
en skuld skulden
en ångest ångesten
ett trauma traumat trauman traumana
en anknytning anknytningen
en vårdnadstvist vårdnadstvisten vårdnadstvister vårdnadstvisterna
ett umgänge umgänget umgängen umgängena
en separation separationen separationer separationerna
en skilsmässa skilsmässan skilsmässor skilsmässorna
en ekonomi ekonomin
en bostadssituation bostadssituationen
en frånvaro frånvaron
en ohälsa ohälsan
ett beroende beroendet beroenden beroendena
en förutsägbarhet förutsägbarheten
en kontinuitet kontinuiteten
ett förtroende förtroendet
en delaktighet delaktigheten
en tillit tilliten
en rättssäkerhet rättssäkerheten
ett ansvar ansvaret
ett mandat mandatet
en lagstiftning lagstiftningen
en anmälningsplikt anmälningsplikten
en uppgiftsskyldighet uppgiftsskyldigheten
en tystnadsplikt tystnadsplikten
ett språk språket språk språken
en tolkning tolkningen tolkningar tolkningarna
en statistik statistiken
ett mörkertal mörkertalet mörkertal mörkertalen
en uppväxt uppväxten
en utsatthet utsattheten
en sårbarhet sårbarheten
en självständighet självständigheten
en frihet friheten
en identitet identiteten identiteter identiteterna
en sexualitet sexualiteten
en hälsa hälsan
en motivation motivationen
en förändring förändringen förändringar förändringarna
en återfallsrisk återfallsrisken återfallsrisker återfallsriskerna
en ansvarsfördelning ansvarsfördelningen
en helhetssyn helhetssynen
"""

ADJECTIVES = """
tydlig tydligt tydliga
gemensam gemensamt gemensamma
strukturerad strukturerat strukturerade
enkel enkelt enkla
ny nytt nya
lokal lokalt lokala
digital digitalt digitala
långsiktig långsiktigt långsiktiga
tidig tidigt tidiga
förebyggande förebyggande förebyggande
regional regionalt regionala
praktisk praktiskt praktiska
anpassad anpassat anpassade
samordnad samordnat samordnade
trygg tryggt trygga
konkret konkret konkreta
snabb snabbt snabba
flexibel flexibelt flexibla
uppsökande uppsökande uppsökande
kommunövergripande kommunövergripande kommunövergripande
lättläst lättläst lättlästa
flerspråkig flerspråkigt flerspråkiga
evidensbaserad evidensbaserat evidensbaserade
manualbaserad manualbaserat manualbaserade
beprövad beprövat beprövade
systematisk systematiskt systematiska
återkommande återkommande återkommande
intern internt interna
extern externt externa
kostnadsfri kostnadsfritt kostnadsfria
frivillig frivilligt frivilliga
kort kort korta
tvärprofessionell tvärprofessionellt tvärprofessionella
normkritisk normkritiskt normkritiska
våldsförebyggande våldsförebyggande våldsförebyggande
barnanpassad barnanpassat barnanpassade
traumamedveten traumamedvetet traumamedvetna
kultursensitiv kultursensitivt kultursensitiva
psykosocial psykosocialt psykosociala
pedagogisk pedagogiskt pedagogiska
omfattande omfattande omfattande
grundläggande grundläggande grundläggande
fördjupad fördjupat fördjupade
regelbunden regelbundet regelbundna
individuell individuellt individuella
användbar användbart användbara
lyckad lyckat lyckade
uppdaterad uppdaterat uppdaterade
reviderad reviderat reviderade
nationell nationellt nationella
gruppbaserad gruppbaserat gruppbaserade
familjeorienterad familjeorienterat familjeorienterade
hälsofrämjande hälsofrämjande hälsofrämjande
"""

# Verbs whose object is a thing: infinitive, present, past, supine.
MAKING_VERBS = """
använda använder använde använt
införa inför införde infört
pröva prövar prövade prövat
utveckla utvecklar utvecklade utvecklat
ta fram tar fram tog fram tagit fram
följa upp följer upp följde upp följt upp
utvärdera utvärderar utvärderade utvärderat
starta startar startade startat
testa testar testade testat
bygga upp bygger upp byggde upp byggt upp
samordna samordnar samordnade samordnat
dokumentera dokumenterar dokumenterade dokumenterat
förbättra förbättrar förbättrade förbättrat
förenkla förenklar förenklade förenklat
anpassa anpassar anpassade anpassat
översätta översätter översatte översatt
sprida sprider spred spridit
erbjuda erbjuder erbjöd erbjudit
planera planerar planerade planerat
genomföra genomför genomförde genomfört
implementera implementerar implementerade implementerat
revidera reviderar reviderade reviderat
uppdatera uppdaterar uppdaterade uppdaterat
granska granskar granskade granskat
förankra förankrar förankrade förankrat
finansiera finansierar finansierade finansierat
lansera lanserar lanserade lanserat
organisera organiserar organiserade organiserat
strukturera strukturerar strukturerade strukturerat
förstärka förstärker förstärkte förstärkt
utöka utökar utökade utökat
ersätta ersätter ersatte ersatt
dela delar delade delat
samla samlar samlade samlat
leda leder ledde lett
beställa beställer beställde beställt
skriva om skriver om skrev om skrivit om
köpa in köper in köpte in köpt in
"""

# Verbs whose object is a form of violence or a concern.
NOTICING_VERBS = """
upptäcka upptäcker upptäckte upptäckt
uppmärksamma uppmärksammar uppmärksammade uppmärksammat
förebygga förebygger förebyggde förebyggt
motverka motverkar motverkade motverkat
synliggöra synliggör synliggjorde synliggjort
känna igen känner igen kände igen känt igen
hantera hanterar hanterade hanterat
fånga upp fångar upp fångade upp fångat upp
bemöta bemöter bemötte bemött
kartlägga kartlägger kartlade kartlagt
prata om pratar om pratade om pratat om
stoppa stoppar stoppade stoppat
"""

# Verbs whose object is a person.
MEETING_VERBS = """
träffa träffar träffade träffat
möta möter mötte mött
stötta stöttar stöttade stöttat
informera informerar informerade informerat
bjuda in bjuder in bjöd in bjudit in
kontakta kontaktar kontaktade kontaktat
hänvisa hänvisar hänvisade hänvisat
utbilda utbildar utbildade utbildat
involvera involverar involverade involverat
fråga frågar frågade frågat
lyssna på lyssnar på lyssnade på lyssnat på
motivera motiverar motiverade motiverat
"""

# Sectors in the definite form: "inom hela socialtjänsten".
SECTOR_AREAS = [
    "socialtjänsten",
    "skolan",
    "förskolan",
    "elevhälsan",
    "fritidsverksamheten",
    "hälso- och sjukvården",
    "äldreomsorgen",
    "funktionsstödet",
    "individ- och familjeomsorgen",
    "kulturskolan",
]

MEETINGS = ["samtalet", "mötet", "kontakten", "besöket", "träffen", "hembesöket"]
TIMES = [
    "förra året",
    "i våras",
    "i höstas",
    "under hösten",
    "under våren",
    "efter sommaren",
    "inför kampanjmånaden",
    "i början av terminen",
    "efter jul",
    "under pandemin",
    "för ett par år sedan",
    "i somras",
]

# Whole sentences people write in replies, for variety between the generated ones.
SHORT_REPLIES = [
    "Tack för ett bra inlägg!",
    "Det här känner jag igen.",
    "Bra fråga, vi brottas med samma sak.",
    "Jag håller med.",
    "Intressant, berätta gärna mer.",
    "Vi har också funderat på det här.",
    "Tack, det här var till stor hjälp!",
    "Skönt att höra att vi inte är ensamma om det.",
    "Vi tar med oss det till nästa arbetsplatsträff.",
    "Jag skickar vidare tråden till min chef.",
    "Hör gärna av dig via forumet så berättar jag mer.",
    "Det låter som en klok lösning.",
    "Vi gjorde likadant och det fungerade bra.",
    "Det beror nog mycket på hur ärendet ser ut.",
    "Kan du dela materialet här i tråden?",
    "Vi väntar fortfarande på besked från förvaltningen.",
]

# Names of methods: an activity and whom or where it is for.
METHOD_ACTIVITIES = [
    "Gruppverksamhet",
    "Stödsamtal",
    "Föräldraskapsstöd",
    "Trygghetsplanering",
    "Riskbedömning med strukturerad checklista",
    "Samtalsmetod",
    "Mentorsprogram",
    "Våldsförebyggande lektionsserie",
    "Uppsökande fältarbete",
    "Kartläggningsintervju",
    "Skyddsbedömning",
    "Tvärprofessionellt konsultationsteam",
    "Nätverksmöten",
    "Krisstöd",
    "Motivationsarbete",
    "Behandlingsprogram",
    "Tidiga samtal",
    "Samtalsgrupp",
    "Föräldragrupp",
    "Normkritisk värdegrundsövning",
    "Screening för våldsutsatthet",
    "Hembesöksprogram",
    "Digitalt stödmaterial",
    "Lågtröskelmottagning",
    "Samverkansmodell",
    "Kompetensteam",
    "Traumamedvetet bemötande",
    "Säkerhetsplanering",
    "Kontaktpersonsuppdrag",
    "Påverkansarbete",
    "Bystander-utbildning",
    "Kamratstödjarprogram",
    "Utbildning om frågor om våld",
    "Rutin för orosanmälan",
    "Strukturerat barnsamtal",
    "Familjebehandling",
    "Individuell behandling",
    "Föräldrautbildning",
    "Trygghetsvandring",
    "Skyddsplan",
]
METHOD_TARGETS = [
    "för barn som upplever våld",
    "för unga i hederskontext",
    "för våldsutövare",
    "för föräldrar efter separation",
    "för våldsutsatta kvinnor",
    "för våldsutsatta män",
    "för unga i våldsamma relationer",
    "i förskolan",
    "i grundskolan",
    "på gymnasiet",
    "på fritidsgården",
    "på familjecentralen",
    "inom elevhälsan",
    "inom socialtjänsten",
    "inom äldreomsorgen",
    "för personer med funktionsnedsättning",
    "för nyanlända familjer",
    "för syskon",
    "för unga som utövar våld",
    "för pappor",
    "för ensamkommande unga",
    "för äldre våldsutsatta",
    "för hbtqi-personer",
    "för tonårsföräldrar",
    "för yrkesverksamma",
    "vid hedersrelaterat våld och förtryck",
    "vid misstanke om könsstympning",
    "vid risk för tvångsäktenskap",
    "vid digitalt våld",
    "vid eftervåld",
]

METHOD_OWNERS = [
    "Socialstyrelsen",
    "Länsstyrelsen",
    "Kommunens socialtjänst",
    "Regionens hälso- och sjukvård",
    "En ideell förening",
    "Kunskapsforums sex kommuner gemensamt",
    "Ett universitet i samarbete med kommunerna",
    "Nationellt centrum för kvinnofrid",
    "Barnahus i länet",
    "Elevhälsan i kommunen",
]
CONTACT_ROLES = [
    "Samordnare för våld i nära relationer",
    "Enhetschef på våldsmottagningen",
    "Samordnare mot hedersrelaterat våld och förtryck",
    "Utvecklingsledare inom socialtjänsten",
    "Skolkurator med samordnande uppdrag",
    "Fältassistent med samordningsansvar",
    "Verksamhetsutvecklare på familjecentralen",
    "Kommunens barnrättsstrateg",
]
STAFF = [
    "Två behandlare per grupp",
    "En samordnare på halvtid",
    "Kuratorer och skolsköterskor",
    "Socialsekreterare med vidareutbildning",
    "Fritidsledare och fältassistenter",
    "Ett tvärprofessionellt team",
]
TRAINING = [
    "Tre dagars grundutbildning",
    "Webbutbildning och två handledningstillfällen",
    "Ingen särskild utbildning krävs",
    "Certifiering hos metodägaren",
    "En utbildningsdag och löpande metodhandledning",
]
SESSIONS = [
    "Tio träffar à 90 minuter",
    "Fem samtal under två månader",
    "En träff i veckan under en termin",
    "Två till fyra samtal",
    "Enligt behov, oftast tre samtal",
    "Åtta gruppträffar och en uppföljning",
]

JOB_TITLES = [
    "Socialsekreterare",
    "Socialsekreterare, barn och unga",
    "Socialsekreterare, våldsmottagningen",
    "Skolkurator",
    "Skolsköterska",
    "Lärare",
    "Förskollärare",
    "Rektor",
    "Fritidsledare",
    "Fältassistent",
    "Familjebehandlare",
    "Samordnare för våld i nära relationer",
    "Samordnare mot hedersrelaterat våld",
    "Enhetschef",
    "Utvecklingsledare",
    "Barnmorska",
    "Sjuksköterska",
    "Psykolog",
    "Biståndshandläggare",
    "Kommunikatör",
    "Kommunpolis",
    "Studie- och yrkesvägledare",
]

FIRST_NAMES = [
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Malin", "Ingrid",
    "Johanna", "Linnea", "Elin", "Ida", "Amira", "Fatima", "Leyla", "Sofia", "Hanna", "Jenny",
    "Lars", "Anders", "Johan", "Per", "Erik", "Mikael", "Karl", "Peter", "Ali", "Omar",
    "Daniel", "Fredrik", "Jonas", "Mattias", "Ahmed", "Niklas", "Oskar", "Viktor", "Samir", "Emil",
]  # fmt: skip
LAST_NAMES = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg",
    "Lindström", "Lindqvist", "Lundgren", "Berglund", "Sandberg", "Forsberg", "Holm", "Mohammed",
    "Hassan", "Ali", "Yilmaz", "Nguyen", "Öberg", "Åberg", "Ekström", "Sjöberg", "Wallin", "Engström",
]  # fmt: skip

# The field's tags: the shared vocabulary of pages and threads.
TAGS = [
    "våld i nära relationer",
    "hedersrelaterat våld och förtryck",
    "barn som upplever våld",
    "orosanmälan",
    "våldsutövare",
    "skola",
    "fritidsgård",
    "samverkan",
    "kartläggning",
    "riskbedömning",
    "förskola",
    "socialtjänst",
    "elevhälsa",
    "ungdomar",
    "föräldrar",
    "föräldraskapsstöd",
    "stödsamtal",
    "gruppverksamhet",
    "barnahus",
    "polisanmälan",
    "skyddat boende",
    "kvinnojour",
    "våldsmottagning",
    "familjecentral",
    "tvångsäktenskap",
    "barnäktenskap",
    "könsstympning",
    "digitalt våld",
    "näthat",
    "sexuellt våld",
    "psykiskt våld",
    "ekonomiskt våld",
    "eftervåld",
    "separation",
    "vårdnad och umgänge",
    "sekretess",
    "menprövning",
    "tystnadsplikt",
    "anmälningsplikt",
    "barnperspektiv",
    "barnkonventionen",
    "normkritik",
    "jämställdhet",
    "maskulinitet",
    "värdegrund",
    "förebyggande arbete",
    "tidiga insatser",
    "universell prevention",
    "selektiv prevention",
    "indikerad prevention",
    "metodutveckling",
    "utvärdering",
    "uppföljning",
    "dokumentation",
    "kompetensutveckling",
    "handledning",
    "utbildning",
    "kampanjmånaden",
    "en månad fri från våld",
    "tolk",
    "nyanlända",
    "ensamkommande unga",
    "funktionsnedsättning",
    "äldre",
    "hbtqi",
    "missbruk",
    "psykisk ohälsa",
    "självskadebeteende",
    "skolfrånvaro",
    "fältarbete",
    "ungdomsmottagning",
    "BUP",
    "hälso- och sjukvård",
    "mödrahälsovård",
    "barnhälsovård",
    "civilsamhälle",
    "idrottsföreningar",
    "trygghetsvandring",
    "säkerhetsplanering",
    "skyddsbedömning",
    "kontaktförbud",
    "ekonomiskt bistånd",
    "bostad",
    "lättläst",
    "flerspråkigt material",
]
