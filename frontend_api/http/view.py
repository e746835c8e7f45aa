"""The /graphql/ endpoint, following the GraphQL-over-HTTP specification.

- POST (JSON body) and GET (query string); GET only for queries (anything else is
  405, so that no side effect hides behind a cacheable URL). POST as
  ``multipart/form-data`` for files (``multipart.py``), never cached.
- ``application/graphql-response+json`` when the client accepts it (request
  errors are then 4xx), ``application/json`` otherwise (always 200 once a
  request is well-formed).
- Automatic Persisted Queries (Apollo): a GET with only
  ``extensions={"persistedQuery":{"version":1,"sha256Hash":...}}`` is short and
  CDN-cacheable; an unknown hash answers ``PersistedQueryNotFound`` and the
  client resends with the query.
- Anonymous responses are cached per (document hash, operation, variables,
  origin) and generation (see ``cache.py``). A cached response is answered
  before the document is looked up, parsed or validated: at most one cache
  round trip and no SQL query.
"""

import functools
import json
import logging

from csp.decorators import csp_update
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpResponse, HttpResponseNotAllowed
from django.http.multipartparser import MultiPartParserError
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from graphql import GraphQLError, OperationType, execute, get_operation_ast

from ..conf import api_setting
from ..core.errors import ApiError
from ..core.script import ScriptMiddleware, mentions_latin
from ..core.site import site_context
from . import cache as response_cache
from .documents import documents, query_hash
from .multipart import MULTIPART, MultipartError, operations_with_files

logger = logging.getLogger("frontend_api")

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
APQ_PREFIX = "frontend_api:apq:"
# Any of these (non-empty) on a multipart request: headers a browser sends cross-site only after a preflight.
PREFLIGHT_HEADERS = ("Apollo-Require-Preflight", "X-Apollo-Operation-Name")


class RequestError(Exception):
    """A request that cannot be executed: reported with a 4xx status (or 200 for application/json)."""

    def __init__(self, message, status=400, code=None, json_status=None, headers=None):
        super().__init__(message)
        self.status = status
        self.json_status = json_status
        self.code = code
        self.headers = headers or {}


def _schema():
    from ..schema import schema

    return schema.graphql_schema


