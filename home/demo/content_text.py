"""Demo texts of the office's daily publishing, in Albanian (source), Serbian (Cyrillic) and English.

Terms follow the glossary (home/data/glossary.csv): Kuvendi i Komunës /
Скупштина општине / Municipal Assembly, Komiteti për Politikë dhe Financa /
Комитет за политику и финансије / Committee for Policy and Finance, and so on.
"""


def t(sq, sr, en):
    return {"sq": sq, "sr": sr, "en": en}


INDEXES = {
    "NewsIndexPage": (t("lajme", "vesti", "news"), t("Lajme", "Вести", "News")),
    "AnnouncementIndexPage": (
        t("shpallje", "obavestenja", "announcements"),
        t("Shpallje", "Обавештења", "Announcements"),
    ),
    "DecisionIndexPage": (t("vendime", "odluke", "decisions"), t("Vendime", "Одлуке", "Decisions")),
    "RegulationIndexPage": (
        t("rregullore", "pravilnici", "regulations"),
        t("Rregullore", "Правилници", "Regulations"),
    ),
    "VacancyIndexPage": (
        t("konkurse", "konkursi", "competitions"),
        t("Konkurse", "Конкурси", "Competitions and vacancies"),
    ),
    "PublicationIndexPage": (
        t("publikime", "publikacije", "publications"),
        t("Publikime", "Публикације", "Publications"),
    ),
    "CampaignIndexPage": (
        t("fushata-mediale", "medijske-kampanje", "media-campaigns"),
        t("Fushata mediale", "Медијске кампање", "Media campaigns"),
    ),
}

INDEX_SUMMARIES = {
    "NewsIndexPage": t(
        "Lajmet e përditshme nga puna e Kuvendit të Komunës, Kryetarit të Komunës dhe drejtorive.",
        "Свакодневне вести о раду Скупштине општине, председника општине и дирекција.",
        "Daily news on the work of the Municipal Assembly, the Mayor and the directorates.",
    ),
    "AnnouncementIndexPage": t(
        "Njoftime publike, njoftime për mbledhje dhe njoftime për tendera.",
        "Јавна обавештења, обавештења о седницама и тендерска обавештења.",
        "Public notices, meeting notices and tender notices.",
    ),
    "DecisionIndexPage": t(
        "Vendimet e Kuvendit të Komunës, komiteteve dhe Kryetarit të Komunës.",
        "Одлуке Скупштине општине, комитета и председника општине.",
        "Decisions of the Municipal Assembly, its committees and the Mayor.",
    ),
    "RegulationIndexPage": t(
        "Rregulloret komunale në fuqi, me ndryshimet dhe tekstet e konsoliduara.",
        "Општински правилници на снази, са изменама и пречишћеним текстовима.",
        "Municipal regulations in force, with their amendments and consolidated texts.",
    ),
    "VacancyIndexPage": t(
        "Konkurse për punë, thirrje publike dhe thirrje për grante.",
        "Конкурси за запошљавање, јавни позиви и позиви за грантове.",
        "Job vacancies, public calls and grant calls.",
    ),
    "PublicationIndexPage": t(
        "Fletëpalosje, broshura, buletine, gazeta dhe revista të komunës.",
        "Летци, брошуре, билтени, новине и часописи општине.",
        "Leaflets, brochures, bulletins, newspapers and magazines of the municipality.",
    ),
    "CampaignIndexPage": t(
        "Fushatat mediale që koordinon Zyra për Komunikim dhe Informim.",
        "Медијске кампање које координира Канцеларија за комуникацију и информисање.",
        "Media campaigns coordinated by the Office for Communication and Information.",
    ),
}

