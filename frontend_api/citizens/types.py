"""Citizens' messages in the API: the submission's input and answer, and the public status."""

import graphene

from citizens.models import Message

from ..core.locale import Locale, choices_enum
from ..core.upload import Upload
from ..reference.types import translated

CitizenMessageStatus = choices_enum(
    "CitizenMessageStatus", Message.Status, "Where a citizen's message stands in the office's inbox."
)


class CitizenMessageInput(graphene.InputObjectType):
    """A message or request from a citizen. Only kind, subject and text are required."""

    kind = graphene.String(
        required=True, description="The kind's code (`citizenMessageKinds`), e.g. `question`."
    )
    subject = graphene.String(required=True, description="A one-line subject.")
    text = graphene.String(required=True, description="The message itself.")
    name = graphene.String(description="The citizen's name; may be left out (anonymous).")
    email = graphene.String(description="Where the acknowledgement and the answer go.")
    phone = graphene.String(description="A phone number.")
    language = graphene.Field(
        Locale, description="The language of the acknowledgement and the answer; defaults to `locale`."
    )
    topic = graphene.ID(description="A topic's id (`topics`).")
    department = graphene.ID(description="A department's id (`departments`), if the citizen knows it.")
    location = graphene.String(description="Where, in words (an address, a landmark).")
    latitude = graphene.Float(description="Where, as WGS 84 latitude (with `longitude`).")
    longitude = graphene.Float(description="Where, as WGS 84 longitude (with `latitude`).")
    urgent = graphene.Boolean(
        description="A person's life or liberty depends on the answer (only kinds with an urgent procedure)."
    )
    attachments = graphene.List(
        graphene.NonNull(Upload),
        description=(
            "Files (a photo, a scanned letter), sent with a multipart request: at most 5 by default, each"
            " checked like a document upload (type by content, size); refused files are named in `errors`."
        ),
    )
    website = graphene.String(description="Leave empty: a field for robots (a non-empty value is refused).")
    proof_of_work = graphene.String(
        description=(
            "The solved `citizenMessageChallenge`: base64 of the JSON {algorithm, challenge, number, salt,"
            " signature}, with `number` such that SHA-256(salt + number) is `challenge`. Each is accepted once."
        )
    )


class CitizenMessageChallenge(graphene.ObjectType):
    """A proof-of-work challenge (the ALTCHA scheme) to solve before sending a message."""

    algorithm = graphene.String(required=True, description="The hash: `SHA-256`.")
    challenge = graphene.String(required=True, description="The hex hash to find.")
    max_number = graphene.Int(required=True, description="The number sought is between 0 and this.")
    salt = graphene.String(required=True, description="Prefix of the hashed text (it carries the expiry).")
    signature = graphene.String(required=True, description="The server's signature: send it back unchanged.")


class FieldError(graphene.ObjectType):
    """Why a field was refused, in the request's language."""

    field = graphene.String(
        required=True,
        description="The input field (`kind`, `text`, ...), or `__all__` for the whole message.",
    )
    messages = graphene.List(graphene.NonNull(graphene.String), required=True, description="What is wrong.")


class SubmitCitizenMessagePayload(graphene.ObjectType):
    """The tracking code and deadline of the stored message, or the errors that kept it from being stored."""

    tracking_code = graphene.String(
        description="Short code to follow the message with (`citizenMessage`); null when refused."
    )
    due_date = graphene.DateTime(description="When the answer is due by law, if the kind has a deadline.")
    errors = graphene.List(
        graphene.NonNull(FieldError), required=True, description="Empty when the message was stored."
    )


class CitizenMessageKind(graphene.ObjectType):
    """A kind of message the office receives."""

    code = graphene.String(required=True, description="Stable identifier, given as `kind` when submitting.")
    name = graphene.String(required=True, description="Name in the requested language (with fallback).")
    allows_urgent = graphene.Boolean(
        required=True, description="Whether requests of this kind may be urgent."
    )

    resolve_name = staticmethod(lambda kind, info: translated(kind, "name"))

    @staticmethod
    def resolve_allows_urgent(kind, info):
        return kind.allows_urgent


class CitizenMessage(graphene.ObjectType):
    """The public status of a message: never the citizen's name, contact or text."""

    tracking_code = graphene.String(required=True, description="The message's tracking code.")
    kind = graphene.Field(graphene.NonNull(CitizenMessageKind), description="What kind of message it is.")
    status = graphene.Field(graphene.NonNull(CitizenMessageStatus), description="Where it stands.")
    status_label = graphene.String(required=True, description="The status in the requested language.")
    received_at = graphene.DateTime(required=True, description="When it was received.")
    updated_at = graphene.DateTime(required=True, description="When it last changed.")
    due_date = graphene.DateTime(description="When the answer is due by law, if the kind has a deadline.")
    answered_at = graphene.DateTime(description="When the published reply was sent.")
    reply = graphene.String(description="The reply, when the office has published it.")
    is_overdue = graphene.Boolean(required=True, description="Open past its due date.")

    @staticmethod
    def resolve_due_date(status, info):
        return status.due_at

    @staticmethod
    def resolve_reply(status, info):
        return status.reply or None
