# Serbian dates: "1. децембар 2026. у 10:00" (24-hour clock); ``E`` is the month in running text.
DATE_FORMAT = "j. E Y."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j. E Y. \у H:i"
YEAR_MONTH_FORMAT = "F Y."
MONTH_DAY_FORMAT = "j. E"
SHORT_DATE_FORMAT = "j.n.Y."
SHORT_DATETIME_FORMAT = "j.n.Y. H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y.", "%d.%m.%Y", "%d.%m.%y.", "%d. %m. %Y.", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y. %H:%M:%S",
    "%d.%m.%Y. %H:%M",
    "%d.%m.%Y %H:%M",
    "%d. %m. %Y. %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
