"""Demo inbox: messages of every kind and status in Albanian, Serbian and English, some overdue.

Loaded by ``manage.py load_demo_data`` after the reference data (departments).
Tracking codes are drawn from a generator seeded here, not the demo's shared
one (which other loaders draw from as much as they create), so a second run
finds every message already there and creates nothing. The e-mails are
recorded as sent: the demo never writes to anyone.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from home.models import Department

from . import clocks, tracking
from .models import Kind, Message, StatusChange

# Kind code: {language: (subject, text)}
TEXTS = {
    "question": {
        "sq": (
            "Orari i zyrës së gjendjes civile",
            "Deri në çfarë ore punon zyra e gjendjes civile të shtunën?",
        ),
        "sr": ("Радно време матичне службе", "До колико сати ради матична служба суботом?"),
        "en": (
            "Opening hours of the civil registry",
            "Until what time is the civil registry office open on Saturdays?",
        ),
    },
    "complaint": {
        "sq": (
            "Gropë në rrugën e shkollës",
            "Para shkollës fillore ka një gropë të thellë që rrezikon fëmijët.",
        ),
        "sr": ("Улична расвета не ради", "У улици код амбуланте не ради улична расвета већ две недеље."),
        "en": ("Rubbish not collected", "The containers by the market have not been emptied for ten days."),
    },
    "suggestion": {
        "sq": ("Më shumë stola në park", "Propozoj të vendosen stola dhe hije në parkun e qytetit."),
        "sr": ("Бициклистичка стаза", "Предлажем бициклистичку стазу од центра до спортске хале."),
        "en": ("Agendas online earlier", "Please publish the assembly's agendas a week before each meeting."),
    },
    "publication": {
        "sq": (
            "Koncert bamirësie",
            "Shoqata jonë organizon një koncert bamirësie më 20 të muajit në shtëpinë e kulturës.",
        ),
        "sr": ("Турнир у шаху", "Шаховски клуб организује отворени турнир за младе у суботу."),
        "en": (
            "Blood donation day",
            "The Red Cross holds a blood donation day at the health centre on Friday.",
        ),
    },
    "access_to_documents": {
        "sq": (
            "Kontrata e ndriçimit publik",
            "Kërkoj kopjen e kontratës për ndriçimin publik të vitit 2025.",
        ),
        "sr": ("Буџет за културу", "Тражим извештај о утрошку буџета за културу за прошлу годину."),
        "en": ("Road tender documents", "I request the tender file for the reconstruction of the ring road."),
    },
    "media": {
        "sq": (
            "Intervistë me kryetarin",
            "Radio Kosova kërkon një intervistë me kryetarin për buxhetin e vitit të ardhshëm.",
        ),
        "sr": (
            "Акредитација за седницу",
            "Молимо акредитацију за седницу скупштине за нашу екипу од два члана.",
        ),
        "en": (
            "Accreditation for the budget hearing",
            "We ask for accreditation for two journalists at the budget hearing.",
        ),
    },
}
NAMES = {
    "sq": ["Arbër Hoxha", "Vjosa Berisha", ""],
    "sr": ["Милица Јовановић", "Ненад Илић", ""],
    "en": ["Sarah Miller", "Tom Evans", ""],
}
STATUSES = list(Message.Status.values)
# How far along each status is: the steps of its history after "new".
STEPS = {
    Message.Status.NEW: [],
    Message.Status.ASSIGNED: ["assigned"],
    Message.Status.IN_PROGRESS: ["assigned", "in_progress"],
    Message.Status.ANSWERED: ["assigned", "in_progress", "answered"],
    Message.Status.FORWARDED: ["assigned", "forwarded"],
    Message.Status.REJECTED: ["assigned", "rejected"],
    Message.Status.CLOSED: ["assigned", "answered", "closed"],
}
DEPARTMENT_FOR = {
    "question": "administrata",
    "complaint": "urbanizmi",
    "suggestion": "urbanizmi",
    "publication": "administrata",
    "access_to_documents": "administrata",
    "media": "administrata",
}
REPLIES = {
    "sq": "Faleminderit për mesazhin. Çështja u trajtua nga drejtoria përgjegjëse.",
    "sr": "Хвала на поруци. Питање је решила надлежна дирекција.",
    "en": "Thank you for your message. The directorate responsible has dealt with it.",
}
PER_KIND_AND_LANGUAGE = 2
SEED = "citizens-demo"


def _code(rng):
    groups = ("".join(rng.choice(tracking.ALPHABET) for _ in range(4)) for _ in range(2))
    return "-".join(groups)


def load(ctx):
    ctx.write("Citizens' messages: every kind and status, in three languages, some overdue")
    departments = {department.slug: department for department in Department.objects.all()}
    now = timezone.now()
    rng = random.Random(SEED)
    index = 0
    for kind in Kind.objects.filter(code__in=TEXTS):
        for language, (subject, text) in TEXTS[kind.code].items():
            for copy in range(PER_KIND_AND_LANGUAGE):
                status = STATUSES[index % len(STATUSES)]
                # Spread over three months; the open requests of the oldest weeks are overdue.
                received = now - dt.timedelta(days=1 + (index * 37) % 88, hours=rng.randint(0, 9))
                name = NAMES[language][(index + copy) % len(NAMES[language])]
                department = departments.get(DEPARTMENT_FOR[kind.code])
                ctx.count(
                    "citizens' messages",
                    _create(rng, kind, language, subject, text, name, status, received, department),
                )
                index += 1


@transaction.atomic
def _create(rng, kind, language, subject, text, name, status, received, department):
    code = _code(rng)
    if Message.objects.filter(tracking_code=code).exists():
        return False
    email = f"{name.split()[0].lower()}@qytetari.example" if name else ""
    steps = STEPS[status]
    answered = status in (Message.Status.ANSWERED, Message.Status.CLOSED)
    # A step a day, closer together for the newest messages: nothing happens in the future.
    step = min(dt.timedelta(days=1), (timezone.now() - received) / (len(steps) + 2))
    replied = received + step * (len(steps) + 1)
    message = Message.objects.create(
        tracking_code=code,
        kind=kind,
        subject=subject,
        text=text,
        name=name,
        email=email,
        language=language,
        status=status,
        assigned_department=department if steps else None,
        received_at=received,
        due_at=clocks.due_at(kind, received),
        forward_due_at=clocks.forward_due_at(kind, received),
        reply=REPLIES[language] if answered else "",
        reply_is_public=answered,
        replied_at=replied if answered else None,
        acknowledgement_sent_at=received if email else None,
        reply_sent_at=replied if answered and email else None,
    )
    StatusChange.objects.create(message=message, to_status=Message.Status.NEW, changed_at=received)
    previous = Message.Status.NEW
    for number, to_status in enumerate(steps, start=1):
        forwarded = to_status == Message.Status.FORWARDED
        StatusChange.objects.create(
            message=message,
            from_status=previous,
            to_status=to_status,
            changed_at=received + step * number,
            note="Forwarded to the institution responsible." if forwarded else "",
        )
        previous = to_status
    return True