# Shared body texts per category (a heading and a closing paragraph).
BODY_HEADING = t("Më shumë informacion", "Више информација", "More information")
BODY_CLOSING = {
    "NewsPage": t(
        "Zyra për Komunikim dhe Informim njofton mediat lokale dhe ndërkombëtare për çdo mbledhje dhe ngjarje.",
        "Канцеларија за комуникацију и информисање обавештава локалне и међународне медије о свакој седници и догађају.",
        "The Office for Communication and Information notifies local and international media of every meeting and event.",
    ),
    "AnnouncementPage": t(
        "Për pyetje, qytetarët mund t'i drejtohen Zyrës për Komunikim dhe Informim.",
        "За питања грађани се могу обратити Канцеларији за комуникацију и информисање.",
        "Citizens with questions can contact the Office for Communication and Information.",
    ),
    "DecisionPage": t(
        "Vendimi publikohet në ueb-faqen e komunës në gjuhën shqipe, serbe dhe angleze.",
        "Одлука се објављује на веб-страници општине на албанском, српском и енглеском језику.",
        "The decision is published on the municipal website in Albanian, Serbian and English.",
    ),
    "RegulationPage": t(
        "Teksti i plotë i rregullores gjendet në dokumentet e bashkëngjitura.",
        "Пун текст правилника налази се у приложеним документима.",
        "The full text of the regulation is in the attached documents.",
    ),
    "VacancyPage": t(
        "Aplikacionet e dorëzuara pas afatit nuk do të shqyrtohen.",
        "Пријаве поднете након рока неће бити разматране.",
        "Applications submitted after the deadline will not be considered.",
    ),
    "PublicationPage": t(
        "Botimi shpërndahet falas në Qendrën për Shërbime me Qytetarë.",
        "Издање се бесплатно дели у Центру за услуге грађанима.",
        "The publication is distributed free of charge at the Citizen Service Centre.",
    ),
    "CampaignPage": t(
        "Fushata zhvillohet në bashkëpunim me shoqërinë civile dhe komunitetet.",
        "Кампања се спроводи у сарадњи са цивилним друштвом и заједницама.",
        "The campaign is run together with civil society and the communities.",
    ),
    "StandardPage": t(
        "Zyra për Komunikim dhe Informim i përditëson këto informata rregullisht.",
        "Канцеларија за комуникацију и информисање редовно ажурира ове информације.",
        "The Office for Communication and Information updates this information regularly.",
    ),
}

NEWS = [
    (
        "kuvendi-miraton-buxhetin-2026",
        t(
            "Kuvendi i Komunës miraton Buxhetin për vitin 2026",
            "Скупштина општине усвојила Буџет за 2026. годину",
            "Municipal Assembly adopts the 2026 Budget",
        ),
        t(
            "Në mbledhjen e rregullt, Kuvendi i Komunës miratoi buxhetin komunal pas konsultimit publik me qytetarët.",
            "На редовној седници Скупштина општине усвојила је општински буџет након јавне расправе са грађанима.",
            "At its regular session the Municipal Assembly adopted the municipal budget after a public consultation with citizens.",
        ),
        ["buxheti", "konsultim-publik"],
    ),
    (
        "takim-publik-me-qytetare-ne-qender",
        t(
            "Takim publik me qytetarë për planin e punës",
            "Јавни састанак са грађанима о плану рада",
            "Public meeting with citizens on the work plan",
        ),
        t(
            "Kryetari i Komunës prezantoi Planin e Punës dhe dëgjoi kërkesat dhe sugjerimet e qytetarëve.",
            "Председник општине представио је План рада и саслушао захтеве и предлоге грађана.",
            "The Mayor presented the Work plan and heard citizens' requests and suggestions.",
        ),
        ["transparenca"],
    ),
    (
        "komiteti-per-politike-dhe-financa-mbledhje",
        t(
            "Komiteti për Politikë dhe Financa shqyrton raportin financiar",
            "Комитет за политику и финансије разматрао финансијски извештај",
            "Committee for Policy and Finance reviews the financial report",
        ),
        t(
            "Komiteti për Politikë dhe Financa shqyrtoi raportin financiar tremujor dhe e rekomandoi për Kuvendin.",
            "Комитет за политику и финансије разматрао је тромесечни финансијски извештај и препоручио га Скупштини.",
            "The Committee for Policy and Finance reviewed the quarterly financial report and recommended it to the Assembly.",
        ),
        ["buxheti"],
    ),
    (
        "festivali-i-kultures-se-komuniteteve",
        t(
            "Festivali i kulturës së komuniteteve mbledh qindra vizitorë",
            "Фестивал културе заједница окупио стотине посетилаца",
            "Communities' culture festival draws hundreds of visitors",
        ),
        t(
            "Festivali tre-ditor prezantoi traditat e të gjitha komuniteteve që jetojnë në komunë.",
            "Тродневни фестивал представио је традиције свих заједница које живе у општини.",
            "The three-day festival presented the traditions of all the communities living in the municipality.",
        ),
        ["kultura", "komunitetet"],
    ),
    (
        "takim-me-shoqerine-civile",
        t(
            "Zyra për Komunikim takon organizatat e shoqërisë civile",
            "Канцеларија за комуникацију састала се са организацијама цивилног друштва",
            "Communication Office meets civil society organisations",
        ),
        t(
            "Në takim u diskutua qasja në dokumente publike dhe transparenca e pushtetit lokal.",
            "На састанку се разговарало о приступу јавним документима и транспарентности локалне власти.",
            "The meeting discussed access to public documents and the transparency of local government.",
        ),
        ["shoqeria-civile", "transparenca"],
    ),
]