class GraphQLView(View):
    http_method_names = ["get", "post", "options"]

    @classmethod
    def as_view(cls, **initkwargs):
        # Called cross-site by the frontend. The mutations (citizens' messages, subscriptions) need no session,
        # and a POST must be JSON, which a cross-site form cannot send, or multipart with a header
        # that a cross-site form cannot set (_multipart_params).
        return csrf_exempt(super().as_view(**initkwargs))

    def get(self, request):
        if settings.DEBUG and self._wants_graphiql(request):
            return _graphiql_view()(request)
        return self.handle(request)

    def post(self, request):
        return self.handle(request)

    @staticmethod
    def _wants_graphiql(request):
        accept = request.META.get("HTTP_ACCEPT", "")
        return "text/html" in accept and "query" not in request.GET and "extensions" not in request.GET

    # --- the request ---------------------------------------------------------

    def handle(self, request):
        media_type = self._media_type(request)
        if media_type is None:
            return HttpResponse(
                "Accept application/graphql-response+json or application/json.",
                status=406,
                content_type="text/plain",
            )
        try:
            anonymous = _is_anonymous(request)
            # A repeated anonymous GET was already looked up by CachedGetMiddleware.
            params = self._params(request)
            if anonymous and not _is_multipart(request):
                hit = self._cached(request, params, media_type)
                if hit is not None:
                    return hit
            query = self._query(params)
            prepared = documents.get(_schema(), query)
            if prepared.document is None:  # a syntax error
                raise _GraphQLErrors(prepared.errors)
            operation = get_operation_ast(prepared.document, params.get("operationName"))
            # Before validation: a mutation over GET is refused whatever it contains.
            if (
                request.method == "GET"
                and operation is not None
                and operation.operation != OperationType.QUERY
            ):
                return HttpResponseNotAllowed(["POST"], "Only queries may be sent with GET; use POST.")
            if prepared.errors:
                raise _GraphQLErrors(prepared.errors)
            if operation is None:
                raise RequestError(
                    "Could not determine which operation to run: give a valid `operationName`."
                )
            # Page sizes given by variables are known only now: refused before any resolver runs.
            refusal = prepared.cost.refusal(operation, params.get("variables"))
            if refusal is not None:
                raise _GraphQLErrors((refusal,))
            latin = mentions_latin(query, params.get("variables"))
            return self._execute(request, prepared, operation, params, media_type, anonymous, latin)
        except RequestError as error:
            body = {"errors": [_format_message(str(error), error.code)]}
            status = error.status if media_type == GRAPHQL_RESPONSE else (error.json_status or error.status)
            response = self._response(body, media_type, status)
            for name, value in error.headers.items():
                response[name] = value
            return response
        except _GraphQLErrors as error:
            body = {"errors": [_format_error(e) for e in error.errors]}
            return self._response(body, media_type, 400 if media_type == GRAPHQL_RESPONSE else 200)

    @staticmethod
    def _media_type(request):
        accept = request.META.get("HTTP_ACCEPT", "").lower()
        if not accept or GRAPHQL_RESPONSE in accept:
            return GRAPHQL_RESPONSE if GRAPHQL_RESPONSE in accept else JSON
        if JSON in accept or "*/*" in accept or "application/*" in accept:
            return JSON
        return None

    @staticmethod
    def _params(request):
        if request.method == "GET":
            params = {
                key: request.GET.get(key) for key in ("query", "operationName", "variables", "extensions")
            }
            for key in ("variables", "extensions"):
                if params[key]:
                    try:
                        params[key] = json.loads(params[key])
                    except ValueError:
                        raise RequestError(f"`{key}` must be JSON.") from None
        elif request.content_type.lower() == MULTIPART:
            params = _multipart_params(request)
        else:
            if request.content_type.lower() != JSON:
                raise RequestError(
                    "POST a JSON body with Content-Type: application/json"
                    " (multipart/form-data only to upload files).",
                    status=415,
                )
            try:
                params = json.loads(request.body or b"null")
            except ValueError:
                raise RequestError("The request body is not valid JSON.") from None
            if isinstance(params, list):
                raise RequestError("Batched requests are not supported; send one operation per request.")
            if not isinstance(params, dict):
                raise RequestError("The request body must be a JSON object.")
        for key in ("variables", "extensions"):
            if params.get(key) is not None and not isinstance(params[key], dict):
                raise RequestError(f"`{key}` must be a JSON object.")
        if params.get("operationName") is not None and not isinstance(params["operationName"], str):
            raise RequestError("`operationName` must be a string.")
        if params.get("query") is not None and not isinstance(params["query"], str):
            raise RequestError("`query` must be a string.")
        return params

    def _cached(self, request, params, media_type):
        """The cached response to this request, or None.

        The key's document hash is the persisted query's hash or the query's
        SHA-256, the same the executed path stores under: a stored response
        proves the document was valid and ran as a query without errors.
        """
        persisted = (params.get("extensions") or {}).get("persistedQuery")
        if isinstance(persisted, dict) and persisted.get("version") == 1:
            digest = persisted.get("sha256Hash")
            if not isinstance(digest, str) or len(digest) != 64:
                return None
            digest = digest.lower()
            if params.get("query") and query_hash(params["query"]) != digest:
                return None  # the executed path explains the mismatch
        elif persisted is None and params.get("query"):
            digest = query_hash(params["query"])
        else:
            return None
        key = response_cache.response_key(
            digest, params.get("operationName"), params.get("variables") or {}, request
        )
        if request.method == "GET":
            _remember_get_key(request, key)
        return self._hit(request, key, media_type)

    @classmethod
    def _hit(cls, request, key, media_type):
        entry = response_cache.get_response(key)
        if entry is None:
            return None
        body, site_id = entry
        return cls._finish(request, body, media_type, 200, cacheable=True, hit=True, site_id=site_id)

    @staticmethod
    def _query(params):
        """The query text, from the request or the persisted-query store."""
        query = params.get("query")
        persisted = (params.get("extensions") or {}).get("persistedQuery")
        if persisted is None:
            if not query:
                raise RequestError("Give a GraphQL `query`.")
            return query
        if not isinstance(persisted, dict) or persisted.get("version") != 1:
            raise RequestError("Unsupported persistedQuery version; use version 1.")
        digest = persisted.get("sha256Hash")
        if not isinstance(digest, str) or len(digest) != 64:
            raise RequestError("persistedQuery.sha256Hash must be a SHA-256 hex digest.")
        digest = digest.lower()
        if query:
            if query_hash(query) != digest:
                raise RequestError("provided sha does not match query", code="INVALID_PERSISTED_QUERY")
            cache.set(APQ_PREFIX + digest, query, timeout=api_setting("APQ_CACHE_TIMEOUT"))
            return query
        query = cache.get(APQ_PREFIX + digest)
        if query is None:
            # Apollo clients look for this message and code, then resend with the query.
            raise RequestError(
                "PersistedQueryNotFound",
                code="PERSISTED_QUERY_NOT_FOUND",
                json_status=200,
                headers={"Cache-Control": "private, no-store"},
            )
        return query

    # --- execution -------------------------------------------------------------

    def _execute(self, request, prepared, operation, params, media_type, anonymous, latin=False):
        variables = params.get("variables") or {}
        made_in = response_cache.generation() if anonymous else None
        # Site values (locale roots, privacy) are then shared by the requests of this generation.
        request._api_generation = made_in
        result = execute(
            _schema(),
            prepared.document,
            context_value=request,
            variable_values=variables,
            operation_name=params.get("operationName"),
            hide_suggestions=not api_setting("FIELD_SUGGESTIONS"),
            # Only where Latin script may be asked for: other requests skip the per-field call.
            middleware=[ScriptMiddleware()] if latin else None,
        )
        payload = {}
        if result.errors:
            payload["errors"] = [_format_error(error) for error in result.errors]
        payload["data"] = result.data
        # Encoded once: a cached response is answered with these very bytes.
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), cls=_Encoder).encode()
        status = 200
        if media_type == GRAPHQL_RESPONSE and result.data is None:
            # No data at all: bad variables (a request error) or a failure.
            status = 400 if _only_input_errors(result.errors) else 500
        cacheable = (
            anonymous
            and operation.operation == OperationType.QUERY
            and not result.errors
            and not getattr(request, "_api_no_cache", False)
        )
        context = site_context(request)
        site_id = context.site.pk
        context.keep()
        if cacheable:
            key = response_cache.response_key(prepared.hash, params.get("operationName"), variables, request)
            response_cache.set_response(key, body, site_id, made_in)
        return self._finish(
            request, body, media_type, status, cacheable=cacheable, hit=False, site_id=site_id
        )

    @staticmethod
    def _finish(request, body, media_type, status, cacheable, hit, site_id):
        response = HttpResponse(body, status=status, content_type=_CONTENT_TYPES[media_type])
        if cacheable and request.method == "GET":
            response["Cache-Control"] = _public_cache_control(
                api_setting("HTTP_MAX_AGE"), api_setting("HTTP_S_MAXAGE")
            )
        else:
            response["Cache-Control"] = "private, no-store" if not cacheable else "no-cache"
        surrogate_key, cache_tag = _surrogate_keys(site_id)
        response["Surrogate-Key"] = surrogate_key  # Fastly, Varnish
        response["Cache-Tag"] = cache_tag  # Cloudflare, Akamai
        response["X-Cache"] = "HIT" if hit else "MISS"
        response["Vary"] = "Accept"  # a new response: nothing to merge with yet
        return response

    @staticmethod
    def _response(body, media_type, status):
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False), status=status, content_type=f"{media_type}; charset=utf-8"
        )
        response["Cache-Control"] = "private, no-store"
        return response


