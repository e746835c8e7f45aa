"""Demo directory: contacts of every kind in Albanian, Serbian and English, and a month of interactions.

The interactions fall in last month, the period the report to the head of
office opens on; their follow-ups are counted from today.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import Body, Topic
from outreach.models import Contact, Interaction, Kind, Organisation
from outreach.report import day_bounds, last_month

# kind, organisation, community, person, role, e-mail, language, topic slugs, body slugs
CONTACTS = [
    (
        Kind.MEDIA_LOCAL,
        "Radio Televizioni i Kosovës",
        "",
        "Arta Krasniqi",
        "Gazetare",
        "arta.krasniqi@rtk.example",
        "sq",
        [],
        [],
    ),
    (
        Kind.MEDIA_NATIONAL,
        "Koha Ditore",
        "",
        "Besnik Gashi",
        "Redaktor",
        "besnik.gashi@koha.example",
        "sq",
        ["buxheti"],
        ["kuvendi"],
    ),
    (
        Kind.MEDIA_LOCAL,
        "Радио Гораждевац",
        "",
        "Марко Петровић",
        "Новинар",
        "marko.petrovic@rg.example",
        "sr",
        [],
        [],
    ),
    # Writes Serbian in Latin script: gets the notices in Latin.
    (
        Kind.MEDIA_LOCAL,
        "Kosovo Online",
        "",
        "Jelena Jovanović",
        "Novinarka",
        "jelena@kosovo-online.example",
        "sr-latn",
        ["komunitetet"],
        [],
    ),
    (
        Kind.MEDIA_INTERNATIONAL,
        "Balkan Insight",
        "",
        "Jane Doe",
        "Correspondent",
        "jane.doe@birn.example",
        "en",
        [],
        [],
    ),
    (
        Kind.MEDIA_INTERNATIONAL,
        "Reuters",
        "",
        "Tom Fischer",
        "Correspondent",
        "tom.fischer@reuters.example",
        "en",
        ["transparenca"],
        [],
    ),
    (
        Kind.CIVIL_SOCIETY,
        "Lëvizja për Transparencë",
        "",
        "Drita Berisha",
        "Drejtoreshë",
        "drita@transparenca.example",
        "sq",
        ["transparenca", "buxheti"],
        ["kuvendi", "kpf"],
    ),
    (
        Kind.CIVIL_SOCIETY,
        "Центар за грађанске иницијативе",
        "",
        "Ана Јовић",
        "Координаторка",
        "ana@cgi.example",
        "sr",
        ["shoqeria-civile"],
        ["kuvendi"],
    ),
    (
        Kind.COMMUNITY,
        "",
        "serbian",
        "Милан Стојановић",
        "Представник заједнице",
        "milan.stojanovic@example.org",
        "sr",
        ["komunitetet"],
        ["kk"],
    ),
    (
        Kind.COMMUNITY,
        "",
        "turkish",
        "Ayşe Yılmaz",
        "Community representative",
        "ayse.yilmaz@example.org",
        "en",
        ["komunitetet"],
        [],
    ),
    (
        Kind.COMMUNITY,
        "",
        "bosniak",
        "Emir Hodžić",
        "Predstavnik zajednice",
        "emir.hodzic@example.org",
        "sr-latn",
        ["komunitetet"],
        [],
    ),
    (
        Kind.COMMUNITY,
        "",
        "roma",
        "Bajram Krasniqi",
        "Përfaqësues i komunitetit",
        "bajram@example.org",
        "sq",
        ["komunitetet"],
        ["kk"],
    ),
    (
        Kind.COMMUNITY,
        "",
        "ashkali",
        "Sabit Gashi",
        "Përfaqësues i komunitetit",
        "sabit.gashi@example.org",
        "sq",
        ["komunitetet"],
        [],
    ),
    (
        Kind.COMMUNITY,
        "",
        "egyptian",
        "Fatime Berisha",
        "Përfaqësuese e komunitetit",
        "fatime@example.org",
        "sq",
        ["komunitetet"],
        [],
    ),
    (
        Kind.COMMUNITY,
        "",
        "gorani",
        "Ramadan Ajeti",
        "Community representative",
        "ramadan.ajeti@example.org",
        "en",
        ["komunitetet"],
        [],
    ),
    (
        Kind.BUSINESS,
        "Shoqata e Bizneseve",
        "",
        "Agron Hoxha",
        "Kryetar",
        "agron@biznesi.example",
        "sq",
        ["buxheti"],
        ["kpf"],
    ),
    (
        Kind.SPORTS,
        "КК Будућност",
        "",
        "Никола Илић",
        "Секретар",
        "nikola@kkbuducnost.example",
        "sr",
        ["kultura"],
        [],
    ),
    (
        Kind.RELIGIOUS,
        "Bashkësia Islame",
        "",
        "Hasan Morina",
        "Imam",
        "hasan.morina@bik.example",
        "sq",
        ["kultura"],
        [],
    ),
    (
        Kind.SCHOOL,
        "Shkolla fillore “Naim Frashëri”",
        "",
        "Valbona Shala",
        "Drejtoreshë",
        "valbona@shkolla.example",
        "sq",
        ["konsultim-publik"],
        [],
    ),
    (
        Kind.INTERNATIONAL,
        "OSCE Mission in Kosovo",
        "",
        "Peter Novak",
        "Municipal monitor",
        "peter.novak@osce.example",
        "en",
        ["komunitetet", "transparenca"],
        ["kuvendi", "kksb"],
    ),
    (
        Kind.COMMUNITY,
        "Udruženje Roma „Romano Drom“",
        "roma",
        "Dragan Nikolić",
        "Predsednik udruženja",
        "dragan@romano-drom.example",
        "sr-latn",
        ["komunitetet"],
        ["kk"],
    ),
    (
        Kind.OTHER,
        "Muzeu i Qytetit",
        "",
        "Luljeta Rexhepi",
        "Historiane",
        "luljeta@example.org",
        "sq",
        ["kultura"],
        [],
    ),
]


def added_on(number, today=None):
    """Every fifth contact was added last month, the others over the two months before it."""
    first, last = last_month(today)
    if number % 5 == 4:
        return min(first + dt.timedelta(days=number), last)
    return first - dt.timedelta(days=7 + 2 * number)


def load(ctx):
    ctx.write("Contacts directory: organisations and contacts of every kind")
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    bodies = {body.slug: body for body in Body.objects.all()}
    for number, (
        kind,
        organisation_name,
        community,
        person,
        role,
        email,
        language,
        topic_slugs,
        body_slugs,
    ) in enumerate(CONTACTS):
        if Contact.objects.with_email(email).exists():
            continue
        organisation = None
        if organisation_name:
            organisation, created = Organisation.objects.get_or_create(
                name=organisation_name, defaults={"kind": kind, "community": community}
            )
            ctx.count("organisations", created)
        contact = Contact.objects.create(
            name=person,
            organisation=organisation,
            role=role,
            kind=kind,
            community=community,
            language=language,
            email=email,
            phone=f"+383 44 {ctx.random.randint(100, 999)} {ctx.random.randint(100, 999)}",
            consent=True,
            consent_date=(added := added_on(number)),
        )
        # In the directory before the report's month, a few of them added during it.
        Contact.objects.filter(pk=contact.pk).update(
            created_at=dt.datetime.combine(added, dt.time(9), tzinfo=timezone.get_current_timezone())
        )
        contact.topics.set([topics[slug] for slug in topic_slugs if slug in topics])
        contact.bodies.set([bodies[slug] for slug in body_slugs if slug in bodies])
        ctx.count("contacts", True)
    load_interactions(ctx)


# kind, days ago, subject, contacts' e-mails, topic slug, outcome, follow-up in days from today (None: none)
INTERACTIONS = [
    (
        "meeting",
        29,
        "Takim me përfaqësuesit e komuniteteve për buxhetin 2027",
        ["milan.stojanovic@example.org", "bajram@example.org", "sabit.gashi@example.org"],
        "komunitetet",
        "forwarded",
        -6,
    ),
    (
        "call",
        27,
        "Koha Ditore: pyetje për projektbuxhetin",
        ["besnik.gashi@koha.example"],
        "buxheti",
        "informed",
        None,
    ),
    (
        "email",
        25,
        "Request for the Assembly's session materials",
        ["jane.doe@birn.example"],
        "transparenca",
        "informed",
        None,
    ),
    (
        "event",
        23,
        "Дан отворених врата у школи",
        ["valbona@shkolla.example"],
        "konsultim-publik",
        "agreed",
        None,
    ),
    (
        "request",
        21,
        "Kërkesë për takim me kryetarin: shoqata e bizneseve",
        ["agron@biznesi.example"],
        "buxheti",
        "forwarded",
        -2,
    ),
    (
        "meeting",
        19,
        "OSCE: monitoring of the public meetings",
        ["peter.novak@osce.example"],
        "transparenca",
        "agreed",
        None,
    ),
    (
        "call",
        17,
        "Позив: КК Будућност, субвенције за клубове",
        ["nikola@kkbuducnost.example"],
        "kultura",
        "pending",
        0,
    ),
    (
        "email",
        15,
        "Ftesë për dëgjimin publik mbi rregulloren",
        ["drita@transparenca.example", "ana@cgi.example"],
        "konsultim-publik",
        "informed",
        None,
    ),
    (
        "meeting",
        13,
        "Roma, Ashkali and Egyptian communities: school enrolment",
        ["bajram@example.org", "sabit.gashi@example.org", "fatime@example.org"],
        "komunitetet",
        "pending",
        4,
    ),
    (
        "request",
        11,
        "Kosovo Online: zahtev za intervju sa predsednikom",
        ["jelena@kosovo-online.example"],
        "",
        "pending",
        -1,
    ),
    (
        "event",
        9,
        "Bajrami: vizitë në Bashkësinë Islame",
        ["hasan.morina@bik.example"],
        "kultura",
        "informed",
        None,
    ),
    (
        "call",
        7,
        "Gorani community: bus line to the villages",
        ["ramadan.ajeti@example.org"],
        "komunitetet",
        "forwarded",
        7,
    ),
    (
        "email",
        5,
        "Reuters: figures on the municipal budget",
        ["tom.fischer@reuters.example"],
        "buxheti",
        "informed",
        None,
    ),
    (
        "meeting",
        3,
        "Turkish community: Day of the Turkish language",
        ["ayse.yilmaz@example.org"],
        "kultura",
        "agreed",
        10,
    ),
    (
        "request",
        1,
        "Bosniak community: materials in Bosnian",
        ["emir.hodzic@example.org"],
        "komunitetet",
        "no_result",
        0,
    ),
]


def interaction_date(days_ago, today=None):
    """Spread over last month, the month the report shows first: 29 days ago is its 1st."""
    first, last = last_month(today)
    return min(first + dt.timedelta(days=29 - days_ago), last)


def load_interactions(ctx):
    """A month of the office's interactions, last month; some follow-ups overdue, due today and ahead."""
    today = timezone.localdate()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    staff = list(get_user_model().objects.filter(groups__name="Editors").order_by("pk")[:2])
    for number, (kind, days_ago, subject, emails, topic, outcome, follow_up) in enumerate(INTERACTIONS):
        if Interaction.objects.filter(subject=subject).exists():
            continue
        interaction = Interaction.objects.create(
            kind=kind,
            date=interaction_date(days_ago, today),
            subject=subject,
            staff=staff[number % len(staff)] if staff else None,
            topic=topics.get(topic),
            outcome=outcome,
            follow_up_date=None if follow_up is None else today + dt.timedelta(days=follow_up),
        )
        interaction.contacts.set(Contact.objects.filter(email__in=emails))
        ctx.count("interactions", True)