ANNOUNCEMENTS = [
    # slug, title, summary, kind, days from today to the date, days to valid_until (None: no expiry)
    (
        "njoftim-per-mbledhjen-e-kuvendit",
        t(
            "Njoftim për mbledhjen e Kuvendit të Komunës",
            "Обавештење о седници Скупштине општине",
            "Notice of the Municipal Assembly session",
        ),
        t(
            "Materialet e mbledhjes janë publikuar në ueb-faqen e komunës në ditën e shpërndarjes.",
            "Материјали за седницу објављени су на веб-страници општине на дан достављања.",
            "The meeting materials have been published on the municipal website on the day of distribution.",
        ),
        "meeting_notice",
        -2,
        10,
    ),
    (
        "hapja-e-ofertave-rruget-lokale",
        t(
            "Hapja e ofertave për rehabilitimin e rrugëve lokale",
            "Отварање понуда за рехабилитацију локалних путева",
            "Opening of bids for the rehabilitation of local roads",
        ),
        t(
            "Hapja e ofertave bëhet në sallën e Kuvendit; mediat ftohen të raportojnë.",
            "Отварање понуда одржава се у сали Скупштине; медији су позвани да извештавају.",
            "The opening of bids takes place in the Assembly Hall; the media are invited to report.",
        ),
        "tender_notice",
        -5,
        20,
    ),
    (
        "konsultim-publik-per-buxhetin",
        t(
            "Konsultim publik për projekt-buxhetin",
            "Јавна расправа о нацрту буџета",
            "Public consultation on the draft budget",
        ),
        t(
            "Qytetarët ftohen të dërgojnë sugjerime për projekt-buxhetin deri në përfundim të konsultimit publik.",
            "Грађани се позивају да доставе предлоге за нацрт буџета до завршетка јавне расправе.",
            "Citizens are invited to send suggestions on the draft budget until the public consultation closes.",
        ),
        "public_notice",
        -40,
        -10,
    ),
    (
        "nderprerje-e-ujit",
        t(
            "Ndërprerje e planifikuar e furnizimit me ujë",
            "Планирани прекид снабдевања водом",
            "Planned interruption of the water supply",
        ),
        t(
            "Për shkak të punimeve në rrjet, furnizimi me ujë do të ndërpritet në lagjet qendrore.",
            "Због радова на мрежи снабдевање водом биће прекинуто у централним насељима.",
            "Because of works on the network, the water supply will be interrupted in the central neighbourhoods.",
        ),
        "public_notice",
        -30,
        -29,
    ),
    (
        "orari-i-pritjes-se-qytetareve",
        t(
            "Orari i pritjes së qytetarëve te Kryetari i Komunës",
            "Распоред пријема грађана код председника општине",
            "Schedule of citizens' visits to the Mayor",
        ),
        t(
            "Kryetari i Komunës pret qytetarët çdo të mërkurë në Zyrën e Kryetarit.",
            "Председник општине прима грађане сваке среде у Кабинету председника.",
            "The Mayor receives citizens every Wednesday at the Mayor's Office.",
        ),
        "other",
        -60,
        None,
    ),
]