@functools.cache
def _graphiql_view():
    """graphene-django's GraphiQL, its files served from this origin (no CDN) for the CSP."""
    from graphene_django.views import GraphQLView as GrapheneView

    class GraphiQLView(GrapheneView):
        graphiql_template = "frontend_api/graphiql.html"

    # GraphiQL's stylesheet embeds its fonts as data: URLs; only this page allows them.
    fonts = {"font-src": ["data:"]}
    view = GraphiQLView.as_view(graphiql=True)
    return csp_update(fonts)(csp_update(fonts, REPORT_ONLY=True)(view))


def cached_get_response(request):
    """The cached response to a repeated anonymous GET of the endpoint, or None.

    For ``CachedGetMiddleware``, which answers such requests before the rest
    of the middleware runs; anything else goes on to the view.
    """
    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None  # with a session, perhaps signed in: the view decides
    media_type = GraphQLView._media_type(request)
    if media_type is None:
        return None
    if settings.DEBUG and GraphQLView._wants_graphiql(request):
        return None
    # A GET's cache key is a function of its query string and origin:
    # remembered, a repeated GET skips even parsing its parameters.
    key = _GET_KEYS.get(_get_signature(request))
    if key is None:
        return None
    return GraphQLView._hit(request, key, media_type)


_CONTENT_TYPES = {media_type: f"{media_type}; charset=utf-8" for media_type in (JSON, GRAPHQL_RESPONSE)}