# Refused by one newsroom's server: the report counts its e-mails as not delivered.
REFUSING = "tom.fischer@reuters.example"


def load_notice_history(ctx):
    """Last month's media notices and press releases as sent, with their e-mails, for the report.

    Runs after the calendar (``events.demo``): advisories of the month's events and sessions,
    materials of its sessions, and press releases of the latest news; none is sent anew.
    """
    from events.models import EventPage, MediaNotice, MeetingPage, NoticeDelivery
    from home.models import NewsPage

    ctx.write("Media notices and press releases sent last month")
    first, last = last_month()
    since, until = day_bounds(first, last)
    zone = timezone.get_current_timezone()
    in_month = {"locale__language_code": "sq", "start__gte": since, "start__lt": until}
    sent = []
    for page in EventPage.objects.live().filter(**in_month).order_by("start")[:3]:
        sent.append((page, MediaNotice.Kind.ADVISORY, page.start, page.start - dt.timedelta(days=1)))
    for page in MeetingPage.objects.live().filter(**in_month).order_by("start")[:2]:
        sent.append((page, MediaNotice.Kind.MATERIALS, page.start, page.start - dt.timedelta(days=3)))
    for number, page in enumerate(
        NewsPage.objects.live().filter(locale__language_code="sq").order_by("-date")[:2]
    ):
        moment = dt.datetime.combine(first + dt.timedelta(days=5 + 10 * number), dt.time(11), tzinfo=zone)
        sent.append((page, MediaNotice.Kind.PRESS_RELEASE, moment, moment))
    media = list(Contact.objects.media().exclude(email=""))
    for page, kind, event_start, due_at in sent:
        due_at = min(max(due_at, since), until - dt.timedelta(hours=1))
        notice, created = MediaNotice.objects.get_or_create(
            page=page,
            kind=kind,
            event_start=event_start,
            defaults={"due_at": due_at, "sent_at": due_at, "status": MediaNotice.Status.SENT, "attempts": 1},
        )
        ctx.count("media notices", created)
        if not created:
            continue
        for contact in media:
            refused = contact.email == REFUSING
            NoticeDelivery.objects.create(
                notice=notice,
                contact=contact,
                email=contact.email,
                language=contact.language,
                attempted_at=due_at,
                sent_at=None if refused else due_at,
                error="550 5.1.1 Mailbox unavailable" if refused else "",
            )