DECISIONS = [
    # slug, title, summary, number, date adopted, body slug
    (
        "vendim-per-miratimin-e-buxhetit-2026",
        t(
            "Vendim për miratimin e Buxhetit të Komunës për vitin 2026",
            "Одлука о усвајању Буџета општине за 2026. годину",
            "Decision approving the Municipal Budget for 2026",
        ),
        t(
            "Kuvendi i Komunës miraton buxhetin komunal për vitin 2026.",
            "Скупштина општине усваја општински буџет за 2026. годину.",
            "The Municipal Assembly approves the municipal budget for 2026.",
        ),
        "01-016/2025",
        "2025-12-18",
        "kuvendi",
    ),
    (
        "vendim-per-planin-e-punes",
        t(
            "Vendim për miratimin e Planit të Punës së Kuvendit",
            "Одлука о усвајању Плана рада Скупштине",
            "Decision approving the Assembly's Work plan",
        ),
        t(
            "Kuvendi i Komunës miraton Planin e Punës për vitin e ardhshëm.",
            "Скупштина општине усваја План рада за наредну годину.",
            "The Municipal Assembly approves its Work plan for the coming year.",
        ),
        "01-017/2025",
        "2025-12-18",
        "kuvendi",
    ),
    (
        "vendim-per-subvencionimin-e-bujqve",
        t(
            "Vendim për subvencionimin e bujqve",
            "Одлука о субвенционисању пољопривредника",
            "Decision on subsidies for farmers",
        ),
        t(
            "Kryetari i Komunës vendos për mbështetjen financiare të bujqve të regjistruar.",
            "Председник општине одлучује о финансијској подршци регистрованим пољопривредницима.",
            "The Mayor decides on financial support for registered farmers.",
        ),
        "02-105/2026",
        "2026-03-02",
        "kryetari",
    ),
    (
        "vendim-per-orarin-e-punes-se-lokaleve",
        t(
            "Vendim për orarin e punës së lokaleve afariste",
            "Одлука о радном времену пословних простора",
            "Decision on the opening hours of business premises",
        ),
        t(
            "Vendimi i ri rregullon orarin e punës së lokaleve afariste dhe shfuqizon vendimin e mëparshëm.",
            "Нова одлука уређује радно време пословних простора и ставља ван снаге претходну одлуку.",
            "The new decision sets the opening hours of business premises and repeals the previous one.",
        ),
        "01-044/2026",
        "2026-04-23",
        "kuvendi",
    ),
    (
        "vendim-i-vjeter-per-orarin-e-punes",
        t(
            "Vendim për orarin e punës së lokaleve (2019)",
            "Одлука о радном времену локала (2019)",
            "Decision on the opening hours of premises (2019)",
        ),
        t(
            "Ky vendim është shfuqizuar me vendimin e ri për orarin e punës së lokaleve afariste.",
            "Ова одлука је стављена ван снаге новом одлуком о радном времену пословних простора.",
            "This decision was repealed by the new decision on the opening hours of business premises.",
        ),
        "01-031/2019",
        "2019-06-27",
        "kuvendi",
    ),
]
REPEALED = ("vendim-i-vjeter-per-orarin-e-punes", "vendim-per-orarin-e-punes-se-lokaleve")

REGULATIONS = [
    # slug, title, summary, number, adopted, in force from, body slug
    (
        "rregullore-per-transparence",
        t(
            "Rregullore për transparencë në komunë",
            "Правилник о транспарентности у општини",
            "Regulation on transparency in the municipality",
        ),
        t(
            "Rregullorja përcakton mënyrën e publikimit të dokumenteve dhe qasjen në dokumente publike.",
            "Правилник одређује начин објављивања докумената и приступ јавним документима.",
            "The regulation sets out how documents are published and how the public accesses them.",
        ),
        "01-110/2024",
        "2024-05-30",
        "2024-06-15",
        "kuvendi",
    ),
    (
        "rregullore-per-konsultim-publik",
        t(
            "Rregullore për konsultim publik",
            "Правилник о јавној расправи",
            "Regulation on public consultation",
        ),
        t(
            "Rregullorja përcakton procedurat e konsultimit publik me qytetarët dhe shoqërinë civile.",
            "Правилник утврђује поступке јавне расправе са грађанима и цивилним друштвом.",
            "The regulation sets the procedures for public consultation with citizens and civil society.",
        ),
        "01-111/2024",
        "2024-05-30",
        None,
        "kuvendi",
    ),
    (
        "rregullore-per-taksat-komunale",
        t(
            "Rregullore për taksat, ngarkesat dhe gjobat komunale",
            "Правилник о општинским таксама, накнадама и казнама",
            "Regulation on municipal taxes, fees and fines",
        ),
        t(
            "Rregullorja përcakton lartësinë e taksave dhe ngarkesave komunale.",
            "Правилник утврђује висину општинских такси и накнада.",
            "The regulation sets the level of municipal taxes and fees.",
        ),
        "01-020/2025",
        "2025-02-27",
        "2025-04-01",
        "kuvendi",
    ),
    (
        "rregullore-per-punen-e-komiteteve",
        t(
            "Rregullore për punën e komiteteve të Kuvendit",
            "Правилник о раду комитета Скупштине",
            "Regulation on the work of the Assembly's committees",
        ),
        t(
            "Rregullorja përcakton përbërjen dhe punën e Komitetit për Politikë dhe Financa dhe komiteteve të tjera.",
            "Правилник уређује састав и рад Комитета за политику и финансије и других комитета.",
            "The regulation governs the composition and work of the Committee for Policy and Finance and the other committees.",
        ),
        "01-075/2023",
        "2023-09-28",
        None,
        "kuvendi",
    ),
    (
        "rregullore-per-parkimin",
        t(
            "Rregullore për parkimin në qytet",
            "Правилник о паркирању у граду",
            "Regulation on parking in town",
        ),
        t(
            "Rregullorja e re për parkim hyn në fuqi pas përfundimit të punimeve në sheshin qendror.",
            "Нови правилник о паркирању ступа на снагу по завршетку радова на централном тргу.",
            "The new parking regulation comes into force once the works on the central square are finished.",
        ),
        "01-050/2026",
        "2026-05-28",
        "2027-01-01",
        "kuvendi",
    ),
]

