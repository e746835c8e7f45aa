# Serbian in Latin script: "1. decembar 2026. u 10:00" ("u" escaped: it is a format character).
from cms.formats.sr.formats import *  # noqa: F403

DATETIME_FORMAT = r"j. E Y. \u H:i"
