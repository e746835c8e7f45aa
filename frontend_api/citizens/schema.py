"""Citizens' messages: submitted by a mutation, followed by tracking code (citizens/)."""

import graphene
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from citizens import limits, proof
from citizens.models import Kind
from citizens.status import public_status
from citizens.submission import submit
from cms.mail import in_language

from ..core.errors import ApiError
from ..core.locale import locale_argument
from ..reference.types import with_language
from .types import (
    CitizenMessage,
    CitizenMessageChallenge,
    CitizenMessageInput,
    CitizenMessageKind,
    FieldError,
    SubmitCitizenMessagePayload,
)

# Input fields whose names differ from the form's.
FORM_FIELDS = {"urgent": "is_urgent"}
INPUT_FIELDS = {form: field for field, form in FORM_FIELDS.items()}


def request_language(locale):
    """The language to answer in: the ``locale`` argument, else the request's (Accept-Language)."""
    code = getattr(locale, "value", locale)
    return code or translation.get_language()


def _form_data(data):
    values = {FORM_FIELDS.get(name, name): value for name, value in data.items() if value is not None}
    if "language" in values:
        values["language"] = getattr(values["language"], "value", values["language"])
    return values


class CitizenQueries(graphene.ObjectType):
    citizen_message = graphene.Field(
        CitizenMessage,
        tracking_code=graphene.String(required=True, description="The code given when the message was sent."),
        locale=locale_argument(),
        description="A message's status by its tracking code; null when no message has it.",
    )
    citizen_message_challenge = graphene.Field(
        graphene.NonNull(CitizenMessageChallenge),
        description=(
            "A fresh proof-of-work challenge; its solution goes in `submitCitizenMessage`'s or"
            " `subscribe`'s `proofOfWork`."
        ),
    )
    citizen_message_kinds = graphene.List(
        graphene.NonNull(CitizenMessageKind),
        required=True,
        locale=locale_argument(),
        description="The kinds of message the office receives.",
    )

    @staticmethod
    def resolve_citizen_message(root, info, tracking_code, locale=None):
        request = info.context
        # A status changes without any publication: never from the response cache.
        request._api_no_cache = True
        language = request_language(locale)
        if not limits.allow_status_lookup(request):
            with in_language(language):
                raise ApiError(limits.status_refusal(), code="RATE_LIMITED")
        with in_language(language):
            status = public_status(tracking_code)
        if status is not None:
            with_language([status.kind], language)
        return status

    @staticmethod
    def resolve_citizen_message_challenge(root, info):
        # One per ask, never from the response cache.
        info.context._api_no_cache = True
        challenge = proof.new_challenge()
        return CitizenMessageChallenge(
            algorithm=challenge["algorithm"],
            challenge=challenge["challenge"],
            max_number=challenge["maxNumber"],
            salt=challenge["salt"],
            signature=challenge["signature"],
        )

    @staticmethod
    def resolve_citizen_message_kinds(root, info, locale=None):
        return with_language(list(Kind.objects.filter(is_active=True)), request_language(locale))


class SubmitCitizenMessage(graphene.Mutation):
    """Send a message or request to the municipality; answers with its tracking code."""

    class Arguments:
        input = CitizenMessageInput(required=True, description="The message.")
        locale = locale_argument()

    Output = SubmitCitizenMessagePayload

    @staticmethod
    def mutate(root, info, input, locale=None):
        language = request_language(locale)
        data = _form_data(dict(input))
        # Files came in a multipart request (frontend_api/http/multipart.py); the form reads them
        # like the site's form's, through the same checks.
        files = MultiValueDict({"attachments": data.pop("attachments", [])})
        submission = submit(data, files, language=language, request=info.context)
        if not submission.ok:
            errors = [
                FieldError(field=INPUT_FIELDS.get(name, name), messages=messages)
                for name, messages in submission.errors.items()
            ]
            return SubmitCitizenMessagePayload(errors=errors)
        message = submission.message
        return SubmitCitizenMessagePayload(
            tracking_code=message.tracking_code, due_date=message.due_at, errors=[]
        )


class CitizenMutations(graphene.ObjectType):
    submit_citizen_message = SubmitCitizenMessage.Field(
        description="Send a message or request to the municipality (stored before anything is e-mailed)."
    )
