"""Citizens' subscriptions from the external frontend: the same service as the site's form."""

import graphene
from django.http import QueryDict

from outreach import subscriptions

from ..citizens.schema import request_language
from ..citizens.types import FieldError
from ..core.locale import locale_argument


class SubscribeInput(graphene.InputObjectType):
    """What to subscribe to, and where the e-mails go."""

    email = graphene.String(required=True, description="The address the confirmation link is sent to.")
    language = graphene.String(description="sq, sr, sr-latn or en (default: the request's language).")
    categories = graphene.List(
        graphene.NonNull(graphene.String), description="news, announcements, decisions, vacancies, events"
    )
    topics = graphene.List(graphene.NonNull(graphene.String), description="Slugs of topics.")
    bodies = graphene.List(graphene.NonNull(graphene.String), description="Slugs of bodies.")
    frequency = graphene.String(description="immediate (default) or daily.")
    website = graphene.String(description="Leave empty (the honeypot).")
    proof_of_work = graphene.String(
        description=(
            "A solved `citizenMessageChallenge` (the same proof-of-work as `submitCitizenMessage`'s"
            " `proofOfWork`). Each is accepted once."
        )
    )


class SubscribePayload(graphene.ObjectType):
    """The outcome of a subscription request."""

    ok = graphene.Boolean(required=True, description="True when the confirmation e-mail went out.")
    errors = graphene.List(
        graphene.NonNull(FieldError), required=True, description="What to correct, by field; empty when ok."
    )


class Subscribe(graphene.Mutation):
    """Ask for the municipality's news by e-mail; nothing is kept until the e-mailed link is opened."""

    class Arguments:
        input = SubscribeInput(required=True, description="The subscription asked for.")
        locale = locale_argument()

    Output = SubscribePayload

    @staticmethod
    def mutate(root, info, input, locale=None):
        language = request_language(locale)
        data = QueryDict(mutable=True)
        data.update({"language": input.get("language") or language, "frequency": "immediate"})
        for name in ("email", "frequency", "website", "proof_of_work"):
            if input.get(name):
                data[name] = input[name]
        for name in ("categories", "topics", "bodies"):
            data.setlist(name, list(input.get(name) or []))
        result = subscriptions.subscribe(data, language=language, request=info.context)
        if result.ok:
            return SubscribePayload(ok=True, errors=[])
        if result.refusal:
            return SubscribePayload(ok=False, errors=[FieldError(field="__all__", messages=[result.refusal])])
        errors = [FieldError(field=name, messages=messages) for name, messages in result.form.errors.items()]
        return SubscribePayload(ok=False, errors=errors)


class SubscriptionMutations(graphene.ObjectType):
    subscribe = Subscribe.Field(description="Subscribe an e-mail address to the site's news (double opt-in).")
