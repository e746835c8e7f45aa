"""Open311 GeoReport v2 for complaints and reports of a problem, and for suggestions.

``/open311/v2/services.json`` (or ``.xml``) lists the two services;
``requests.json`` lists and, with a client application's ``api_key``
(``Open311Client``, added in the admin), receives service requests;
``requests/{id}.json`` reads one. A request's id is its tracking code.

What leaves is what the status page shows (``citizens.status``), in
GeoReport's field names: the kind, open or closed, the status and the reply the
office published as ``status_notes``, the department responsible and the dates.
Never the citizen's name, contact, text or whereabouts: ``description``,
``address``, ``lat`` and ``long`` are sent empty. A POST goes through
``submission.submit`` like every other way in (rate limits, validation,
storage before e-mail); the client's key stands for the proof-of-work, and is
itself limited (``limits.open311_client_wait``): over its rate, 429 with
``Retry-After``.
"""

import datetime
from xml.etree import ElementTree

from django.http import HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.mail import in_language, supported_language

from . import limits, tracking
from .models import OPEN_STATUSES, Kind, Message, Open311Client
from .submission import submit

SERVICE_CODES = ("complaint", "suggestion")
SERVICE_FIELDS = ("service_code", "service_name", "description", "metadata", "type", "keywords", "group")
REQUEST_FIELDS = (
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
)
#: GeoReport's default window and page size for requests.json.
DEFAULT_WINDOW = datetime.timedelta(days=90)
MAX_REQUESTS = 1000
SUBJECT_LENGTH = 80
XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>'
XML_TYPE = "text/xml; charset=utf-8"


class Open311Error(Exception):
    def __init__(self, status, code, description, headers=None):
        super().__init__(description)
        self.status, self.code, self.description = status, code, description
        self.headers = headers or {}


def _language(request):
    return supported_language(request.GET.get("locale") or request.POST.get("locale") or "")


def _kinds():
    return Kind.objects.filter(code__in=SERVICE_CODES, is_active=True)


def _service(kind):
    return {
        "service_code": kind.code,
        "service_name": kind.name,
        "description": kind.name,
        "metadata": False,
        "type": "realtime",
        "keywords": "",
        "group": _("Citizens' messages"),
    }