VACANCIES = [
    # slug, title, summary, kind, days from now to opening, days from now to the deadline, department slug
    (
        "konkurs-zyrtar-per-informim",
        t(
            "Konkurs për Zyrtar/e për Informim",
            "Конкурс за службеника за информисање",
            "Vacancy: Information Officer",
        ),
        t(
            "Zyra për Komunikim dhe Informim pranon aplikacione për një Zyrtar/e për Informim.",
            "Канцеларија за комуникацију и информисање прима пријаве за једног службеника за информисање.",
            "The Office for Communication and Information accepts applications for an Information Officer.",
        ),
        "job",
        -5,
        10,
        "administrata",
    ),
    (
        "thirrje-per-projekte-rinore",
        t(
            "Thirrje publike për projekte rinore",
            "Јавни позив за омладинске пројекте",
            "Public call for youth projects",
        ),
        t(
            "Organizatat rinore ftohen të aplikojnë me projekte kulturore dhe sportive.",
            "Омладинске организације позивају се да се пријаве са културним и спортским пројектима.",
            "Youth organisations are invited to apply with cultural and sports projects.",
        ),
        "public_call",
        -3,
        25,
        "kultura",
    ),
    (
        "grant-per-shoqerine-civile",
        t(
            "Thirrje për grante për shoqërinë civile",
            "Позив за грантове за цивилно друштво",
            "Grant call for civil society",
        ),
        t(
            "Komuna mbështet projektet e shoqërisë civile për komunitetet dhe kthimin.",
            "Општина подржава пројекте цивилног друштва за заједнице и повратак.",
            "The municipality supports civil society projects for the communities and returns.",
        ),
        "grant",
        -45,
        -15,
        "administrata",
    ),
    (
        "konkurs-mesimdhenes",
        t(
            "Konkurs për mësimdhënës në shkollat fillore",
            "Конкурс за наставнике у основним школама",
            "Vacancy: primary school teachers",
        ),
        t(
            "Drejtoria për Arsim shpall konkurs për mësimdhënës në disa shkolla fillore.",
            "Дирекција за образовање расписује конкурс за наставнике у више основних школа.",
            "The Directorate for Education advertises teaching posts in several primary schools.",
        ),
        "job",
        -40,
        -20,
        "arsimi",
    ),
    (
        "konkurs-infermiere",
        t(
            "Konkurs për infermierë në qendrën shëndetësore",
            "Конкурс за медицинске сестре у дому здравља",
            "Vacancy: nurses at the health centre",
        ),
        t(
            "Drejtoria për Shëndetësi pranon aplikacione për infermierë.",
            "Дирекција за здравство прима пријаве за медицинске сестре.",
            "The Directorate for Health accepts applications for nurses.",
        ),
        "job",
        -2,
        14,
        "shendetesia",
    ),
]

