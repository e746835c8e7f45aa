"""Demo directory: contacts of every kind in Albanian, Serbian and English, a month of interactions, and
the coordination of two media campaigns.

The interactions fall in last month, the period the report to the head of
office opens on; their follow-ups are counted from today.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.documents import get_document_model

from home.models import Body, CampaignPage, PublicationPage, Topic
from outreach.models import (
    CampaignActivity,
    CampaignMaterial,
    CampaignTargetGroup,
    Channel,
    Community,
    Contact,
    Interaction,
    Kind,
    Organisation,
)
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
    load_campaigns(ctx)


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


# campaign slug: channels, target groups (kind, community, contact e-mail), publication slugs, activities:
# (title, channel, days from today planned, days from today done or None, status, interaction subject)
CAMPAIGNS = {
    "fushata-per-transparence": (
        [Channel.WEBSITE, Channel.SOCIAL_MEDIA, Channel.RADIO, Channel.PUBLIC_MEETING, Channel.POSTERS],
        [(Kind.CIVIL_SOCIETY, "", ""), ("", Community.SERBIAN, ""), ("", "", "besnik.gashi@koha.example")],
        ["fletepalosje-qasja-ne-dokumente"],
        [
            ("Fletëpalosja në zyrat e komunës", Channel.POSTERS, -24, -22, "done", ""),
            (
                "Intervistë në radion lokale",
                Channel.RADIO,
                -12,
                -12,
                "done",
                "Koha Ditore: pyetje për projektbuxhetin",
            ),
            ("Seria e postimeve: si kërkohet një dokument", Channel.SOCIAL_MEDIA, -3, None, "planned", ""),
            ("Spot televiziv", Channel.TV, -8, None, "cancelled", ""),
            ("Takim publik në Qendrën e Kulturës", Channel.PUBLIC_MEETING, 2, None, "planned", ""),
            ("Faqja e fushatës në ueb", Channel.WEBSITE, 5, None, "planned", ""),
            ("Mesazh SMS për lagjet", Channel.SMS, 20, None, "planned", ""),
        ],
    ),
    "fushata-ambiente": (
        [Channel.SOCIAL_MEDIA, Channel.EMAIL, Channel.POSTERS],
        [(Kind.SCHOOL, "", ""), (Kind.COMMUNITY, "", "")],
        [],
        [
            ("Letër shkollave për aksionin e pastrimit", Channel.EMAIL, -15, -14, "done", ""),
            ("Posterë në shkolla", Channel.POSTERS, -1, None, "planned", ""),
            ("Aksioni i pastrimit: foto dhe video", Channel.SOCIAL_MEDIA, 6, None, "planned", ""),
            ("Njoftim për mediat pas aksionit", Channel.PRINT, 35, None, "planned", ""),
        ],
    ),
}


def load_campaigns(ctx):
    """Two campaigns' channels, target groups, materials and activities: done, overdue and ahead."""
    today = timezone.localdate()
    staff = list(get_user_model().objects.filter(groups__name="Editors").order_by("pk")[:2])
    interactions = {interaction.subject: interaction for interaction in Interaction.objects.all()}
    document = get_document_model().objects.order_by("pk").first()
    for slug, (channels, groups, publications, activities) in CAMPAIGNS.items():
        page = CampaignPage.objects.filter(slug=slug, locale__language_code="sq").first()
        if page is None or page.activities.exists():
            continue
        page = page.get_latest_revision_as_object()
        page.channels = [str(channel) for channel in channels]
        for kind, community, email in groups:
            page.target_groups.add(
                CampaignTargetGroup(
                    kind=kind,
                    community=community,
                    contact=Contact.objects.with_email(email).first() if email else None,
                )
            )
        for publication in PublicationPage.objects.filter(slug__in=publications, locale=page.locale):
            page.materials.add(CampaignMaterial(page=publication))
        if document is not None:
            page.materials.add(CampaignMaterial(document=document, note="Për t\u00eb shp\u00ebrndar\u00eb"))
        for number, (title, channel, planned, done, status, subject) in enumerate(activities):
            page.activities.add(
                CampaignActivity(
                    title=title,
                    channel=channel,
                    planned_on=today + dt.timedelta(days=planned),
                    done_on=None if done is None else today + dt.timedelta(days=done),
                    status=status,
                    responsible=staff[number % len(staff)] if staff else None,
                    interaction=interactions.get(subject),
                )
            )
        page.save_revision().publish()
        ctx.count("campaign activities", True)


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
