"""Wagtail's ``publish_scheduled``, one object at a time, with official acts waiting for their translation.

Each scheduled publication and expiry runs in its own transaction. An official
act whose go-live time has come without its complete Serbian translation stays
unpublished and keeps its schedule: the head of office and the task's
translator are e-mailed once, and it goes live with the translation as soon as
that is approved (or at the next run after that).
"""

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import DraftStateMixin, Page, Revision

from translations import gate


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)
        now = timezone.now()
        models = [Page] + [
            model
            for model in apps.get_models()
            if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
        ]
        for model in models:
            for obj in model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at"):
                try:
                    with transaction.atomic():
                        obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                except gate.GateClosed as refusal:
                    self.stderr.write(str(refusal))
        held = 0
        for revision in Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at"):
            try:
                with transaction.atomic():
                    revision.publish(log_action="wagtail.publish.scheduled")
            except gate.GateClosed as refusal:
                held += 1
                gate.hold(revision, refusal)
        if held and options["verbosity"] > 0:
            self.stdout.write(
                ngettext(
                    "%(count)s official act waits for its translation.",
                    "%(count)s official acts wait for their translation.",
                    held,
                )
                % {"count": held}
            )
