"""Demo calendar: a year of events and sessions around today, in sq/sr/en."""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from pypdf import PdfWriter
from wagtail.documents import get_document_model

from events.defaults import ensure_default_rules
from events.models import AgendaItem, EventIndexPage, EventPage, MeetingMaterial, MeetingPage
from home.demo.content import ensure_in_main_menu
from home.glossary import terms
from home.localization import translate_with
from home.models import Body, DocumentType, HomePage, Place, Topic
from translations.slugs import ascii_slug

INDEX = {
    "slug": {"sq": "kalendari", "sr": "kalendar", "en": "calendar"},
    "title": {"sq": "Kalendari i ngjarjeve", "sr": "Календар догађаја", "en": "Events calendar"},
    "intro": {
        "sq": "Mbledhjet e Kuvendit dhe të organeve të komunës, takimet publike me qytetarë dhe ngjarjet kulturore.",
        "sr": "Седнице Скупштине и органа општине, јавни састанци са грађанима и културни догађаји.",
        "en": "Sessions of the Assembly and municipal bodies, public meetings with citizens and cultural events.",
    },
}

MENU_POSITION = 1  # after the news

# slug, kind, days from today, hour (None: all day), hours, place, topics, extra fields, title, body
EVENTS = [
    (
        "dita-e-pavaresise",
        EventPage.Kind.ANNIVERSARY,
        None,
        None,
        0,
        "sheshi-qendror",
        [],
        {"start_date": dt.date(2008, 2, 17), "recurrence_rule": "FREQ=YEARLY"},
        {"sq": "Dita e Pavarësisë", "sr": "Дан независности", "en": "Independence Day"},
        {
            "sq": "Përvjetori i shpalljes së pavarësisë, me ceremoni në sheshin qendror.",
            "sr": "Годишњица проглашења независности, уз церемонију на централном тргу.",
            "en": "The anniversary of the declaration of independence, with a ceremony on the central square.",
        },
    ),
    (
        "dita-e-komunes",
        EventPage.Kind.ANNIVERSARY,
        None,
        None,
        0,
        "sheshi-qendror",
        ["kultura"],
        {"start_date": dt.date(2000, 6, 12), "recurrence_rule": "FREQ=YEARLY"},
        {"sq": "Dita e Komunës", "sr": "Дан општине", "en": "Municipality Day"},
        {
            "sq": "Datë e rëndësishme për komunën: koncerte dhe dyer të hapura në institucione.",
            "sr": "Важан датум за општину: концерти и дан отворених врата у институцијама.",
            "en": "An important date for the municipality: concerts and open days at its institutions.",
        },
    ),
    (
        "orari-i-pritjes",
        EventPage.Kind.OTHER,
        -180,
        10,
        2,
        "zyra-e-kryetarit",
        ["transparenca"],
        {"recurrence_rule": "FREQ=WEEKLY;BYDAY=TH", "exception_days": [-173 + 7 * 20, -173 + 7 * 30]},
        {
            "sq": "Orari i pritjes së qytetarëve te Kryetari i Komunës",
            "sr": "Пријем грађана код председника општине",
            "en": "The Mayor's office hours for citizens",
        },
        {
            "sq": "Çdo të enjte qytetarët priten pa takim paraprak.",
            "sr": "Сваког четвртка грађани се примају без претходне најаве.",
            "en": "Every Thursday citizens are received without an appointment.",
        },
    ),
    (
        "takim-publik-buxheti-2027",
        EventPage.Kind.PUBLIC_MEETING,
        20,
        18,
        2,
        "salla-e-kuvendit",
        ["buxheti", "konsultim-publik"],
        {},
        {
            "sq": "Takim publik me qytetarë për projektbuxhetin 2027",
            "sr": "Јавни састанак са грађанима о нацрту буџета за 2027.",
            "en": "Public meeting with citizens on the 2027 draft budget",
        },
        {
            "sq": "Drejtoria për Buxhet dhe Financa prezanton projektbuxhetin dhe pret sugjerime.",
            "sr": "Дирекција за буџет и финансије представља нацрт буџета и прима предлоге.",
            "en": "The Directorate for Budget and Finance presents the draft budget and takes suggestions.",
        },
    ),
    (
        "takim-publik-urbanizmi",
        EventPage.Kind.PUBLIC_MEETING,
        -35,
        18,
        2,
        "qendra-kulturore",
        ["konsultim-publik"],
        {"status": EventPage.Status.HELD},
        {
            "sq": "Takim publik me qytetarë për planin urban",
            "sr": "Јавни састанак са грађанима о урбанистичком плану",
            "en": "Public meeting with citizens on the urban plan",
        },
        {},
    ),
    (
        "takim-publik-fshatrat",
        EventPage.Kind.PUBLIC_MEETING,
        9,
        17,
        2,
        None,
        ["komunitetet"],
        {"status": EventPage.Status.CANCELLED},
        {
            "sq": "Takim publik me qytetarët e fshatrave",
            "sr": "Јавни састанак са грађанима села",
            "en": "Public meeting with village residents",
        },
        {},
    ),
    (
        "kryetari-ambasada",
        EventPage.Kind.MAYORS_MEETING,
        8,
        11,
        1,
        None,
        [],
        {"outside_municipality": True},
        {
            "sq": "Kryetari i Komunës takon ambasadorin në Prishtinë",
            "sr": "Председник општине састаје се са амбасадором у Приштини",
            "en": "The Mayor meets the ambassador in Pristina",
        },
        {},
    ),
    (
        "kryetari-shoqeria-civile",
        EventPage.Kind.MAYORS_MEETING,
        -14,
        12,
        1,
        "zyra-e-kryetarit",
        ["shoqeria-civile"],
        {"status": EventPage.Status.HELD},
        {
            "sq": "Takim i Kryetarit me shoqërinë civile",
            "sr": "Састанак председника општине са цивилним друштвом",
            "en": "The Mayor's meeting with civil society",
        },
        {},
    ),
    (
        "tender-rruga",
        EventPage.Kind.TENDER_OPENING,
        12,
        11,
        1,
        "salla-e-kuvendit",
        ["transparenca"],
        {"is_public": False},
        {
            "sq": "Hapja e ofertave: rikonstruimi i rrugës kryesore",
            "sr": "Отварање понуда: реконструкција главне улице",
            "en": "Opening of bids: reconstruction of the main road",
        },
        {},
    ),
    (
        "tender-shkolla",
        EventPage.Kind.TENDER_OPENING,
        -40,
        11,
        1,
        "salla-e-kuvendit",
        [],
        {"is_public": False, "status": EventPage.Status.HELD},
        {
            "sq": "Hapja e ofertave: ngrohja e shkollës",
            "sr": "Отварање понуда: грејање школе",
            "en": "Opening of bids: school heating",
        },
        {},
    ),
    (
        "konferenca-transparenca",
        EventPage.Kind.CONFERENCE,
        30,
        10,
        4,
        "qendra-kulturore",
        ["transparenca"],
        {},
        {
            "sq": "Konferencë për transparencën komunale",
            "sr": "Конференција о транспарентности општине",
            "en": "Conference on municipal transparency",
        },
        {},
    ),
    (
        "festivali-veres",
        EventPage.Kind.FESTIVAL,
        45,
        None,
        2,
        "sheshi-qendror",
        ["kultura"],
        {},
        {"sq": "Festivali i Verës", "sr": "Летњи фестивал", "en": "Summer Festival"},
        {},
    ),
    (
        "festivali-muzikes",
        EventPage.Kind.FESTIVAL,
        -150,
        None,
        1,
        "sheshi-qendror",
        ["kultura"],
        {"status": EventPage.Status.HELD},
        {"sq": "Festivali i Muzikës", "sr": "Музички фестивал", "en": "Music Festival"},
        {},
    ),
    (
        "ekspozita-historike",
        EventPage.Kind.CULTURAL_HISTORICAL,
        -60,
        19,
        2,
        "qendra-kulturore",
        ["kultura"],
        {"status": EventPage.Status.HELD},
        {
            "sq": "Ekspozita e fotografive historike",
            "sr": "Изложба историјских фотографија",
            "en": "Exhibition of historical photographs",
        },
        {},
    ),
    (
        "nata-e-teatrit",
        EventPage.Kind.CULTURAL_HISTORICAL,
        90,
        20,
        2,
        "qendra-kulturore",
        ["kultura"],
        {"status": EventPage.Status.POSTPONED, "original_days": 60},
        {"sq": "Nata e teatrit", "sr": "Позоришно вече", "en": "Theatre night"},
        {},
    ),
    (
        "dita-e-pastrimit",
        EventPage.Kind.OTHER,
        25,
        9,
        4,
        None,
        [],
        {},
        {"sq": "Dita e pastrimit të qytetit", "sr": "Дан чишћења града", "en": "Town clean-up day"},
        {},
    ),
]

