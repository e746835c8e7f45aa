"""Serbian in Latin script (DESIGN.md §5): the ``SR_LATN`` locale.

Serbian is stored once, in Cyrillic, in the ``sr`` tree. A root field asked for
in ``SR_LATN`` (its ``locale`` argument, or a ``/sr-latn/...`` path or URL) reads
that tree; ``ScriptMiddleware`` then turns every text result below that root
field into Latin script in one place, instead of in each resolver:

- ``String`` results are transliterated (HTML with ``to_latin_html``, so tags,
  attributes and code keep their bytes), except identifiers (see ``NON_TEXT``);
- URL results and links inside HTML with the ``/sr/`` prefix get ``/sr-latn/``,
  so the frontend stays in Latin script while following them;
- ``Locale`` results ``SR`` become ``SR_LATN``.

Objects that already carry their final script (the entries of ``translations``)
set ``_api_script_fixed`` and are left alone. The middleware is installed only
for documents or variables that mention ``SR_LATN``/``sr-latn``, so other
requests run without it.
"""

import json
import re

from django.conf import settings
from graphql import GraphQLEnumType, GraphQLList, GraphQLNonNull, GraphQLString

from translations.transliteration import to_latin, to_latin_html

LATIN = "sr-latn"
STORED = "sr"
LATIN_PREFIX = f"/{LATIN}/"
STORED_PREFIX = f"/{STORED}/"

# String fields that are identifiers, not text: never transliterated.
NON_TEXT = frozenset(
    {
        "slug",
        "email",
        "phone",
        "filename",
        "fileExtension",
        "mimeType",
        "src",
        "srcset",
        "number",
        "recurrenceRule",
        "timezone",
        "cursor",
        "startCursor",
        "endCursor",
        "localStart",
        "localEnd",
        "preset",
    }
)
HREF = re.compile(r'(\shref=")((?:https?://[^/"]+)?)/sr/')


def latin_offered():
    return any(code == STORED for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)


def mentions_latin(query, variables=None):
    """Whether a request may ask for Latin script (then the middleware is needed)."""
    text = (query or "").lower()
    if variables:
        # default=str: uploaded files (multipart requests) are not JSON.
        text += json.dumps(variables, ensure_ascii=False, default=str).lower()
    return "sr_latn" in text or LATIN in text


def latin_url(url):
    """``/sr/vesti/`` → ``/sr-latn/vesti/`` (absolute URLs too); other URLs unchanged."""
    if not url:
        return url
    if url.startswith(STORED_PREFIX) or url == STORED_PREFIX[:-1]:
        return LATIN_PREFIX + url[len(STORED_PREFIX) :]
    match = re.match(r"(https?://[^/]+)/sr(/.*|$)", url)
    if match:
        return f"{match.group(1)}/{LATIN}{match.group(2) or '/'}"
    return url


def stored_path(path):
    """``/sr-latn/vesti/`` → (``/sr/vesti/``, True); other paths → (path, False)."""
    if not isinstance(path, str):
        return path, False
    match = re.match(r"^(\s*(?:https?://[^/]+)?)/sr-latn(/.*)?$", path, re.IGNORECASE)
    if not match:
        return path, False
    return f"{match.group(1)}/{STORED}{match.group(2) or '/'}", True


def latin_text(value):
    if not value:
        return value
    if "<" in value and ">" in value:
        return HREF.sub(lambda m: f"{m.group(1)}{m.group(2)}{LATIN_PREFIX}", to_latin_html(value))
    return to_latin(value)


def is_latin(info):
    """Whether the field being resolved is under a root field asked for in Latin script."""
    roots = getattr(info.context, "_api_latin_roots", None)
    if not roots:
        return False
    path = info.path
    while path.prev is not None:
        path = path.prev
    return path.key in roots


def _unwrap(graphql_type):
    while isinstance(graphql_type, GraphQLNonNull | GraphQLList):
        graphql_type = graphql_type.of_type
    return graphql_type


def _convert(value, field_name, named_type):
    if isinstance(value, list | tuple):
        return [_convert(item, field_name, named_type) for item in value]
    if value is None:
        return value
    if named_type is GraphQLString and isinstance(value, str):
        if field_name == "url" or field_name.endswith("Url"):
            return latin_url(value)
        if field_name in NON_TEXT:
            return value
        return latin_text(value)
    if isinstance(named_type, GraphQLEnumType) and named_type.name == "Locale":
        code = getattr(value, "value", value)
        return LATIN if code == STORED else value
    return value


def _root_arguments(info, args):
    """Mark a root field asked for in Latin script and rewrite its arguments to the stored tree."""
    latin = False
    locale = args.get("locale")
    if locale is not None and getattr(locale, "value", locale) == LATIN:
        args["locale"] = STORED
        latin = True
    for name in ("path", "url"):
        if isinstance(args.get(name), str):
            args[name], found = stored_path(args[name])
            latin = latin or found
    if latin:
        roots = getattr(info.context, "_api_latin_roots", None)
        if roots is None:
            roots = info.context._api_latin_roots = set()
        roots.add(info.path.key)
    return args


class ScriptMiddleware:
    """Latin script for everything under a root field asked for in ``SR_LATN`` (see the module doc)."""

    def resolve(self, next_, root, info, **args):
        if info.path.prev is None:
            args = _root_arguments(info, args)
        result = next_(root, info, **args)
        if getattr(root, "_api_script_fixed", False) or not is_latin(info):
            return result
        return _convert(result, info.field_name, _unwrap(info.return_type))
