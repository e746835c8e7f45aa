"""Demo translation work: translator groups and users, tasks in every state, one outdated translation.

Runs after the content loaders and works with whatever Albanian pages exist.
The home pages' translations (made by ``home.demo.pages``) count as approved;
then the home page gets a meta description, which really outdates them: the
Serbian translation is brought up to date and approved, the English one is
left outdated. Tasks of other pages are spread over the remaining states in a
fixed order, some of them overdue.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from home.localization import translate_with
from home.setup import default_home_page

from . import services
from .groups import ensure_translator_groups
from .models import TranslationTask
from .setup import ensure_translation_editorial_setup

State = TranslationTask.State

TRANSLATORS = [
    # username, first name, last name, language
    ("milica", "Milica", "Jovanović", "sr"),
    ("arta", "Arta", "Krasniqi", "en"),
]
DESCRIPTION = {
    "sq": "Lajme, njoftime, vendime dhe rregullore të Komunës, në shqip, serbisht dhe anglisht.",
    "sr": "Вести, обавештења, одлуке и правилници општине, на албанском, српском и енглеском.",
}
# (state, overdue): the states of the other pages' tasks, in order.
PLAN = [
    (State.UNASSIGNED, False),
    (State.ASSIGNED, False),
    (State.IN_PROGRESS, True),
    (State.IN_REVIEW, False),
    (State.ASSIGNED, True),
    (State.CANCELLED, False),
    (State.IN_PROGRESS, False),
]


def load(ctx):
    ctx.write("Translation work: translator groups, tasks in every state")
    ensure_translation_editorial_setup()
    groups = ensure_translator_groups()
    translators = {}
    for username, first_name, last_name, language in TRANSLATORS:
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@komuna.example",
            },
        )
        if created:
            # Demo accounts have no password until an administrator sets one.
            user.set_unusable_password()
            user.save()
        if language in groups:
            user.groups.add(groups[language])
        translators[language] = user
        ctx.count("translators", created)
    reviewer = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    _home_pages(ctx, translators, reviewer)
    _other_pages(ctx, translators, reviewer)


def _home_pages(ctx, translators, reviewer):
    home = default_home_page()
    if home.search_description == DESCRIPTION["sq"]:
        return
    services.sync_tasks_for_source(home)
    tasks = TranslationTask.objects.for_instance(home)
    # The home pages' first translations were made and approved with the site.
    for task in tasks.filter(state__in=[State.UNASSIGNED, State.ASSIGNED]):
        task.assignee = translators.get(task.target_locale.language_code)
        task.state = State.DONE
        task.reviewed_by = reviewer
        task.completed_at = timezone.now()
        task.save()
    # A real change to the source: both translations become outdated.
    home.search_description = DESCRIPTION["sq"]
    home.save_revision(user=reviewer).publish(user=reviewer)
    ctx.count("outdated translations", True)
    # The Serbian translator catches up; English stays outdated.
    sr_task = tasks.filter(target_locale__language_code="sr").first()
    if sr_task is not None:
        sr_task.state = State.IN_REVIEW
        sr_task.save()
        known = {home.title: None, DESCRIPTION["sq"]: DESCRIPTION["sr"]}
        translate_with(home, "sr", lambda text, path: known.get(text.strip()), user=reviewer)
        ctx.count("translation tasks", True)


def _other_pages(ctx, translators, reviewer):
    home = default_home_page()
    sources = Page.objects.filter(locale=home.locale, live=True, depth__gt=home.depth).order_by("path")
    for source in sources:
        services.sync_tasks_for_source(source)
    tasks = list(
        TranslationTask.objects.filter(translation_key__in=sources.values("translation_key"))
        .select_related("target_locale")
        .order_by("object_repr", "target_locale__language_code", "pk")
    )
    now = timezone.now()
    for index, task in enumerate(tasks):
        state, overdue = PLAN[index % len(PLAN)]
        if task.state != State.UNASSIGNED or state == State.UNASSIGNED:
            continue
        translator = translators.get(task.target_locale.language_code)
        if state == State.CANCELLED:
            task.state = State.CANCELLED
        else:
            task.assignee = translator
            task.state = state
            if state in (State.IN_PROGRESS, State.IN_REVIEW):
                services.ensure_translation(task, user=translator)
        if overdue:
            task.due_at = now - datetime.timedelta(days=1 + index % 3)
        task.save()
        ctx.count("translation tasks", True)
