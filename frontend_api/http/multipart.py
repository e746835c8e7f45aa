"""GraphQL multipart requests: files sent with an operation, as variables of the ``Upload`` scalar.

The GraphQL multipart request specification
(https://github.com/jaydenseric/graphql-multipart-request-spec), which Apollo's
and urql's upload clients speak: a ``multipart/form-data`` POST whose field
``operations`` is the JSON request with ``null`` where each file goes, whose
field ``map`` is a JSON object from file field names to the paths they fill
(``{"0": ["variables.input.attachments.0"]}``), and then the files.

Written here rather than taken from graphene-file-upload: its view is a subclass
of graphene-django's, which this endpoint is not (``view.py``), and its helper
answers a malformed ``map`` with a bare ``KeyError`` or ``TypeError``, takes a
request without ``map`` as one without files, and reads ``-1`` as the last item.
Here every fault is a ``MultipartError`` saying what is wrong, files go only
into variables, and a file that the map does not place is refused rather than
dropped unseen.
"""

import json

MULTIPART = "multipart/form-data"


class MultipartError(ValueError):
    """A multipart request that does not follow the specification: the message says how."""


def operations_with_files(fields, files):
    """The request of a multipart POST (``request.POST``, ``request.FILES``) with its files in place.

    Returns the ``operations`` object, each file where the ``map`` puts it.
    """
    operations = _json_field(fields, "operations", "the JSON request, with null where each file goes")
    if isinstance(operations, list):
        raise MultipartError("Batched requests are not supported; send one operation per request.")
    if not isinstance(operations, dict):
        raise MultipartError("`operations` must be a JSON object.")
    mapping = _json_field(fields, "map", 'which file goes where, e.g. {"0": ["variables.file"]}')
    if not isinstance(mapping, dict) or not all(
        isinstance(paths, list) and paths and all(isinstance(path, str) for path in paths)
        for paths in mapping.values()
    ):
        raise MultipartError("`map` must be a JSON object from file field names to lists of paths.")
    unmapped = sorted(set(files) - set(mapping))
    if unmapped:
        raise MultipartError(f"The file field `{unmapped[0]}` is not in `map`.")
    for name, paths in mapping.items():
        sent = files.getlist(name)
        if len(sent) != 1:
            raise MultipartError(
                f"`map` names the file field `{name}`, which was not sent."
                if not sent
                else f"Send one file in the field `{name}`."
            )
        for path in paths:
            _place(operations, path, sent[0])
    return operations


def _json_field(fields, name, what):
    if name not in fields:
        raise MultipartError(f"A multipart request needs the field `{name}`: {what}.")
    try:
        return json.loads(fields[name])
    except ValueError:
        raise MultipartError(f"`{name}` is not valid JSON.") from None


def _place(operations, path, file):
    """Put ``file`` at ``path`` (dot-separated: object keys and list indexes) inside the variables."""
    parts = path.split(".")
    if len(parts) < 2 or parts[0] != "variables":
        raise MultipartError(f"The path `{path}` in `map` must lead into `variables`.")
    container = operations
    for depth, part in enumerate(parts[:-1]):
        container = _step(container, part, path)
        if container is None and depth == 0:
            raise MultipartError(f"The path `{path}` in `map` leads nowhere: `operations` has no variables.")
    last = parts[-1]
    if _step(container, last, path) is not None:
        raise MultipartError(f"The path `{path}` in `map` must lead to a null in `operations`.")
    if isinstance(container, list):
        container[int(last)] = file
    else:
        container[last] = file


def _step(container, part, path):
    if isinstance(container, dict):
        if part not in container:
            raise MultipartError(f"The path `{path}` in `map` leads nowhere: no `{part}`.")
        return container[part]
    if isinstance(container, list):
        if not (part.isascii() and part.isdigit()) or int(part) >= len(container):
            raise MultipartError(f"The path `{path}` in `map` leads nowhere: no item `{part}`.")
        return container[int(part)]
    raise MultipartError(f"The path `{path}` in `map` leads nowhere.")
