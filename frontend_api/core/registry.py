"""Which graphene type serves which page model.

Each area registers its page types with ``@register_page_type(Model)``; the
``Page`` interface resolves a page to its registered type (or ``GenericPage``),
and ``frontend_api.schema`` adds every registered type to the schema.
"""

_page_types = {}


def register_page_type(model):
    def decorator(graphene_type):
        _page_types[model] = graphene_type
        return graphene_type

    return decorator


def page_type_for(model):
    for klass in model.__mro__:
        if klass in _page_types:
            return _page_types[klass]
    return None


def registered_page_types():
    return list(dict.fromkeys(_page_types.values()))


def registered_page_models():
    return list(_page_types)