PUBLICATIONS = [
    # slug, title, summary, kind, issue, date
    (
        "buletini-komunal-nr-12",
        t("Buletini komunal nr. 12", "Општински билтен бр. 12", "Municipal bulletin no. 12"),
        t(
            "Buletini përmbledh punën e Kuvendit të Komunës dhe të drejtorive gjatë tremujorit.",
            "Билтен сажима рад Скупштине општине и дирекција током тромесечја.",
            "The bulletin sums up the work of the Municipal Assembly and the directorates over the quarter.",
        ),
        "bulletin",
        "12",
        "2026-04-01",
    ),
    (
        "fletepalosje-qasja-ne-dokumente",
        t(
            "Fletëpalosje: Qasja në dokumente publike",
            "Летак: Приступ јавним документима",
            "Leaflet: Access to public documents",
        ),
        t(
            "Si të kërkoni një dokument publik nga komuna, hap pas hapi.",
            "Како да од општине затражите јавни документ, корак по корак.",
            "How to request a public document from the municipality, step by step.",
        ),
        "leaflet",
        "",
        "2025-10-15",
    ),
    (
        "broshure-strategjia-per-komunikim",
        t(
            "Broshurë: Strategjia për Komunikim me Qytetarë",
            "Брошура: Стратегија за комуникацију са грађанима",
            "Brochure: Strategy for Communication with Citizens",
        ),
        t(
            "Broshura shpjegon si komuna informon qytetarët dhe si qytetarët mund të dërgojnë kërkesa.",
            "Брошура објашњава како општина обавештава грађане и како грађани могу да шаљу захтеве.",
            "The brochure explains how the municipality informs citizens and how citizens can send requests.",
        ),
        "brochure",
        "",
        "2025-06-10",
    ),
    (
        "gazeta-e-komunes-pranvere",
        t(
            "Gazeta e komunës – botimi i pranverës",
            "Новине општине – пролећно издање",
            "Municipal newspaper – spring issue",
        ),
        t(
            "Lajme, intervista dhe ngjarje kulturore nga e gjithë komuna.",
            "Вести, интервјуи и културни догађаји из целе општине.",
            "News, interviews and cultural events from across the municipality.",
        ),
        "newspaper",
        "3",
        "2026-03-20",
    ),
    (
        "revista-komunitetet",
        t("Revista „Komunitetet“", "Часопис „Заједнице“", "Magazine “Communities”"),
        t(
            "Revista vjetore për jetën e komuniteteve dhe kthimin.",
            "Годишњи часопис о животу заједница и повратку.",
            "The yearly magazine on the life of the communities and returns.",
        ),
        "magazine",
        "2025",
        "2025-12-01",
    ),
]

CAMPAIGNS = [
    # slug, title, summary, goals, starts, ends
    (
        "fushata-per-transparence",
        t("Komuna transparente", "Транспарентна општина", "A transparent municipality"),
        t(
            "Fushata mediale për qasjen në dokumente publike.",
            "Медијска кампања о приступу јавним документима.",
            "A media campaign on access to public documents.",
        ),
        t(
            "Të rritet numri i kërkesave për qasje në dokumente publike.",
            "Повећати број захтева за приступ јавним документима.",
            "Increase the number of requests for access to public documents.",
        ),
        "2026-02-01",
        "2026-06-30",
    ),
    (
        "fushata-per-buxhetin",
        t("Buxheti është i yti", "Буџет је твој", "The budget is yours"),
        t(
            "Fushata fton qytetarët në konsultimin publik për buxhetin.",
            "Кампања позива грађане на јавну расправу о буџету.",
            "The campaign invites citizens to the public consultation on the budget.",
        ),
        t(
            "Pjesëmarrje më e madhe e qytetarëve në takimet publike.",
            "Веће учешће грађана на јавним састанцима.",
            "Greater participation of citizens in public meetings.",
        ),
        "2025-09-01",
        "2025-11-30",
    ),
    (
        "fushata-ambiente",
        t("Qyteti i pastër", "Чист град", "A clean town"),
        t(
            "Fushatë për pastërtinë e hapësirave publike, me shkollat dhe komunitetet.",
            "Кампања за чистоћу јавних простора, са школама и заједницама.",
            "A campaign for clean public spaces, with schools and communities.",
        ),
        t(
            "Të përfshihen të gjitha shkollat në aksionet e pastrimit.",
            "Укључити све школе у акције чишћења.",
            "Involve every school in the clean-up actions.",
        ),
        "2026-04-01",
        None,
    ),
    (
        "fushata-siguria-ne-trafik",
        t("Siguria në trafik", "Безбедност у саобраћају", "Road safety"),
        t(
            "Komiteti Komunal për Siguri në Bashkësi dhe mediat lokale bashkë për sigurinë e fëmijëve.",
            "Општински комитет за безбедност заједнице и локални медији заједно за безбедност деце.",
            "The Municipal Community Safety Committee and local media together for children's safety.",
        ),
        t(
            "Më pak aksidente pranë shkollave.",
            "Мање несрећа у близини школа.",
            "Fewer accidents near schools.",
        ),
        "2025-09-10",
        "2025-10-31",
    ),
    (
        "fushata-regjistrimi-civil",
        t("Regjistrohu në kohë", "Пријави се на време", "Register on time"),
        t(
            "Fushata informon komunitetet për afatet e regjistrimit civil.",
            "Кампања обавештава заједнице о роковима за упис у матичне књиге.",
            "The campaign informs the communities about civil registration deadlines.",
        ),
        t(
            "Të gjithë qytetarët të kenë dokumente të vlefshme.",
            "Да сви грађани имају важећа документа.",
            "Every citizen to hold valid documents.",
        ),
        "2026-01-15",
        "2026-03-15",
    ),
]