# body slug, first offset in days, interval in days, sessions
SESSIONS = [
    ("kuvendi", -150, 30, 11),
    ("kpf", -140, 45, 7),
    ("kksb", -120, 90, 3),
    ("kk", -100, 90, 3),
    ("bordi", -130, 30, 9),
]
SESSION_TITLE = {
    "sq": "Mbledhja e {n}-të – {body}",
    "sr": "{n}. седница – {body}",
    "en": "Session {n} – {body}",
}
AGENDA = [
    {
        "sq": "Miratimi i procesverbalit të mbledhjes së kaluar",
        "sr": "Усвајање записника са претходне седнице",
        "en": "Adoption of the minutes of the previous session",
    },
    {
        "sq": "Raporti i punës së Kryetarit të Komunës",
        "sr": "Извештај о раду председника општине",
        "en": "The Mayor's work report",
    },
    {"sq": "Projektbuxheti i komunës", "sr": "Нацрт буџета општине", "en": "The municipality's draft budget"},
    {"sq": "Të ndryshme", "sr": "Разно", "en": "Other business"},
]
MATERIALS = [
    {"sq": "Rendi i ditës", "sr": "Дневни ред", "en": "Agenda"},
    {"sq": "Projektvendimi për buxhetin", "sr": "Нацрт одлуке о буџету", "en": "Draft budget decision"},
]