@functools.lru_cache(maxsize=16)
def _public_cache_control(max_age, s_maxage):
    return f"public, max-age={max_age}, s-maxage={s_maxage}"


@functools.lru_cache(maxsize=256)
def _surrogate_keys(site_id):
    """(Surrogate-Key, Cache-Tag) of a site's responses: every response, and the site's."""
    keys = [response_cache.SURROGATE_KEY, f"{response_cache.SURROGATE_KEY}-site-{site_id}"]
    return " ".join(keys), ",".join(keys)


def _is_anonymous(request):
    """No one is signed in: without a session cookie (the only way to sign in) no session is read."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    return not request.user.is_authenticated


# (query string, scheme, host, port) of a GET → its response-cache key, in this process.
_GET_KEYS = {}
_GET_KEYS_MAX = 10_000


def _get_signature(request):
    return (request.META.get("QUERY_STRING", ""), request.scheme, request._get_raw_host(), request.get_port())


def _remember_get_key(request, key):
    if len(_GET_KEYS) >= _GET_KEYS_MAX:
        _GET_KEYS.clear()
    _GET_KEYS[_get_signature(request)] = key


def _is_multipart(request):
    return request.method == "POST" and request.content_type.lower() == MULTIPART


def _multipart_params(request):
    """The parameters of a GraphQL multipart request (``multipart.py``), files in its variables.

    A cross-site HTML form can send multipart/form-data without asking first, so such a request
    must carry a header that only a CORS-preflighted request can (Apollo's convention, which its
    upload clients send): the endpoint's CSRF exemption still rests on a preflight. Its response
    depends on the files: never cached.
    """
    if not any(request.headers.get(name) for name in PREFLIGHT_HEADERS):
        raise RequestError(
            "A multipart request must carry the header Apollo-Require-Preflight: true"
            " (or X-Apollo-Operation-Name), so that browsers ask before sending it cross-site.",
            status=415,
        )
    try:
        params = operations_with_files(request.POST, request.FILES)
    except MultipartError as error:
        raise RequestError(str(error)) from None
    except RequestDataTooBig:
        raise RequestError("The request's fields other than files are too big.", status=413) from None
    except (MultiPartParserError, SuspiciousOperation):  # malformed, or too many files or fields
        raise RequestError("The multipart request could not be read.") from None
    request._api_no_cache = True
    return params


class _GraphQLErrors(Exception):
    def __init__(self, errors):
        self.errors = errors


class _Encoder(json.JSONEncoder):
    def default(self, o):
        return str(o)


def _only_input_errors(errors):
    """Variable coercion errors (no path) and our own explained errors are the client's doing."""
    return all(error.path is None or isinstance(error.original_error, ApiError) for error in errors or ())


def _format_message(message, code=None):
    formatted = {"message": message}
    if code:
        formatted["extensions"] = {"code": code}
    return formatted


def _format_error(error):
    """An error for the client: unexpected exceptions are logged and, in production, masked."""
    original = error.original_error
    if original is not None and not isinstance(original, GraphQLError):
        logger.error("GraphQL resolver failed", exc_info=original)
        if api_setting("MASK_ERRORS"):
            return {
                **error.formatted,
                "message": "Internal server error.",
                "extensions": {"code": "INTERNAL_SERVER_ERROR"},
            }
    return error.formatted
