"""Django's JSON serialisation, keeping times to the microsecond.

``DjangoJSONEncoder`` cuts them to milliseconds; a restored revision, task or log entry
would then differ from the original (and sort differently from its neighbours).
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder

NAME = "exactjson"


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder


Deserializer = django_json.Deserializer


def register():
    from django.core import serializers

    if NAME not in serializers.get_serializer_formats():
        serializers.register_serializer(NAME, __name__)
