"""Reset a user's two-step verification after a lost or replaced phone (docs/security.md)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.security.two_factor import is_required


class Command(BaseCommand):
    help = (
        "Delete the authenticator devices of the given users. They sign in with their password alone "
        "until they set up a new device; members of ADMIN_2FA_REQUIRED_GROUPS are sent to set one up "
        "at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+")

    def handle(self, *args, usernames, **options):
        User = get_user_model()
        users = {user.get_username(): user for user in User.objects.filter(username__in=usernames)}
        missing = [name for name in usernames if name not in users]
        if missing:
            raise CommandError(
                ngettext(
                    "No such user: %(names)s. Nothing was reset.",
                    "No such users: %(names)s. Nothing was reset.",
                    len(missing),
                )
                % {"names": ", ".join(missing)}
            )
        for name in usernames:
            user = users[name]
            deleted, _kinds = TOTPDevice.objects.filter(user=user).delete()
            values = {"user": name, "count": deleted}
            if is_required(user):
                message = ngettext(
                    "%(user)s: %(count)s device deleted; they must set up a new device at the next sign-in.",
                    "%(user)s: %(count)s devices deleted; they must set up a new device at the next sign-in.",
                    deleted,
                )
            else:
                message = ngettext(
                    "%(user)s: %(count)s device deleted; they sign in with the password alone.",
                    "%(user)s: %(count)s devices deleted; they sign in with the password alone.",
                    deleted,
                )
            self.stdout.write(message % values)