STANDARD_PAGES = [
    (
        "strategjia-per-komunikim",
        t(
            "Strategjia për Komunikim me Qytetarë",
            "Стратегија за комуникацију са грађанима",
            "Strategy for Communication with Citizens",
        ),
        t(
            "Strategjia përcakton si komuna informon qytetarët dhe dëgjon kërkesat, ankesat dhe sugjerimet e tyre.",
            "Стратегија одређује како општина обавештава грађане и саслушава њихове захтеве, жалбе и предлоге.",
            "The strategy sets out how the municipality informs citizens and hears their requests, complaints and suggestions.",
        ),
    ),
    (
        "kodi-i-miresjelljes",
        t("Kodi i mirësjelljes", "Кодекс понашања", "Code of conduct"),
        t(
            "Kodi i mirësjelljes së zyrtarëve komunalë në komunikim me qytetarët dhe mediat.",
            "Кодекс понашања општинских службеника у комуникацији са грађанима и медијима.",
            "The code of conduct of municipal officials in their dealings with citizens and the media.",
        ),
    ),
    (
        "rreth-zyres",
        t("Rreth Zyrës", "О Канцеларији", "About the Office"),
        t(
            "Zyra për Komunikim dhe Informim mban qytetarët të informuar për punën e pushtetit lokal.",
            "Канцеларија за комуникацију и информисање обавештава грађане о раду локалне власти.",
            "The Office for Communication and Information keeps citizens informed about the work of local government.",
        ),
    ),
    (
        "kontakti",
        t("Kontakti", "Контакт", "Contact"),
        t(
            "Si të kontaktoni Zyrën për Komunikim dhe Informim.",
            "Како да контактирате Канцеларију за комуникацију и информисање.",
            "How to contact the Office for Communication and Information.",
        ),
    ),
    (
        "qasja-ne-dokumente-publike",
        t("Qasja në dokumente publike", "Приступ јавним документима", "Access to public documents"),
        t(
            "Çdo qytetar ka të drejtë të kërkojë qasje në dokumente publike të komunës.",
            "Сваки грађанин има право да затражи приступ јавним документима општине.",
            "Every citizen has the right to request access to the municipality's public documents.",
        ),
    ),
]

SITE = {
    "office_name": t(
        "Zyra për Komunikim dhe Informim",
        "Канцеларија за комуникацију и информисање",
        "Office for Communication and Information",
    ),
    "address": t("Sheshi i Lirisë 1", "Трг слободе 1", "1 Freedom Square"),
    "opening_hours": t(
        "E hënë – e premte, 08:00–16:00",
        "Понедељак – петак, 08:00–16:00",
        "Monday to Friday, 08:00–16:00",
    ),
    "footer": t(
        "© Komuna. Të gjitha informatat publikohen në gjuhën shqipe, serbe dhe angleze.",
        "© Општина. Све информације објављују се на албанском, српском и енглеском језику.",
        "© Municipality. All information is published in Albanian, Serbian and English.",
    ),
    "social_title": t("Na ndiqni", "Пратите нас", "Follow us"),
}

