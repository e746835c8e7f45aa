"""Reference data of the office's plan: bodies, departments, topics, places, document types."""

from home.factories import BodyFactory, DepartmentFactory, DocumentTypeFactory, PlaceFactory, TopicFactory
from home.glossary import terms
from home.models import Body


def _names(values, field="name"):
    return {f"{field}_{code}": value for code, value in values.items()}


MAYORS_OFFICE = {
    "sq": "Zyra e Kryetarit të Komunës",
    "sr": "Кабинет председника општине",
    "en": "Office of the Mayor",
}

BODIES = [
    # slug, glossary key, kind, abbreviation per language, parent slug
    # "KK" is the Committee for Returns' (glossary): the Assembly is "KKom" in Albanian.
    ("kuvendi", "municipal_assembly", Body.Kind.ASSEMBLY, {"sq": "KKom", "sr": "СО", "en": "MA"}, None),
    (
        "kpf",
        "committee_policy_finance",
        Body.Kind.COMMITTEE,
        {"sq": "KPF", "sr": "КПФ", "en": "CPF"},
        "kuvendi",
    ),
    (
        "kksb",
        "committee_community_safety",
        Body.Kind.COMMITTEE,
        {"sq": "KKSB", "sr": "ОКБЗ", "en": "MCSC"},
        "kuvendi",
    ),
    ("kk", "committee_returns", Body.Kind.COMMITTEE, {"sq": "KK", "sr": "КП", "en": "CR"}, "kuvendi"),
    ("bordi", "board_of_directors", Body.Kind.BOARD, {"sq": "BD", "sr": "ОД", "en": "BD"}, None),
    ("kryetari", MAYORS_OFFICE, Body.Kind.MAYORS_OFFICE, {"sq": "ZK", "sr": "КПО", "en": "MO"}, None),
]

DEPARTMENTS = [
    (
        "administrata",
        {
            "sq": "Drejtoria për Administratë",
            "sr": "Дирекција за администрацију",
            "en": "Directorate for Administration",
        },
    ),
    (
        "financat",
        {
            "sq": "Drejtoria për Buxhet dhe Financa",
            "sr": "Дирекција за буџет и финансије",
            "en": "Directorate for Budget and Finance",
        },
    ),
    (
        "arsimi",
        {"sq": "Drejtoria për Arsim", "sr": "Дирекција за образовање", "en": "Directorate for Education"},
    ),
    (
        "shendetesia",
        {"sq": "Drejtoria për Shëndetësi", "sr": "Дирекција за здравство", "en": "Directorate for Health"},
    ),
    (
        "urbanizmi",
        {
            "sq": "Drejtoria për Urbanizëm",
            "sr": "Дирекција за урбанизам",
            "en": "Directorate for Urban Planning",
        },
    ),
    (
        "kultura",
        {
            "sq": "Drejtoria për Kulturë, Rini dhe Sport",
            "sr": "Дирекција за културу, омладину и спорт",
            "en": "Directorate for Culture, Youth and Sport",
        },
    ),
]

TOPICS = [
    ("buxheti", "budget"),
    ("transparenca", "transparency"),
    ("komunitetet", "communities"),
    ("shoqeria-civile", "civil_society"),
    ("konsultim-publik", "public_consultation"),
    ("kultura", "cultural_events"),
]

PLACES = [
    (
        "salla-e-kuvendit",
        {"sq": "Salla e Kuvendit", "sr": "Сала Скупштине", "en": "Assembly Hall"},
        {"sq": "Sheshi i Lirisë 1", "sr": "Трг слободе 1", "en": "1 Freedom Square"},
        "42.659000",
        "21.157000",
    ),
    (
        "qendra-kulturore",
        {"sq": "Qendra Kulturore", "sr": "Културни центар", "en": "Cultural Centre"},
        {"sq": "Rruga e Kulturës 5", "sr": "Улица културе 5", "en": "5 Culture Street"},
        "42.661200",
        "21.160100",
    ),
    (
        "sheshi-qendror",
        {"sq": "Sheshi Qendror", "sr": "Централни трг", "en": "Central Square"},
        {"sq": "Sheshi Qendror", "sr": "Централни трг", "en": "Central Square"},
        "42.660500",
        "21.158800",
    ),
    (
        "zyra-e-kryetarit",
        {"sq": "Zyra e Kryetarit", "sr": "Кабинет председника", "en": "Mayor's Office"},
        {"sq": "Sheshi i Lirisë 1", "sr": "Трг слободе 1", "en": "1 Freedom Square"},
        "42.659100",
        "21.157200",
    ),
]

DOCUMENT_TYPES = [
    ("vendim", "decisions"),
    ("rregullore", "regulations"),
    ("procesverbal", "minutes"),
    ("materiale", "meeting_materials"),
    ("rendi-i-dites", "agenda"),
    ("tender", "tender"),
    ("buletin", "bulletin"),
]


def load(ctx):
    ctx.write("Reference data: bodies, departments, topics, places, document types")
    bodies = {}
    for slug, key, kind, abbreviations, parent in BODIES:
        names = key if isinstance(key, dict) else terms(key)
        texts = {**_names(names), **_names(abbreviations, "abbreviation")}
        body = BodyFactory(
            slug=slug,
            kind=kind,
            parent=bodies.get(parent),
            sort_order=len(bodies),
            abbreviation=abbreviations["sq"],
            name=names["sq"],
            **texts,
        )
        # A database loaded before the glossary was followed gets its names and abbreviations corrected.
        stale = {field: value for field, value in texts.items() if getattr(body, field) != value}
        if stale:
            Body.objects.filter(pk=body.pk).update(**stale)
            body.refresh_from_db()
        bodies[slug] = body
    for slug, names in DEPARTMENTS:
        DepartmentFactory(slug=slug, name=names["sq"], **_names(names))
    for slug, key in TOPICS:
        TopicFactory(slug=slug, name=terms(key)["sq"], **_names(terms(key)))
    for slug, names, addresses, lat, lng in PLACES:
        PlaceFactory(
            slug=slug,
            name=names["sq"],
            **_names(names),
            **_names(addresses, "address"),
            latitude=lat,
            longitude=lng,
        )
    for slug, key in DOCUMENT_TYPES:
        DocumentTypeFactory(slug=slug, name=terms(key)["sq"], **_names(terms(key)))
    return bodies