def _timestamp(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _request(message):
    closed = message.status not in OPEN_STATUSES
    notes = str(message.get_status_display())
    if message.reply_is_public and message.reply and message.replied_at:
        notes = f"{notes}: {message.reply}"
    department = message.assigned_department
    return {
        "service_request_id": message.tracking_code,
        "status": "closed" if closed else "open",
        "status_notes": notes,
        "service_name": message.kind.name,
        "service_code": message.kind.code,
        # The citizen's words and whereabouts are personal data: never sent.
        "description": "",
        "agency_responsible": department.name if department else "",
        "service_notice": "",
        "requested_datetime": _timestamp(message.received_at),
        "updated_datetime": _timestamp(message.updated_at),
        "expected_datetime": _timestamp(message.due_at),
        "address": "",
        "address_id": "",
        "zipcode": "",
        "lat": None,
        "long": None,
        "media_url": "",
    }


def _xml(root, item, rows):
    element = ElementTree.Element(root)
    for row in rows:
        child = ElementTree.SubElement(element, item)
        for name, value in row.items():
            field = ElementTree.SubElement(child, name)
            if isinstance(value, bool):
                field.text = "true" if value else "false"
            elif value is not None:
                field.text = str(value)
    return XML_DECLARATION + ElementTree.tostring(element, encoding="unicode").encode()


def _respond(format, root, item, rows, status=200):
    if format == "xml":
        return HttpResponse(_xml(root, item, rows), content_type=XML_TYPE, status=status)
    return JsonResponse(rows, safe=False, status=status, json_dumps_params={"ensure_ascii": False})


def _error(format, error):
    rows = [{"code": error.code, "description": error.description}]
    response = _respond(format, "errors", "error", rows, status=error.status)
    for name, value in error.headers.items():
        response[name] = value
    return response


def open311_view(methods):
    """A GeoReport view: in the ``locale`` asked (default Albanian), errors as GeoReport writes them."""

    def decorate(view):
        @never_cache
        @require_http_methods(methods)
        def wrapper(request, format, **kwargs):
            with in_language(_language(request)):
                try:
                    return view(request, format, **kwargs)
                except Open311Error as error:
                    return _error(format, error)

        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return wrapper

    return decorate


@open311_view(["GET"])
def services(request, format):
    return _respond(format, "services", "service", [_service(kind) for kind in _kinds()])


@open311_view(["GET"])
def service_definition(request, format, code):
    kind = _kinds().filter(code=code).first()
    if kind is None:
        raise Open311Error(404, 404, _("No service has this code."))
    # No attributes: the services take a description and a place, nothing more (metadata false).
    if format == "xml":
        element = ElementTree.Element("service_definition")
        ElementTree.SubElement(element, "service_code").text = kind.code
        ElementTree.SubElement(element, "attributes")
        return HttpResponse(
            XML_DECLARATION + ElementTree.tostring(element, encoding="unicode").encode(),
            content_type=XML_TYPE,
        )
    return JsonResponse({"service_code": kind.code, "attributes": []})


def _split(value):
    return [part.strip() for part in value.split(",") if part.strip()]


def _date(request, name):
    text = request.GET.get(name, "").strip()
    if not text:
        return None
    value = parse_datetime(text.replace(" ", "+"))
    if value is None:
        raise Open311Error(400, 400, _("%(name)s is not a date and time (W3C format).") % {"name": name})
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _messages():
    return Message.objects.filter(kind__code__in=SERVICE_CODES).select_related("kind", "assigned_department")


def _list(request, format):
    messages = _messages()
    ids = _split(request.GET.get("service_request_id", ""))
    if ids:
        # Asked by id, the other filters do not apply (GeoReport v2).
        messages = messages.filter(tracking_code__in=[tracking.normalise(code) for code in ids])
    else:
        codes = _split(request.GET.get("service_code", ""))
        if codes:
            messages = messages.filter(kind__code__in=codes)
        statuses = set(_split(request.GET.get("status", "")))
        if statuses - {"open", "closed"}:
            raise Open311Error(400, 400, _("status is open or closed."))
        if statuses == {"open"}:
            messages = messages.filter(status__in=OPEN_STATUSES)
        elif statuses == {"closed"}:
            messages = messages.exclude(status__in=OPEN_STATUSES)
        start, end = _date(request, "start_date"), _date(request, "end_date")
        if start is None and end is None:
            start = timezone.now() - DEFAULT_WINDOW
        if start is not None:
            messages = messages.filter(received_at__gte=start)
        if end is not None:
            messages = messages.filter(received_at__lte=end)
    rows = [_request(message) for message in messages.order_by("-received_at")[:MAX_REQUESTS]]
    return _respond(format, "service_requests", "request", rows)


#: The form's fields under GeoReport's names, for errors.
INPUT_NAMES = {
    "kind": "service_code",
    "subject": "description",
    "text": "description",
    "location": "address_string",
    "latitude": "lat",
    "longitude": "long",
}


def _create(request, format):
    data = request.POST
    client = Open311Client.for_key(data.get("api_key", ""))
    if client is None:
        raise Open311Error(403, 403, _("A valid api_key is required to post a service request."))
    wait = limits.open311_client_wait(client)
    if wait is not None:
        raise Open311Error(
            429,
            429,
            _("Too many service requests from this application. Please try again later."),
            headers={"Retry-After": str(wait)},
        )
    code = data.get("service_code", "")
    if not _kinds().filter(code=code).exists():
        raise Open311Error(400, 400, _("No service has this code."))
    description = data.get("description", "").strip()
    name = " ".join(part for part in (data.get("first_name", ""), data.get("last_name", "")) if part).strip()
    form_data = {
        "kind": code,
        "subject": description.splitlines()[0][:SUBJECT_LENGTH] if description else "",
        "text": description,
        "name": name,
        "email": data.get("email", ""),
        "phone": data.get("phone", ""),
        "location": data.get("address_string", ""),
        "latitude": data.get("lat", ""),
        "longitude": data.get("long", ""),
        "language": translation.get_language(),
    }
    submission = submit(form_data, language=translation.get_language(), request=request, keyed_client=True)
    if not submission.ok:
        description = " ".join(
            f"{INPUT_NAMES.get(field, field)}: {' '.join(texts)}" if field != "__all__" else " ".join(texts)
            for field, texts in submission.errors.items()
        )
        raise Open311Error(400, 400, description)
    Open311Client.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
    row = {"service_request_id": submission.message.tracking_code, "service_notice": "", "account_id": None}
    return _respond(format, "service_requests", "request", [row], status=201)


@csrf_exempt
@open311_view(["GET", "POST"])
def requests(request, format):
    if request.method == "POST":
        return _create(request, format)
    return _list(request, format)


@open311_view(["GET"])
def service_request(request, format, request_id):
    message = _messages().filter(tracking_code=tracking.normalise(request_id)).first()
    if message is None:
        raise Open311Error(404, 404, _("No service request has this id."))
    return _respond(format, "service_requests", "request", [_request(message)])