# Photos of the news items and covers of publications: the file as the uploader named it,
# a drawing (sky, ground, building colours) and the page's alternative text and caption.
PHOTO_CREDIT = t(
    "Foto: Zyra për Komunikim dhe Informim",
    "Фото: Канцеларија за комуникацију и информисање",
    "Photo: Office for Communication and Information",
)
NEWS_IMAGES = {
    "kuvendi-miraton-buxhetin-2026": (
        "DSC_0412.jpg",
        ((86, 128, 176), (120, 110, 96), (196, 180, 150)),
        t(
            "Këshilltarët e Kuvendit të Komunës votojnë buxhetin në sallën e mbledhjeve",
            "Одборници Скупштине општине гласају о буџету у сали за седнице",
            "Members of the Municipal Assembly vote on the budget in the assembly hall",
        ),
        PHOTO_CREDIT,
    ),
    "takim-publik-me-qytetare-ne-qender": (
        "IMG_2041.jpg",
        ((140, 180, 220), (90, 140, 80), (220, 200, 170)),
        t(
            "Kryetari i Komunës flet para qytetarëve në sheshin qendror",
            "Председник општине говори пред грађанима на централном тргу",
            "The Mayor speaks to citizens in the central square",
        ),
        t(
            "Takimi publik me qytetarë në qendër të qytetit",
            "Јавни састанак са грађанима у центру града",
            "The public meeting with citizens in the town centre",
        ),
    ),
    "komiteti-per-politike-dhe-financa-mbledhje": (
        "DSC_0587.jpg",
        ((70, 90, 120), (110, 100, 90), (170, 160, 150)),
        t(
            "Anëtarët e Komitetit për Politikë dhe Financa rreth tryezës së mbledhjes",
            "Чланови Комитета за политику и финансије за столом за седнице",
            "Members of the Committee for Policy and Finance around the meeting table",
        ),
        PHOTO_CREDIT,
    ),
    "festivali-i-kultures-se-komuniteteve": (
        "festivali_final_2.jpg",
        ((240, 170, 90), (120, 80, 60), (200, 60, 70)),
        t(
            "Valltarë me veshje tradicionale në skenën e festivalit",
            "Играчи у народним ношњама на бини фестивала",
            "Dancers in traditional costume on the festival stage",
        ),
        t(
            "Festivali i kulturës së komuniteteve, dita e dytë",
            "Фестивал културе заједница, други дан",
            "The communities' culture festival, second day",
        ),
    ),
    "takim-me-shoqerine-civile": (
        "IMG_3310.jpg",
        ((150, 170, 190), (100, 120, 100), (210, 210, 200)),
        t(
            "Përfaqësues të organizatave të shoqërisë civile në takim me Zyrën për Komunikim",
            "Представници организација цивилног друштва на састанку са Канцеларијом за комуникацију",
            "Representatives of civil society organisations meeting the Communication Office",
        ),
        PHOTO_CREDIT,
    ),
}
PUBLICATION_COVERS = {
    "buletini-komunal-nr-12": (
        "buletini12_kopertina.png",
        ((30, 80, 140), (240, 240, 235), (200, 40, 50)),
        t(
            "Kopertina e buletinit komunal nr. 12 me pamje të ndërtesës së komunës",
            "Корица општинског билтена бр. 12 са погледом на зграду општине",
            "Cover of municipal bulletin no. 12 showing the municipal building",
        ),
        t("Kopertina e botimit të prillit", "Корица априлског издања", "Cover of the April issue"),
    ),
    "gazeta-e-komunes-pranvere": (
        "gazeta_pranvera_scan.png",
        ((120, 170, 90), (250, 250, 245), (30, 30, 30)),
        t(
            "Faqja e parë e gazetës së komunës, botimi i pranverës",
            "Насловна страна новина општине, пролећно издање",
            "Front page of the municipal newspaper, spring issue",
        ),
        t("Gazeta e komunës nr. 3", "Новине општине бр. 3", "Municipal newspaper no. 3"),
    ),
}