def _translator(texts, language, slug=None):
    """A translate_with callback from {source text: {language: text}}."""

    def translate(text, path):
        if path == "slug":
            return slug
        entry = texts.get(text.strip())
        return entry[language] if entry else None

    return translate


def _translate(page, texts, ctx, slugs=None):
    existing = set(page.get_translations().values_list("locale__language_code", flat=True))
    for language in ("sr", "en"):
        if language not in existing:
            slug = (slugs or {}).get(language) or ascii_slug(texts[page.title][language], 80)
            translate_with(page, language, _translator(texts, language, slug))
            ctx.count("event translations", True)


def _local(day, hour=0, minute=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _pdf(title):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _document(title, slug, body, doc_type, ctx):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, issuing_body=body, document_type=doc_type)
        document.file.save(f"{slug}.pdf", ContentFile(_pdf(title)), save=False)
        document.save()
        ctx.count("meeting documents", True)
    return document


def _index(home):
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(
                title=INDEX["title"]["sq"], slug=INDEX["slug"]["sq"], intro=f"<p>{INDEX['intro']['sq']}</p>"
            )
        )
        index.save_revision().publish()
    return index


def load(ctx):
    ctx.write("Events calendar: index pages, a year of events and sessions")
    ensure_default_rules()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    places = {place.slug: place for place in Place.objects.all()}
    bodies = {body.slug: body for body in Body.objects.all()}

    home = HomePage.objects.filter(locale__language_code="sq").first()
    index = _index(home)
    _translate(
        index,
        {INDEX["title"]["sq"]: INDEX["title"], INDEX["intro"]["sq"]: INDEX["intro"]},
        ctx,
        slugs=INDEX["slug"],
    )
    ensure_in_main_menu(ctx, index, MENU_POSITION)
    today = timezone.localdate()
    existing = set(index.get_children().values_list("slug", flat=True))

    for slug, kind, days, hour, hours, place, topic_slugs, extra, title, body in EVENTS:
        if slug in existing:
            continue
        extra = dict(extra)
        day = extra.pop("start_date", None) or today + dt.timedelta(days=days)
        exception_days = extra.pop("exception_days", [])
        original_days = extra.pop("original_days", None)
        all_day = hour is None
        start = _local(day, hour or 0)
        end = _local(day + dt.timedelta(days=hours), 0) if all_day and hours else None
        if not all_day:
            end = start + dt.timedelta(hours=hours)
        page = EventPage(
            title=title["sq"],
            slug=slug,
            kind=kind,
            start=start,
            end=end,
            all_day=all_day,
            place=places.get(place),
            organiser=bodies.get("kryetari") if kind == EventPage.Kind.MAYORS_MEETING else None,
            summary=body["sq"] if body else "",
            body=[("paragraph", f"<p>{body['sq']}</p>")] if body else [],
            exception_dates="\n".join(
                (today + dt.timedelta(days=offset)).isoformat() for offset in exception_days
            ),
            original_start=_local(today + dt.timedelta(days=original_days), hour or 0)
            if original_days
            else None,
            **extra,
        )
        with transaction.atomic():
            index.add_child(instance=page)
            page.topics.set([topics[topic] for topic in topic_slugs if topic in topics])
            page.save_revision().publish()
        ctx.count("events", True)
        texts = {title["sq"]: title}
        if body:
            texts[body["sq"]] = body
        _translate(page, texts, ctx)

    materials_type = DocumentType.objects.filter(slug="materiale").first()
    minutes_type = DocumentType.objects.filter(slug="procesverbal").first()
    for body_slug, first, interval, count in SESSIONS:
        body = bodies.get(body_slug)
        if body is None:
            continue
        for number in range(1, count + 1):
            slug = f"{body_slug}-mbledhja-{number}"
            if slug in existing:
                continue
            day = today + dt.timedelta(days=first + interval * (number - 1))
            start = _local(day, 10)
            held = start < timezone.now()
            names = {
                "sq": body.name_sq or body.name,
                "sr": body.name_sr or body.name,
                "en": body.name_en or body.name,
            }
            titles = {code: SESSION_TITLE[code].format(n=number, body=names[code]) for code in names}
            cancelled = body_slug == "kksb" and number == 3
            page = MeetingPage(
                title=titles["sq"],
                slug=slug,
                organiser=body,
                session_number=number,
                start=start,
                end=start + dt.timedelta(hours=3),
                place=places.get("salla-e-kuvendit"),
                status=MeetingPage.Status.CANCELLED
                if cancelled
                else (MeetingPage.Status.HELD if held else MeetingPage.Status.SCHEDULED),
                is_public=body_slug != "bordi",
                materials_distributed_at=_local(day - dt.timedelta(days=7), 12),
                livestream_url="https://video.komuna.example/live" if body_slug == "kuvendi" else "",
                recording_url=f"https://video.komuna.example/{slug}"
                if held and body_slug == "kuvendi"
                else "",
            )
            for position, item in enumerate(AGENDA, start=1):
                page.agenda_items.add(
                    AgendaItem(
                        number=str(position),
                        title=item["sq"],
                        rapporteur=names["sq"] if position == 2 else "",
                    )
                )
            if body_slug in ("kuvendi", "kpf"):
                for position, material in enumerate(MATERIALS, start=1):
                    document = _document(
                        f"{material['sq']} – {titles['sq']}", f"{slug}-{position}", body, materials_type, ctx
                    )
                    page.materials.add(MeetingMaterial(document=document))
                if held:
                    page.minutes = _document(
                        f"{terms('minutes')['sq']} – {titles['sq']}",
                        f"{slug}-procesverbal",
                        body,
                        minutes_type,
                        ctx,
                    )
            with transaction.atomic():
                index.add_child(instance=page)
                page.save_revision().publish()
            ctx.count("sessions", True)
            texts = {titles["sq"]: titles} | {item["sq"]: item for item in AGENDA}
            if body_slug == "kuvendi" and not held:
                _translate(page, texts, ctx)
    return index
