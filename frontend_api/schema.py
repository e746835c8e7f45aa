"""The API's schema: one query class per area, joined here and nowhere else."""

import graphene

from .changes.schema import ChangeQueries
from .citizens.schema import CitizenMutations, CitizenQueries
from .core.images import Image
from .core.pages import GenericPage
from .core.registry import registered_page_types
from .core.schema import CoreQueries
from .documents.schema import DocumentQueries
from .events import types as _event_types  # noqa: F401  (registers the page types)
from .events.schema import EventQueries
from .home import types as _home_types  # noqa: F401  (registers the page types)
from .home.schema import HomeQueries
from .reference.schema import ReferenceQueries
from .search.schema import SearchQueries
from .subscriptions.schema import SubscriptionMutations


class Query(
    CoreQueries,
    HomeQueries,
    DocumentQueries,
    ReferenceQueries,
    EventQueries,
    ChangeQueries,
    SearchQueries,
    CitizenQueries,
    graphene.ObjectType,
):
    """Published content of the municipality's site, in every language."""


class Mutation(CitizenMutations, SubscriptionMutations, graphene.ObjectType):
    """What the public may send to the municipality: citizens' messages and requests, subscriptions."""


schema = graphene.Schema(query=Query, mutation=Mutation, types=[GenericPage, Image, *registered_page_types()])
