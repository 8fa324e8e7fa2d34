"""Amounts in news text: money, percentages, counts and physical quantities.

A small grammar over the raw text decides spans and values: a numeral core (digits or number
words) grows left into currency prefixes and approximators ("about", "more than") and right into
magnitudes, ranges, currency names, percent signs and units, all read from the tables below.
spaCy only helps with what the characters cannot tell: which noun a bare number counts, and
which numbers are dates, times or parts of names. Span conventions follow the MEANTIME corpus:
approximators and currency markers ("about US$ 5 billion", "$ 249 USD") are inside the span;
a count's span is the numeral alone ("3,800" in "3,800 attendees"), a unit is inside ("340 points").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from factwire.budget import check
from factwire.extract.syntax import SpanIndex, entities, text_of

# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

ONES = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# Denominators after a number word: "two thirds", "one-half", "three quarters".
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
# Scale words that multiply what precedes them; "dozen" behaves like one ("two dozen").
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "crore": 1e7,
    "crores": 1e7, "billion": 1e9, "trillion": 1e12, "dozen": 12,
}
MAGNITUDE_WORDS = SCALES  # "4.7 billion", "500 crore"
# Magnitude abbreviations after digits. Single letters are only read as magnitudes next to a
# currency ("$10K", "€10M", "£2bn"); elsewhere "5m" is five metres.
MAGNITUDE_ABBREVIATIONS = {
    "k": 1e3, "K": 1e3, "thou": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
    "MM": 1e6, "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "T": 1e12,
}
# "billions of dollars", "hundreds of points": a vague number, read as the scale itself.
PLURAL_SCALES = {
    "dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "trillions": 1e12,
}

# Currency written as a symbol or code, before or after the number. None: money of a currency
# the symbol alone does not pin down ("kr" is Swedish, Norwegian or Danish).
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "A$": "AUD", "AU$": "AUD", "AUD$": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
    "SG$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN", "$": "USD",
    "€": "EUR", "£": "GBP", "₤": "GBP", "¥": "JPY", "JP¥": "JPY", "CN¥": "CNY", "RMB": "CNY",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "₨": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₪": "ILS", "₫": "VND", "₱": "PHP", "฿": "THB", "₦": "NGN", "₴": "UAH", "₸": "KZT",
    "₡": "CRC", "₲": "PYG", "₵": "GHS", "₾": "GEL", "zł": "PLN", "Kč": "CZK", "Ft": "HUF",
    "kr": None, "kr.": None, "Kr": None, "RM": "MYR", "Rp": "IDR", "Fr.": "CHF", "SFr": "CHF",
    "KD": "KWD", "LE": "EGP", "L.E.": "EGP", "L.E": "EGP", "руб": "RUB", "руб.": "RUB",
    "грн": "UAH", "лв": "BGN", "лв.": "BGN", "lei": "RON", "Lei": "RON", "元": "CNY",
    "円": "JPY", "Dhs": "AED", "AED": "AED",
}
ISO_CODES = set("""
USD EUR GBP JPY CNY CHF CAD AUD NZD HKD SGD TWD INR PKR LKR NPR BDT BRL MXN ARS CLP COP PEN
UYU VES RUB UAH BYN KZT UZS AZN GEL AMD TRY ILS SAR AED QAR KWD BHD OMR JOD EGP LBP IQD IRR
SYP YER ZAR NGN KES GHS MAD TND DZD LYD ETB TZS UGX XOF XAF SEK NOK DKK ISK PLN CZK HUF
RON BGN HRK RSD MKD KRW THB MYR IDR PHP VND MNT MMK KHR XAU XAG DEM FRF ITL ESP PTE NLG
BEF ATS IEP GRD FIM SKK SIT
""".split())

# Currency names: noun -> default code, and adjectives that pin the country down.
CURRENCY_NOUNS = {
    # singular, plural forms, default ISO code
    "dollar": (("dollars",), "USD"), "buck": (("bucks",), "USD"),
    "euro": (("euros",), "EUR"), "pound": (("pounds",), "GBP"), "quid": ((), "GBP"),
    "sterling": ((), "GBP"), "yen": ((), "JPY"), "yuan": ((), "CNY"), "renminbi": ((), "CNY"),
    "rupee": (("rupees",), "INR"), "rupiah": ((), "IDR"), "ringgit": (("ringgits",), "MYR"),
    "won": ((), "KRW"), "ruble": (("rubles",), "RUB"), "rouble": (("roubles",), "RUB"),
    "franc": (("francs",), "CHF"), "krona": (("kronor", "kronas"), "SEK"),
    "krone": (("kroner", "krones"), None), "koruna": (("korunas", "koruny"), "CZK"),
    "zloty": (("zlotys", "zlotych"), "PLN"), "forint": (("forints",), "HUF"),
    "leu": (("lei",), "RON"), "lev": (("leva",), "BGN"), "hryvnia": (("hryvnias", "hryvnas"), "UAH"),
    "tenge": ((), "KZT"), "lari": ((), "GEL"), "shekel": (("shekels",), "ILS"),
    "lira": (("liras", "lire"), "TRY"), "reais": ((), "BRL"), "rand": (("rands",), "ZAR"),
    "naira": ((), "NGN"), "cedi": (("cedis",), "GHS"), "shilling": (("shillings",), None),
    "birr": ((), "ETB"), "baht": ((), "THB"), "dong": ((), "VND"), "peso": (("pesos",), None),
    "taka": ((), "BDT"), "tugrik": (("tugriks", "tughrik", "tögrög"), "MNT"), "kyat": (("kyats",), "MMK"),
    "dinar": (("dinars",), None), "dirham": (("dirhams",), "AED"), "riyal": (("riyals",), "SAR"),
    "rial": (("rials",), "IRR"), "geneh": (("genih", "guinea"), "EGP"), "bolivar": (("bolivars",), "VES"),
    "bitcoin": (("bitcoins",), None),
}
# Adjective (lower case) -> {noun: code}; "US dollars", "Kuwaiti dinar", "pounds sterling".
CURRENCY_ADJECTIVES = {
    "us": {"dollar": "USD"}, "u.s.": {"dollar": "USD"}, "american": {"dollar": "USD"},
    "australian": {"dollar": "AUD"}, "canadian": {"dollar": "CAD"}, "new zealand": {"dollar": "NZD"},
    "hong kong": {"dollar": "HKD"}, "singapore": {"dollar": "SGD"}, "taiwan": {"dollar": "TWD"},
    "new taiwan": {"dollar": "TWD"}, "taiwanese": {"dollar": "TWD"}, "zimbabwe": {"dollar": "ZWL"},
    "zimbabwean": {"dollar": "ZWL"}, "jamaican": {"dollar": "JMD"}, "namibian": {"dollar": "NAD"},
    "british": {"pound": "GBP"}, "egyptian": {"pound": "EGP"}, "lebanese": {"pound": "LBP"},
    "syrian": {"pound": "SYP"}, "sudanese": {"pound": "SDG"},
    "indian": {"rupee": "INR"}, "pakistani": {"rupee": "PKR"}, "sri lankan": {"rupee": "LKR"},
    "nepalese": {"rupee": "NPR"}, "nepali": {"rupee": "NPR"}, "mauritian": {"rupee": "MUR"},
    "indonesian": {"rupiah": "IDR"},
    "mexican": {"peso": "MXN"}, "argentine": {"peso": "ARS"}, "argentinian": {"peso": "ARS"},
    "chilean": {"peso": "CLP"}, "colombian": {"peso": "COP"}, "philippine": {"peso": "PHP"},
    "cuban": {"peso": "CUP"}, "uruguayan": {"peso": "UYU"}, "dominican": {"peso": "DOP"},
    "kuwaiti": {"dinar": "KWD"}, "iraqi": {"dinar": "IQD"}, "jordanian": {"dinar": "JOD"},
    "bahraini": {"dinar": "BHD"}, "algerian": {"dinar": "DZD"}, "libyan": {"dinar": "LYD"},
    "tunisian": {"dinar": "TND"}, "serbian": {"dinar": "RSD"},
    "saudi": {"riyal": "SAR"}, "qatari": {"riyal": "QAR"}, "omani": {"rial": "OMR", "riyal": "OMR"},
    "yemeni": {"rial": "YER", "riyal": "YER"}, "iranian": {"rial": "IRR"},
    "emirati": {"dirham": "AED"}, "uae": {"dirham": "AED"}, "moroccan": {"dirham": "MAD"},
    "swiss": {"franc": "CHF"}, "cfa": {"franc": "XOF"}, "french": {"franc": "FRF"},
    "belgian": {"franc": "BEF"}, "congolese": {"franc": "CDF"},
    "swedish": {"krona": "SEK"}, "norwegian": {"krone": "NOK"}, "danish": {"krone": "DKK"},
    "icelandic": {"krona": "ISK"}, "czech": {"koruna": "CZK"},
    "malaysian": {"ringgit": "MYR"}, "malaysia": {"ringgit": "MYR"},
    "kenyan": {"shilling": "KES"}, "ugandan": {"shilling": "UGX"}, "tanzanian": {"shilling": "TZS"},
    "chinese": {"yuan": "CNY"}, "japanese": {"yen": "JPY"}, "south korean": {"won": "KRW"},
    "korean": {"won": "KRW"}, "turkish": {"lira": "TRY"}, "brazilian": {"real": "BRL"},
    "south african": {"rand": "ZAR"}, "nigerian": {"naira": "NGN"}, "russian": {"ruble": "RUB", "rouble": "RUB"},
    "ukrainian": {"hryvnia": "UAH"}, "polish": {"zloty": "PLN"}, "hungarian": {"forint": "HUF"},
    "thai": {"baht": "THB"}, "vietnamese": {"dong": "VND"}, "israeli": {"shekel": "ILS"},
    "new israeli": {"shekel": "ILS"}, "mongolian": {"tugrik": "MNT"}, "venezuelan": {"bolivar": "VES"},
}
# Minor units: name -> (fraction of the major unit, currency or None when it depends on it).
MINOR_UNITS = {
    "cent": (0.01, None), "cents": (0.01, None), "c": (0.01, None), "¢": (0.01, None),
    "penny": (0.01, None), "pennies": (0.01, None), "pence": (0.01, "GBP"), "p": (0.01, "GBP"),
    "sen": (0.01, "MYR"), "sens": (0.01, "MYR"), "paise": (0.01, "INR"), "paisa": (0.01, "INR"),
    "kopek": (0.01, "RUB"), "kopeks": (0.01, "RUB"), "kopecks": (0.01, "RUB"),
    "kopiyka": (0.01, "UAH"), "kopiykas": (0.01, "UAH"), "kopiyok": (0.01, "UAH"),
}
# Single-letter minor units are written in lower case: "80c", "50p". "80C" is a temperature and
# "50P" no amount at all.
_CASED_MINOR_UNITS = ("c", "p")
# A minor unit without a currency of its own takes the currency the article counts in, among the
# currencies whose hundredth has that name: cents are the hundredths of dollars and euros (and of
# the other currencies below), pennies of pounds and, colloquially, of US dollars.
CENT_CURRENCIES = frozenset("""
USD EUR AUD CAD NZD HKD SGD TWD ZAR KES TZS UGX JMD NAD BBD TTD XCD LKR MUR SCR BND FJD LRD SBD
BZD GYD BSD BMD KYD ZWL SRD SOS MYR NLG
""".split())
MINOR_UNIT_CURRENCIES = {
    "cent": CENT_CURRENCIES, "cents": CENT_CURRENCIES, "c": CENT_CURRENCIES, "¢": CENT_CURRENCIES,
    "penny": frozenset({"GBP", "USD", "IEP"}), "pennies": frozenset({"GBP", "USD", "IEP"}),
}
# English-language news writes bare "cents" (and "$") for US money unless it says otherwise: the
# currency of cents when the article names no currency that has cents. Pennies get no such
# default: British and American writers both use the word.
DEFAULT_MINOR_CURRENCY = {"cent": "USD", "cents": "USD", "c": "USD", "¢": "USD"}
# Lines of a video format, written with "p" (progressive) or "i" (interlaced): "1080p" and "720p"
# name a picture format, never pence.
VIDEO_LINE_COUNTS = frozenset({"240", "360", "480", "540", "576", "720", "1080", "1440", "2160", "4320"})

# Physical quantity units -> canonical unit name (quantulum3's names, so scores compare).
# Long names match case-insensitively and take plurals; abbreviations match case-sensitively.
UNIT_NAMES = {
    "metre": "metre", "meter": "metre", "kilometre": "kilometre", "kilometer": "kilometre",
    "centimetre": "centimetre", "centimeter": "centimetre", "millimetre": "millimetre",
    "millimeter": "millimetre", "micrometre": "micrometre", "micrometer": "micrometre",
    "nanometre": "nanometre", "nanometer": "nanometre", "picometre": "picometre",
    "picometer": "picometre", "mile": "mile", "foot": "foot", "feet": "foot", "inch": "inch",
    "inches": "inch", "yard": "yard", "nautical mile": "nautical mile", "hectare": "hectare",
    "acre": "acre", "litre": "litre", "liter": "litre", "millilitre": "millilitre",
    "milliliter": "millilitre", "centilitre": "centilitre", "centiliter": "centilitre",
    "gallon": "gallon", "barrel": "barrel", "cup": "cup", "tablespoon": "tablespoon",
    "teaspoon": "teaspoon", "gram": "gram", "gramme": "gram", "kilogram": "kilogram",
    "kilogramme": "kilogram", "kilo": "kilogram", "milligram": "milligram", "microgram": "microgram",
    "tonne": "tonne", "metric ton": "tonne", "ton": "ton", "ounce": "ounce",
    "degree celsius": "degree Celsius", "degrees celsius": "degree Celsius",
    "degree centigrade": "degree Celsius", "degrees centigrade": "degree Celsius",
    "degree fahrenheit": "degree fahrenheit", "degrees fahrenheit": "degree fahrenheit",
    "kelvin": "kelvin", "degree": "degree", "watt": "watt", "kilowatt": "kilowatt",
    "megawatt": "megawatt", "gigawatt": "gigawatt", "watt hour": "watt hour",
    "watt-hour": "watt hour", "kilowatt hour": "kilowatt hour", "kilowatt-hour": "kilowatt hour",
    "megawatt hour": "megawatt hour", "megawatt-hour": "megawatt hour",
    "gigawatt hour": "gigawatt hour", "gigawatt-hour": "gigawatt hour", "volt": "volt",
    "kilovolt": "kilovolt", "hertz": "hertz", "kilohertz": "kilohertz", "megahertz": "megahertz",
    "gigahertz": "gigahertz", "byte": "byte", "kilobyte": "kilobyte", "megabyte": "megabyte",
    "gigabyte": "gigabyte", "terabyte": "terabyte", "petabyte": "petabyte", "exabyte": "exabyte",
    "kibibyte": "kibibyte", "bit": "bit", "electronvolt": "electronvolt",
    "kilometre per hour": "kilometre per hour", "kilometer per hour": "kilometre per hour",
    "kilometres per hour": "kilometre per hour", "kilometers per hour": "kilometre per hour",
    "mile per hour": "mile per hour", "miles per hour": "mile per hour", "knot": "knot",
    "point": "point", "basis point": "basis point", "mark": "mark",
    "sievert": "sievert", "millisievert": "millisievert", "microsievert": "microsievert",
    # Spans of time: amounts of kind "duration" (see DURATION_UNITS).
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "fortnight": "fortnight", "month": "month", "year": "year", "decade": "decade",
    "century": "century", "centuries": "century", "millennium": "millennium",
    "millennia": "millennium",
}
UNIT_ABBREVIATIONS = {
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre", "nm": "nanometre",
    "µm": "micrometre", "mi": "mile", "ft": "foot", "yd": "yard", "ha": "hectare",
    "l": "litre", "L": "litre", "ml": "millilitre", "mL": "millilitre", "cl": "centilitre",
    "gal": "gallon", "bbl": "barrel", "tbsp": "tablespoon", "tsp": "teaspoon", "g": "gram",
    "gs": "gram", "kg": "kilogram", "kgs": "kilogram", "k.g.": "kilogram", "mg": "milligram",
    "µg": "microgram", "t": "tonne", "lb": "pound-mass", "lbs": "pound-mass", "oz": "ounce",
    "°C": "degree Celsius", "° C": "degree Celsius", "ºC": "degree Celsius", "°F": "degree fahrenheit",
    # News drops the degree sign: "temperatures of 40C", "a 90F day" (only glued to the number).
    "C": "degree Celsius", "F": "degree fahrenheit",
    "° F": "degree fahrenheit", "ºF": "degree fahrenheit", "°": "degree", "W": "watt", "kW": "kilowatt",
    "MW": "megawatt", "GW": "gigawatt", "Wh": "watt hour", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour", "V": "volt",
    "kV": "kilovolt", "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz",
    "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "PB": "petabyte", "EB": "exabyte", "KiB": "kibibyte", "MiB": "mebibyte", "GiB": "gibibyte",
    "eV": "electronvolt", "keV": "kiloelectronvolt", "MeV": "megaelectronvolt",
    "GeV": "gigaelectronvolt", "TeV": "teraelectronvolt", "mph": "mile per hour",
    "km/h": "kilometre per hour", "kph": "kilometre per hour", "kmh": "kilometre per hour",
    "''": "inch", '"': "inch", "in": "inch", "″": "inch", "pts": "point", "bps": "basis point", "bp": "basis point",
    "Sv": "sievert", "mSv": "millisievert", "µSv": "microsievert", "μSv": "microsievert",
    "Gy": "gray", "mGy": "milligray", "tpd": "ton per day",
    "sec": "second", "secs": "second", "min": "minute", "mins": "minute", "hr": "hour",
    "hrs": "hour", "yr": "year", "yrs": "year",
}
# Units that measure time: their amounts are durations ("three days", "a two-year term"), kept
# apart from quantities because TIMEX3 (MEANTIME) annotates them as times, not values.
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
                  "century", "millennium"}
# Words after a duration that make it a point in time, a date: "three days ago", "a year later".
_DATE_AFTER_DURATION_RE = re.compile(
    r"\s+(?:ago|earlier|later|before|after|back|previously|hence|from\s+now|old)\b", re.I)
# The second unit of a rate: "W/min", "$15.4/hour", "four times per week", "92.27 yen to the dollar".
_PER_RE = re.compile(r"\s*/\s*|\s+per\s+|\s+an?\s+(?=(?i:second|minute|hour|day|week|month|year)\b)")
# An exchange rate: "92.27 yen to the dollar", "1.47 dollars per euro".
_EXCHANGE_RE = re.compile(r"\s+(?:to\s+(?:the|one|a|1|each)|per|against\s+the|for\s+(?:one|a|1|each))(?=\s)", re.I)
# Area and volume: "square X", "sq X", "X2", "X^2", "X²", "X squared" (same for cubic).
POWER_PREFIXES = {"square": "square", "sq": "square", "sq.": "square", "cubic": "cubic", "cu": "cubic"}
POWER_SUFFIXES = {"2": "square", "^2": "square", "²": "square", " squared": "square",
                  "3": "cubic", "^3": "cubic", "³": "cubic", " cubed": "cubic"}
POWERABLE_UNITS = {"metre", "kilometre", "centimetre", "millimetre", "mile", "foot", "inch", "yard"}

PERCENT_WORDS = ("%", "percent", "per cent", "pct", "percentage points", "percentage point",
                 "per-cent")

# Approximators and bounds, inside the span (MEANTIME: "more than 7 %", "around $ 9.99").
APPROXIMATORS = (
    "about", "around", "approximately", "approx.", "roughly", "nearly", "almost", "some",
    "more than", "less than", "fewer than", "over", "under", "below", "above", "up to",
    "at least", "at most", "no more than", "no less than", "not more than", "not less than",
    "as much as", "as many as", "as high as", "as low as", "as little as", "close to",
    "an estimated", "estimated", "just over", "just under", "well over", "well above",
    "well below", "lower than", "higher than", "greater than", "exceeding", "in excess of",
    "upwards of", "circa", "c.", "ca.", "~", "≈", "exactly", "precisely", "only", "just",
)
EXACT_MARKERS = {"exactly", "precisely", "only", "just"}
# What an approximator says of the value (``value_kind``): the true amount is above it ("more
# than 7%": a lower bound), at most it ("up to four times": an upper bound), or near it.
LOWER_BOUND_MARKERS = {
    "more than", "over", "above", "at least", "no less than", "not less than", "well over",
    "well above", "just over", "higher than", "greater than", "exceeding", "in excess of",
    "upwards of", "as low as", "as little as",
}
UPPER_BOUND_MARKERS = {
    "less than", "fewer than", "under", "below", "up to", "at most", "no more than",
    "not more than", "as much as", "as many as", "as high as", "well below", "lower than",
    "just under",
}
VALUE_KINDS = ("exact", "approximate", "lower_bound", "upper_bound", "range")
# Upper and lower bounds that MEANTIME leaves outside the span ("up to [four] times", "as much as
# [five percent]"); the amount is still marked approximate. Whole strings keep them (parse_money).
BOUNDS_OUTSIDE_SPAN = {"up to", "as much as", "as many as", "as high as", "as low as", "as little as"}

UNIT_MONTHS = ("january february march april may june july august september october november "
               "december jan feb mar apr jun jul aug sep sept oct nov dec").split()

# --------------------------------------------------------------------------------------------
# Compiled grammar
# --------------------------------------------------------------------------------------------


def _alternation(words) -> str:
    """Longest-first regex alternation of literal words."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_NUMBER_WORDS = list(ONES) + list(TENS) + list(SCALES)
_WORD = rf"(?:{_alternation(_NUMBER_WORDS)})(?![A-Za-z])"  # "six", not the "six" of "sixth"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:[eE][-+−]?\d+(?![\w])|\s?[×x]\s?10\^?[-+−]?\d+)?|\.\d+"
_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}


def _prefix_tree(words, length: int) -> str:
    """An alternation of the words' first ``length`` letters, factored by letter ("t(?:en|wo)")."""
    branches: dict[str, set[str]] = {}
    for word in words:
        if word[:length]:
            branches.setdefault(word[0], set()).add(word[1:length])
    parts = []
    for first, rests in sorted(branches.items()):
        rest = "" if "" in rests else _prefix_tree(sorted(rests), length - 1)
        parts.append(re.escape(first) + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(parts)


# What a core can start with: a sign, a digit, ".5", a vulgar fraction, "a "/"an " or the first
# three letters of a number word (every number word, plural scale and "half" has three or more).
# Only a necessary condition, so the matches are the same; it lets the search skip most
# positions at once instead of trying every branch of the grammar there.
_CORE_START = (rf"(?=[-−.\d{''.join(_FRACTIONS)}]|an?\s"
               rf"|{_prefix_tree([*_NUMBER_WORDS, *PLURAL_SCALES, 'half', 'tens'], 3)})")
_CORE_RE = re.compile(
    rf"""{_CORE_START}(?P<sign>(?<![\w.,\-−])[-−](?=\.?\d))?
    (?:(?P<mixed>\d+\s+\d+/\d+(?!\d))                # 2 1/2
      |(?P<frac>(?<![\d/])\d+/\d+(?![\d/]))           # 1/4
      |(?P<digits>{_DIGITS})(?P<ufrac>[{''.join(_FRACTIONS)}])?
      |(?P<vulgar>[{''.join(_FRACTIONS)}])
      |(?P<plural>(?:(?:tens|hundreds)\s+of\s+)?(?:{_alternation(PLURAL_SCALES)})(?=\s+of\b))
      |(?P<words>(?:(?:an?|one)\s+half|half\s+an?(?=\s)|(?:an?\s+)?{_WORD}(?:(?:\s*-\s*|\s+|\s+and\s+|\s+&\s+|,\s+){_WORD})*
         (?:\s+and\s+an?\s+half|\s+point(?:\s+{_alternation(ONES)})+|[\s-]+(?:{_alternation(FRACTION_WORDS)})(?![\w-]))?))
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_SYMBOL_ALT = _alternation(CURRENCY_SYMBOLS)
_CODE_ALT = _alternation(ISO_CODES)
_adjectives_alt = _alternation(CURRENCY_ADJECTIVES)
_noun_forms: dict[str, str] = {}  # surface (lower) -> singular noun
for _noun, (_plurals, _code) in CURRENCY_NOUNS.items():
    _noun_forms[_noun] = _noun
    for _p in _plurals:
        _noun_forms[_p] = _noun
_noun_forms["real"] = "real"  # only after an adjective ("Brazilian real")
_NOUN_ALT = _alternation(_noun_forms)

# A currency written after the number: "dollars", "US dollars", "USD", "€", "pounds sterling".
_SUFFIX_CUR_RE = re.compile(
    rf"""\s*(?:(?P<adj>(?i:{_adjectives_alt}))\s*(?P<adjnoun>(?i:{_NOUN_ALT}))(?![\w])
      |(?P<noun>(?i:{_NOUN_ALT}))(?:\s+(?P<sterling>(?i:sterling)))?(?![\w])
      |(?P<code>{_CODE_ALT})(?![A-Za-z])
      |(?P<symbol>{_SYMBOL_ALT})(?![A-Za-z]))""",
    re.VERBOSE,
)
# A currency written before the number: "$", "US$", "EUR", "Rs.", "US $", "ringgit".
_PREFIX_CUR_RE = re.compile(
    rf"""(?:(?<![\w$])(?P<code>{_CODE_ALT})\s*(?P<codesym>\$)?
      |(?P<symbol>(?<![A-Za-z])(?:{_SYMBOL_ALT})|(?:US|U\.S\.)\s\$)
      |(?<![\w])(?:(?P<adj>(?i:{_adjectives_alt}))\s*)?(?P<noun>(?i:ringgits?|rupees?|euros?|dollars?)))
    \s?$""",
    re.VERBOSE,
)
_APPROX_RE = re.compile(
    rf"(?<![\w])(?P<approx>(?i:{_alternation(APPROXIMATORS)}))\s*$"
)
# A magnitude word follows its number after a space or, in some house styles, a hyphen
# ("a $23-million data centre", "US$171-million").
_MAGNITUDE_WORD_RE = re.compile(rf"(?:\s*|-)(?P<mag>(?i:{_alternation(MAGNITUDE_WORDS)}))(?![\w])")
_MAGNITUDE_ABBR_RE = re.compile(rf"\s?(?P<mag>{_alternation(MAGNITUDE_ABBREVIATIONS)})(?![A-Za-z])")
_PERCENT_RE = re.compile(rf"(?:\s*|-)(?P<pct>%|(?i:{_alternation(PERCENT_WORDS[1:])}))(?![\w])")  # "a two-percent decline"
_MINOR_RE = re.compile(rf"\s*(?:and\s+)?(?P<num>\d{{1,2}}|{_WORD}(?:[\s-]+{_WORD})?)"
                       rf"(?:\s*(?P<minor>(?i:{_alternation(MINOR_UNITS)})))?(?![\w])", re.IGNORECASE)
_MINOR_SUFFIX_RE = re.compile(
    rf"\s*(?P<minor>(?i:{_alternation(m for m in MINOR_UNITS if m not in _CASED_MINOR_UNITS)})"
    rf"|{_alternation(_CASED_MINOR_UNITS)})(?![\w])")

_UNIT_RE = re.compile(
    rf"""(?P<sep>\s*-?\s*)
    (?:(?P<power>(?i:{_alternation(POWER_PREFIXES)}))\s+)?
    (?:(?P<long>(?i:{_alternation(UNIT_NAMES)}))(?P<plural>s|es)?(?![A-Za-z])
      |(?P<abbr>{_alternation(UNIT_ABBREVIATIONS)})(?![A-Za-z]))
    (?P<powsuf>{_alternation(POWER_SUFFIXES)})?(?![\w])""",
    re.VERBOSE,
)
_RANGE_SEP_RE = re.compile(r"\s*(?:-?\s*to|-|–|—|through)\s*", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?<![\w])(?i:between|from)\s+$")
_RANGE_VERB_RE = re.compile(r"(?<![\w])(?i:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+from\s+$")
# Both start with "+", "(" or a digit: the lookaheads skip other positions at once (same matches).
_PHONE_RE = re.compile(r"(?=[+(\d])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)?\d{3,4}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?(?!\d)")
_TIME_RE = re.compile(
    r"(?=\d)(?<![\d.,])(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\.\d{2}\s*[ap]\.?m\.?"
    r"|\d{1,2}\s*[ap]\.?m\.?|\d{4}\s*(?:UTC|GMT|hours|hrs))(?:\s*(?:hrs|hours|h))?(?![\w])", re.I)


@dataclass
class _Side:
    """One number with what is attached to it (one side of a range)."""

    start: int
    end: int
    value: float
    magnitude: float | None = None
    is_words: bool = False
    text_core: str = ""


@dataclass
class _Amount:
    start: int
    end: int
    kind: str
    value: float
    value_max: float | None = None
    currency: str | None = None
    unit: str | None = None
    approximate: bool = False
    core_start: int = 0
    core_end: int = 0
    is_words: bool = False
    value_kind: str = "exact"  # one of VALUE_KINDS
    minor: str | None = None  # the minor unit that made it money ("cents"), when one did


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def _words_value(s: str) -> float | None:
    """Value of a run of number words ("a hundred and two", "twenty-one", "two and a half")."""
    s = s.lower().replace("&", " and ")
    if "," in s:
        # "three million, two hundred and forty": a comma may follow a scale of a thousand or
        # more, before a group that has a scale of its own ("two million, three of them" is
        # two numbers).
        groups = s.split(",")
        for before, after in zip(groups, groups[1:]):
            last = before.split()[-1] if before.split() else ""
            if SCALES.get(last, 0) < 1e3 or not any(w in SCALES for w in re.split(r"[\s-]+", after)):
                return None
        s = " ".join(groups)
    half = 0.0
    m = re.search(r"\s+and\s+an?\s+half$", s)
    if m:
        half, s = 0.5, s[: m.start()]
    decimals = ""
    m = re.search(r"\s+point((?:\s+\w+)+)$", s)
    if m:
        digits = [ONES.get(w) for w in m.group(1).split()]
        if any(d is None or d > 9 for d in digits):
            return None
        decimals, s = "".join(str(d) for d in digits), s[: m.start()]
    if re.fullmatch(r"(?:an?|one)\s+half|half\s+an?", s):
        return 0.5
    m = re.search(r"[\s-]+(\w+)$", s)
    if m and m.group(1) in FRACTION_WORDS:
        numerator = _words_value(s[: m.start()])
        if numerator is None or (m.group(1).endswith("s") == (numerator == 1)):
            return None
        return numerator / FRACTION_WORDS[m.group(1)]
    tokens = [t for t in re.split(r"[\s-]+", s) if t and t != "and"]
    if tokens and tokens[0] in ("a", "an"):
        tokens[0] = "one"
        if len(tokens) == 1:
            return None
    total, current, seen = 0.0, 0.0, False
    last = None  # "ones", "tens", "scale"
    for t in tokens:
        if t in ONES:
            if last in ("ones",) or (last == "tens" and ONES[t] >= 10) or (last == "tens" and ONES[t] == 0):
                return None
            current += ONES[t]
            last = "ones"
        elif t in TENS:
            if last in ("ones", "tens"):
                return None
            current += TENS[t]
            last = "tens"
        elif t in SCALES:
            scale = SCALES[t]
            current = current or 1.0
            if scale == 100 or scale == 12:
                current *= scale
            else:
                total += current * scale
                current = 0.0
            last = "scale"
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current + half
    if decimals:
        value = float(f"{int(value)}.{decimals}")
    return value


def _digits_value(s: str) -> float | None:
    s = re.sub(r"\s?[×x]\s?10\^?", "e", re.sub(r"[,\s]", "", s)).replace("−", "-")
    try:
        return float(s)
    except ValueError:
        return None


def _core_value(m: re.Match) -> tuple[float | None, bool]:
    """(value, written in words) of a core match."""
    sign = -1.0 if m.group("sign") else 1.0
    if m.group("mixed"):
        whole, frac = m.group("mixed").split(None, 1)
        num, den = frac.split("/")
        return (sign * (float(whole) + float(num) / float(den)) if float(den) else None), False
    if m.group("frac"):
        num, den = m.group("frac").split("/")
        return (sign * float(num) / float(den) if float(den) else None), False
    if m.group("digits"):
        v = _digits_value(m.group("digits"))
        if v is not None and m.group("ufrac"):
            v += _FRACTIONS[m.group("ufrac")]
        return (None if v is None else sign * v), False
    if m.group("vulgar"):
        return _FRACTIONS[m.group("vulgar")], False
    if m.group("plural"):
        words = m.group("plural").lower().split()
        v = PLURAL_SCALES[words[-1]]
        if words[0] == "tens":
            v *= 10
        elif words[0] == "hundreds" and len(words) > 1:
            v *= 100
        return v, True
    v = _words_value(m.group("words"))
    return v, True


def parse_number(s: str) -> float | None:
    """A numeral in digits or words as a float ("1,200", "3.5 million", "twenty-one")."""
    s = s.strip()
    if not s:
        return None
    m = _CORE_RE.match(s)
    if not m or not m.group(0):
        return None
    value, _ = _core_value(m)
    if value is None:
        return None
    pos = m.end()
    mag = _MAGNITUDE_WORD_RE.match(s, pos)
    if mag:
        value *= MAGNITUDE_WORDS[mag.group("mag").lower()]
        pos = mag.end()
    else:
        mag = _MAGNITUDE_ABBR_RE.match(s, pos)
        if mag and m.group("digits"):
            value *= MAGNITUDE_ABBREVIATIONS[mag.group("mag")]
            pos = mag.end()
    if s[pos:].strip():
        return None
    return value


# --------------------------------------------------------------------------------------------
# The grammar
# --------------------------------------------------------------------------------------------


def _suffix_currency(text: str, pos: int) -> tuple[re.Match, str | None] | None:
    m = _SUFFIX_CUR_RE.match(text, pos)
    if not m:
        return None
    matched = m.group(0)
    if "\n" in matched[:len(matched) - len(matched.lstrip())]:
        return None  # a currency after the number is on its line: "1\n$ python" is a prompt
    if m.group("adj"):
        noun = _noun_forms[m.group("adjnoun").lower()]
        code = CURRENCY_ADJECTIVES[m.group("adj").lower()].get(noun)
        if code is None:
            # An adjective that does not go with the noun ("Brazilian dollars") is no currency.
            return None
        return m, code
    if m.group("noun"):
        noun = _noun_forms[m.group("noun").lower()]
        if noun == "real":
            return None
        if noun == "pound" and text[m.end(): m.end() + 3].lower() == " of":
            return None  # "two pounds of meat" is a weight
        return m, CURRENCY_NOUNS[noun][1]
    if m.group("code"):
        return m, m.group("code")
    return m, CURRENCY_SYMBOLS[m.group("symbol")]


def _prefix_currency(text: str, start: int) -> tuple[int, str | None] | None:
    window = text[max(0, start - 24): start]
    m = _PREFIX_CUR_RE.search(window)
    if not m:
        return None
    begin = start - len(window) + m.start()
    if m.group("code"):
        return begin, m.group("code")
    if m.group("symbol"):
        sym = re.sub(r"\s+", "", m.group("symbol"))
        return begin, CURRENCY_SYMBOLS.get(sym, "USD")
    noun = _noun_forms[m.group("noun").lower()]
    if m.group("adj"):
        code = CURRENCY_ADJECTIVES[m.group("adj").lower()].get(noun)
        if code is None:
            return None
        return begin, code
    # A currency name before the number ("ringgit 42") only in whole strings; see parse_money.
    return None


def _unit_at(text: str, pos: int, rate: bool = True) -> tuple[int, str] | None:
    """(end, canonical unit) of the unit at ``pos``, with the second unit of a rate ("W/min",
    "times per week" -> "watt per minute", "count per week") when ``rate``."""
    m = _UNIT_RE.match(text, pos)
    if not m:
        return None
    if m.group("long"):
        name = m.group("long").lower()
        unit = UNIT_NAMES[name]
        if m.group("plural") and name in ("inches", "feet"):
            return None
    else:
        abbr = m.group("abbr")
        unit = UNIT_ABBREVIATIONS[abbr]
        # One- and two-letter abbreviations must be followed by a break, not a word.
        if abbr in ("t", "m", "g", "l", "L", "V", "W") and not re.match(r"(?:[\s.,;:)!?\]/]|$)", text[m.end(): m.end() + 1]):
            return None
        if abbr in ("''", '"', "″") and (m.group("sep") or not text[pos - 1: pos].isdigit()
                                          or not re.match(r"\s+[a-z]", text[m.end():])):
            return None  # 'English 101".' is a closing quote; '17" display' is inches
        if abbr == "in" and not re.match(r"(?:\s*(?:[.,;:)!?]|$)|\s+(?:thick|long|wide|tall|high|deep|diameter)\b)", text[m.end():]):
            return None
    sep = m.group("sep")
    if "\n" in sep:
        return None
    power = None
    if m.group("power"):
        power = POWER_PREFIXES[m.group("power").lower()]
    if m.group("powsuf"):
        power = POWER_SUFFIXES[m.group("powsuf")]
    if power:
        if unit not in POWERABLE_UNITS:
            return None
        unit = f"{power} {unit}"
    end = m.end()
    if unit in DURATION_UNITS and text[end: end + 1] == "-" and text[end + 1: end + 2].isalpha():
        return None  # "two second-half goals", "a three day-long strike"
    if rate:
        per = _PER_RE.match(text, end)
        second = _unit_at(text, per.end(), rate=False) if per else None
        if second is not None:
            return second[0], f"{unit} per {second[1]}"
        if text[end: end + 2] == "/s" and not text[end + 2: end + 3].isalnum():
            return end + 2, f"{unit} per second"  # "2.3 GB/s": "s" alone is a second only after "/"
    if text[end: end + 1] == "/":
        return None  # "m/s" with an unknown second unit: not a plain metre
    return end, unit


def _time_unit_rate(text: str, pos: int) -> tuple[int, str] | None:
    """'times per week', 'times a day': a frequency, counted per unit of time."""
    m = re.match(r"\s+times(?=\s)", text[pos: pos + 8])
    if not m:
        return None
    per = _PER_RE.match(text, pos + m.end())
    second = _unit_at(text, per.end(), rate=False) if per else None
    if second is None or second[1] not in DURATION_UNITS:
        return None
    return second[0], f"count per {second[1]}"


def _currency_name(code: str | None) -> str:
    """A currency's name in units ("yen per dollar"); the ISO code when it has no noun here."""
    return _CURRENCY_NAMES.get(code, code or "money")


_CURRENCY_NAMES = {}
for _noun, (_plurals, _code) in CURRENCY_NOUNS.items():
    if _code is not None:
        _CURRENCY_NAMES.setdefault(_code, _noun)


def _side_at(text: str, m: re.Match, currency_known: bool) -> _Side | None:
    """Read one number at a core match, with its magnitude."""
    value, is_words = _core_value(m)
    if value is None:
        return None
    side = _Side(m.start(), m.end(), value, is_words=is_words, text_core=m.group(0))
    pos = m.end()
    mag = _MAGNITUDE_WORD_RE.match(text, pos)
    if mag and not m.group("plural"):
        side.magnitude = MAGNITUDE_WORDS[mag.group("mag").lower()]
        side.end = mag.end()
        return side
    if m.group("digits") and not m.group("ufrac"):
        mag = _MAGNITUDE_ABBR_RE.match(text, pos)
        if mag:
            after = text[mag.end(): mag.end() + 1]
            # "$10K", "€10M", "10k$", "£2bn", "0.5k miles"; never "5m" alone (metres).
            suffix = _suffix_currency(text, mag.end())
            if currency_known or suffix or (mag.group("mag") in ("k", "K") and _unit_at(text, mag.end())):
                if not after.isalnum():
                    side.magnitude = MAGNITUDE_ABBREVIATIONS[mag.group("mag")]
                    side.end = mag.end()
    return side


def _is_boundary_ok(text: str, m: re.Match) -> bool:
    """Digits glued to letters or other digits ("3G", "I7-860", "J1149.5+6663") are not amounts."""
    start = m.start()
    before = text[start - 1] if start else ""
    if not before:
        return True
    if m.group("digits") or m.group("frac") or m.group("mixed"):
        if before.isdigit() or before in "_/#@+^":  # "^2" is an exponent, "#2" a rank
            return False
        if before in "-−" and start >= 2 and text[start - 2].isalnum():
            return False  # "s-1", "OAO-1", "I7-860"
        if before in ".," and start >= 2 and text[start - 2].isdigit():
            return False
        if before.isalpha():
            # Currency letters may be glued on ("USD3.14", "Rs20", "RM42"); other letters not.
            window = text[max(0, start - 4): start]
            return bool(re.search(rf"(?:{_SYMBOL_ALT}|{_CODE_ALT})$", window))
        return True
    return not before.isalnum()


def _scan(text: str, whole: bool = False) -> list[_Amount]:
    """Every amount the grammar finds in ``text``, left to right, without overlaps."""
    out: list[_Amount] = []
    pos = 0
    while True:
        m = _CORE_RE.search(text, pos)
        if m is None:
            return out
        pos = max(m.end(), m.start() + 1)
        if not m.group(0).strip() or not _is_boundary_ok(text, m):
            continue
        if m.group("words") and _words_value(m.group("words")) is None:
            m = _longest_words_prefix(text, m)
            if m is None:
                continue
            pos = m.end()
        amount = _grow(text, m, whole)
        if amount is None:
            continue
        if text[amount.end: amount.end + 1].isalnum() and not amount.is_words:
            continue  # "3G", "2nd", "06F6": a code or an ordinal, not an amount
        out.append(amount)
        pos = max(pos, amount.end)


def _longest_words_prefix(text: str, m: re.Match) -> re.Match | None:
    """Shorten a run of number words that is not one number ("three and seven" -> "three").

    A leading article that does not go with the number is dropped ("a two-year term" -> "two").
    """
    article = re.match(r"(?i)an?\s+", m.group(0))
    if article:
        rest = _CORE_RE.match(text, m.start() + article.end(), m.end())
        if rest and rest.group("words") and _words_value(rest.group("words")) is not None:
            return rest
    cuts = [w.start() for w in re.finditer(r"(?<=\w)[\s,-]", m.group(0))]
    for cut in reversed(cuts):
        short = _CORE_RE.match(text, m.start(), m.start() + cut)
        if short and short.group("words") and _words_value(short.group("words")) is not None:
            return short
    return None


def _grow(text: str, m: re.Match, whole: bool) -> _Amount | None:
    """Grow a numeral core into a full amount."""
    if m.group("words") and re.fullmatch(r"an?", m.group("words").strip().lower()):
        return None
    if m.group("words") and m.group("words").split()[0].lower().split("-")[0] in SCALES:
        return None  # "several hundred years", "a baker's dozen": no number says how many
    prefix = _prefix_currency(text, m.start())
    side = _side_at(text, m, currency_known=prefix is not None)
    if side is None:
        return None
    start, end = (prefix[0] if prefix else side.start), side.end
    currency = prefix[1] if prefix else None
    has_currency = prefix is not None
    value, value_max = side.value * (side.magnitude or 1), None
    kind = "money" if has_currency else None
    unit = None
    # "between 25 and 75 cents", and "from $25 to $75" after a verb of range ("prices range
    # from", "varying from"); after any other verb it is a change ("rose from $55 to $110").
    # An approximator may stand between the two ("ranged from approximately $350 to $600").
    lead = start
    approx_first = _APPROX_RE.search(text[max(0, start - 20): start])
    if approx_first:
        lead = start - len(text[max(0, start - 20): start]) + approx_first.start()
    between = _BETWEEN_RE.search(text[max(0, lead - 12): lead])
    is_between = bool(between) and (between.group(0).lower().startswith("between")
                                    or bool(_RANGE_VERB_RE.search(text[max(0, lead - 30): lead])))

    # Range whose unit or magnitude comes after the second number: "3-4 million", "$10-$20",
    # "10 to 20 dollars", "between three and seven percent". A side with its own currency or
    # magnitude and "to" ("$55 billion to $110 billion") reads as two amounts, as in MEANTIME.
    second = _range_second_side(text, end, side, is_between, has_currency)
    if second is not None and not ((has_currency or side.magnitude) and not is_between
                                   and second[2] in ("to", "through") and not whole):
        other, second_code, _ = second
        low = side.value * (side.magnitude or other.magnitude or 1)
        high = other.value * (other.magnitude or 1)
        if low >= high and side.magnitude is None and side.value < high:
            # A range runs from low to high: the low end takes the high end's magnitude ("3-4
            # million") only when it would be no range without it ("$100,000-$1 million").
            low = side.value
        if high > low:
            value, value_max, end = low, high, other.end
            if second_code is not _NO_CURRENCY:
                has_currency, kind = True, "money"
                currency = currency or second_code

    # "billions of dollars", "hundreds of points": the unit comes after "of".
    if m.group("plural"):
        of = re.match(r"\s+of\s+", text[end:])
        if of and (_suffix_currency(text, end + of.end()) or _unit_at(text, end + of.end())):
            end += of.end() - 1
    # What follows: a currency, a percent sign, a minor unit or a physical unit.
    suffix = _suffix_currency(text, end)
    if suffix:
        sm, code = suffix
        same = not has_currency or code == currency or currency is None or code is None
        # "$ 249 USD": a second marker of the same money. "$10 $20" is two amounts.
        if same and not (has_currency and sm.group("symbol")):
            currency = currency or code
            has_currency, kind, end = True, "money", sm.end()
    if kind == "money" and value_max is None and (is_between or whole):
        # "between 10 dollars and 20 dollars", and in whole strings "from 10 dollars to 20 dollars"
        second = _range_second_side(text, end, side, is_between or whole, True)
        if second is not None:
            other, second_code, _ = second
            high = other.value * (other.magnitude or 1)
            tail = _suffix_currency(text, other.end)
            if high > value and (second_code is not _NO_CURRENCY or tail):
                value_max, end = high, (tail[0].end() if tail else other.end)
    minor = minor_name = None
    if kind != "money":
        pm = _PERCENT_RE.match(text, end)
        if pm:
            kind, end = "percent", pm.end()
            unit = "percentage point" if "point" in pm.group("pct").lower() else None
        else:
            # A unit is read before a minor unit of money: "80C" is a temperature, not 80 cents.
            um = _unit_at(text, end) or _time_unit_rate(text, end)
            if um and um[1] in DURATION_UNITS and _DATE_AFTER_DURATION_RE.match(text, um[0]):
                um = None  # "three days ago": a date, not an amount
            minor = None if um else _minor_unit_at(text, end, m, whole)
            if minor:
                minor_name = minor.group("minor") if minor.group("minor") in _CASED_MINOR_UNITS \
                    else minor.group("minor").lower()
                frac, code = MINOR_UNITS[minor_name]
                kind, currency, end = "money", code, minor.end()
                value *= frac
                value_max = value_max * frac if value_max else None
            else:
                if um is None and value_max is None and not whole:
                    um = _shared_unit(text, end, side)
                    if um is not None:
                        um = (end, um[1])  # "45 and 50 mg": the span stays the number
                if um:
                    unit, end = um[1], um[0]
                    kind = "duration" if unit in DURATION_UNITS else "quantity"
                    if value_max is None:
                        # "44 mg to 50 mg", "-18 °C to -34 °C": one range when the unit repeats
                        second = _range_second_side(text, end, side, is_between, True, signed=True)
                        if second is not None:
                            other = second[0]
                            tail = _unit_at(text, other.end)
                            if tail and tail[1] == unit:
                                value_max, end = other.value * (other.magnitude or 1), tail[0]
    elif value_max is None and has_currency:
        # "$20 and 43c", "20 dollars 43 cents"; in whole strings also "US$3 and fourteen".
        mm = _MINOR_RE.match(text, end)
        if mm and (mm.group("minor") or (whole and mm.end() == len(text.rstrip()))):
            cents = parse_number(mm.group("num"))
            if cents is not None and cents < 100 and float(value).is_integer():
                value += cents / 100
                end = mm.end()

    if kind == "money" and value_max is None and not whole:
        xm = _EXCHANGE_RE.match(text, end)
        other = _suffix_currency(text, xm.end()) if xm else None
        if other is not None and other[1] not in (None, currency):
            # "92.27 yen to the dollar" is a rate (MEANTIME: QUANTITY), not an amount of yen
            kind, unit = "quantity", f"{_currency_name(currency)} per {_currency_name(other[1])}"

    # "billions of dollars", "tens of thousands of people": vague, and at least the scale named
    # (a plural of "thousand" is two thousands or more), so the value is a lower bound.
    approximate = bool(m.group("plural"))
    value_kind = "lower_bound" if approximate else "exact"
    if between and value_max is not None and is_between:
        start = lead - len(text[max(0, lead - 12): lead]) + between.start()
        if approx_first:
            approximate = True
    else:
        window = text[max(0, start - 20): start]
        am = _APPROX_RE.search(window)
        if am and not (am.group("approx").lower() in ("c.", "ca.") and kind is None):
            bound = re.sub(r"\s+", " ", am.group("approx").lower())
            if whole or bound not in BOUNDS_OUTSIDE_SPAN:
                start = start - len(window) + am.start()
            approximate = approximate or bound not in EXACT_MARKERS
            if not m.group("plural"):
                value_kind = _bound_kind(bound)
    if value_max is not None:
        # A range says the amount lies somewhere between its ends: both are kept, neither is exact.
        approximate, value_kind = True, "range"
    return _Amount(start, end, kind or "number", value, value_max, currency, unit, approximate,
                   side.start, side.end, side.is_words, value_kind,
                   minor_name if kind == "money" else None)


def _bound_kind(approximator: str) -> str:
    """The ``value_kind`` an approximator gives its amount ("more than" -> "lower_bound")."""
    if approximator in EXACT_MARKERS:
        return "exact"
    if approximator in LOWER_BOUND_MARKERS:
        return "lower_bound"
    if approximator in UPPER_BOUND_MARKERS:
        return "upper_bound"
    return "approximate"


def _minor_unit_at(text: str, pos: int, core: re.Match, whole: bool) -> re.Match | None:
    """A minor unit of money right after a number ("10 cents", "80c", "50p"), or None.

    "10 c" with a space is cents only in a whole string; and a video format's line count with
    "p" ("1080p", "720p") is a picture format, not pence.
    """
    minor = _MINOR_SUFFIX_RE.match(text, pos)
    if minor is None:
        return None
    letter = minor.group("minor") in _CASED_MINOR_UNITS
    if letter and not whole and minor.group(0) != minor.group("minor"):
        return None
    if minor.group("minor") == "p" and (core.group("digits") or "") in VIDEO_LINE_COUNTS:
        return None
    return minor


def _shared_unit(text: str, pos: int, first: _Side) -> tuple[int, str] | None:
    """'45 and 50 mg', 'two or three days': the unit after the second number is the first's too."""
    sep = re.match(r"\s*(?:,|and|or)\s*", text[pos: pos + 8])
    if not sep:
        return None
    cm = _CORE_RE.match(text, pos + sep.end())
    if not cm or not (cm.group("digits") or cm.group("words")) or bool(cm.group("words")) != first.is_words:
        return None
    other = _side_at(text, cm, currency_known=False)
    if other is None:
        return None
    return _unit_at(text, other.end)


_NO_CURRENCY = object()
_PREFIX_FWD_RE = re.compile(rf"(?P<cur>(?:{_SYMBOL_ALT})|(?:{_CODE_ALT})(?![A-Za-z]))\s?")


def _range_second_side(text: str, pos: int, first: _Side, is_between: bool, currency_known: bool,
                       signed: bool = False):
    """The high end of a range starting at ``pos``: (side, its prefix currency, separator)."""
    sep = (_BETWEEN_SEP_RE if is_between else _RANGE_SEP_RE).match(text, pos)
    if not sep:
        return None
    word = sep.group(0).strip().lower()
    after = sep.end()
    code = _NO_CURRENCY
    fwd = _PREFIX_FWD_RE.match(text, after)
    if fwd:
        cur = fwd.group("cur")
        code = CURRENCY_SYMBOLS[cur] if cur in CURRENCY_SYMBOLS else cur
        after = fwd.end()
    cm = _CORE_RE.match(text, after)
    if not cm or not (cm.group("digits") or cm.group("words")) or (cm.group("sign") and not signed):
        return None
    if bool(cm.group("words")) != first.is_words and not is_between:
        return None
    if word in ("-", "–", "—") and cm.group("digits") and not first.is_words:
        # "2013-14", "555-1234": dashes between digits need the pieces to look like amounts
        if re.fullmatch(r"\d{4}", first.text_core) or len(cm.group("digits")) > 3 and "," not in cm.group("digits") and "." not in cm.group("digits"):
            if not currency_known and code is _NO_CURRENCY:
                return None
    other = _side_at(text, cm, currency_known=currency_known or code is not _NO_CURRENCY)
    if other is None:
        return None
    return other, code, word


_BETWEEN_SEP_RE = re.compile(r"\s*(?:and|to|-|–)\s*", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def parse_money(s: str) -> tuple[float, str | None] | None:
    """A whole string that is an amount of money -> (value, ISO 4217 code or None).

    Ranges give their low end; bounds ("under 7 euros") give the bound. None when the string
    is not money ("five", "exactly dollars").
    """
    if not isinstance(s, str):
        return None
    text = s.strip()
    # "a US$4.7 billion": the article does not count.
    text = re.sub(r"^(?:an?)\s+(?=(?:US|U\.S\.|[A-Z]{3})?\s?[^\w\s])", "", text)
    # "ringgit 42", "malaysian ringgits 42": a currency name before the number.
    lead = re.match(rf"(?i:(?:(?P<adj>{_adjectives_alt})\s+)?(?P<noun>{_NOUN_ALT}))\s+(?=\d)", text)
    lead_code = None
    if lead:
        noun = _noun_forms[lead.group("noun").lower()]
        lead_code = (CURRENCY_ADJECTIVES.get((lead.group("adj") or "").lower(), {}).get(noun)
                     or CURRENCY_NOUNS.get(noun, ((), None))[1])
        text = text[lead.end():]
    # "a dollar", "one euro": the article is the number.
    text = re.sub(r"^(?i:an?)\s+(?=(?i:" + _NOUN_ALT + r")\b)", "1 ", text)
    text = re.sub(r"^((?:(?i:" + _alternation(APPROXIMATORS) + r")\s+)?)(?i:an?)\s+(?=(?i:" + _NOUN_ALT + r")\b)",
                  r"\g<1>1 ", text)
    text = re.sub(r"^(?i:from)\s+(?=\S)", "", text)  # "from 10 to 20 dollars": the range's opener
    amounts = _scan(text, whole=True)
    if len(amounts) != 1:
        return None
    a = amounts[0]
    if text[: a.start].strip() or text[a.end:].strip(" .!"):
        return None
    if lead:
        if a.kind not in ("number", "money"):
            return None
        return a.value, lead_code
    if a.kind != "money":
        return None
    return a.value, a.currency


class Price(NamedTuple):
    """A shop price: amount, ISO currency (None when unknown) and the currency as written."""

    amount: float
    currency: str | None
    currency_text: str | None


# Currency marks as shop pages write them, beyond the symbols above: local abbreviations and
# names in their own scripts. None where the mark alone does not tell the country.
PRICE_CURRENCY_MARKS = {
    "Р": "RUB", "р.": "RUB", "руб.": "RUB", "руб": "RUB", "грн.": "UAH", "TL": "TRY",
    "LEI": "RON", "Zł": "PLN", "ZŁ": "PLN", "đ": "VND", "Br": "BYN", "Dinara": "RSD",
    "원": "KRW", "تومان": "IRR", "ریال": "IRR", "ريال": None, "جنيه": "EGP", "درهم": "AED",
    "र": None, "Lek": "ALL", "KM": "BAM", "din.": "RSD", "Ls": "LVL", "Lt": "LTL",
}
_PRICE_MARKS = {**CURRENCY_SYMBOLS, **PRICE_CURRENCY_MARKS}
_PRICE_CURRENCY_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?:{_alternation(_PRICE_MARKS)})(?![A-Za-z])|(?<![A-Za-z])(?:{_alternation(_PRICE_MARKS)})"
    rf"|(?<![A-Za-z])(?i:{_CODE_ALT})(?![A-Za-z])"
    rf"|(?<![\w])(?i:euros?|dollars?|pounds?|yen|yuan|rupees?)(?![\w]))"
)
_PRICE_NUMBER_RE = re.compile(
    r"(?<![\d])(?>(?:\d[\d.,'’\u00a0\u202f ]*\d|\d|[.,]\d+)(?:[.,]-|[.,] \d{1,2}(?![\d.,]))?)(?!\s*%)")
_FREE_RE = re.compile(r"(?i)\bfree\b")


def _price_amount(raw: str, decimal_separator: str | None = None) -> float | None:
    """The number in a price string, reading "," or "." as the decimal mark as shops do."""
    raw = re.sub(r"([.,]) (\d{1,2})$", r"\1\2", raw.strip())  # "$119. 95"
    if raw.endswith((",-", ".-")):
        raw = raw[:-2]
    raw = re.sub(r"[\u00a0\u202f '’]", " ", raw)
    # Spaces group thousands only before exactly three digits ("120 000 000", "399 167.00").
    groups = raw.split(" ")
    kept = groups[0]
    for g in groups[1:]:
        if re.match(r"\d{3}(?:[.,]\d+)?$", g) and not re.search(r"[.,]\d{1,2}$", kept):
            kept += g
        else:
            break
    raw = kept
    raw = re.sub(r"^[.,]+(?=[.,]\d)", "", raw)  # "$..75"
    dots, commas = raw.count("."), raw.count(",")
    if decimal_separator in (".", ","):
        decimal = decimal_separator
    elif dots and commas:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
    elif dots + commas == 0:
        decimal = None
    else:
        mark = "." if dots else ","
        tail = raw.rsplit(mark, 1)[1]
        if (dots + commas) > 1 or (len(tail) == 3 and not raw.startswith(("0" + mark, mark))):
            decimal = None  # "1.144.000", "1,299", "8,499": grouping marks
        else:
            decimal = mark
    thousands = {".", ","} - {decimal}
    for t in thousands:
        raw = raw.replace(t, "")
    if decimal == ",":
        raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def parse_price(s: str | None, currency_hint: str | None = None,
                decimal_separator: str | None = None) -> Price | None:
    """A shop price such as "1.299,00 €", "$ 12.99" or "12,99 EUR" -> Price, else None.

    Lenient where `parse_money` is strict: the currency may be missing (or come from
    ``currency_hint``, e.g. a separate price-currency field), "," may be the decimal mark
    (or be given as ``decimal_separator``), text around the price is ignored, the first number
    is the price, and the currency mark nearest to it wins ("$ SGD4.90" is SGD).
    """
    if not isinstance(s, str):
        return None
    number = _PRICE_NUMBER_RE.search(s)
    if number:
        amount = _price_amount(number.group(0), decimal_separator)
    elif _FREE_RE.search(s):
        amount = 0.0
    else:
        return None
    if amount is None:
        return None
    currency_text = None
    marks = list(_PRICE_CURRENCY_RE.finditer(s))
    if marks:
        if number:
            def distance(cm):
                # nearest first; on a tie the more specific mark (a code over "$")
                return max(cm.start() - number.end(), number.start() - cm.end(), 0), -len(cm.group(0))
            currency_text = min(marks, key=distance).group(0)
        else:
            currency_text = marks[0].group(0)
    elif currency_hint:
        cm = _PRICE_CURRENCY_RE.search(currency_hint)
        currency_text = cm.group(0) if cm else None
    code = None
    if currency_text:
        lower = currency_text.lower().rstrip("s")
        code = (_PRICE_MARKS.get(currency_text) if currency_text in _PRICE_MARKS
                else currency_text.upper() if currency_text.upper() in ISO_CODES
                else CURRENCY_NOUNS.get(_noun_forms.get(lower, lower), ((), None))[1])
    return Price(amount, code, currency_text)


def find_amounts(doc) -> list[dict]:
    """Every amount in a parsed article: money, percent, count or quantity, with its span."""
    text = text_of(doc)
    excluded_names: list[tuple[int, int]] = []
    excluded_time: list[tuple[int, int]] = []
    for ent in entities(doc):
        if ent.label_ in ("DATE", "TIME", "ORDINAL"):
            if ent.label_ == "DATE" and re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", ent.text):
                continue  # a bare small number tagged DATE ("The answer is 42") is not a date
            if ent.label_ == "DATE" and _AGE_WORDS_BEFORE.search(ent.text[:-len(ent.text.split()[-1])]) \
                    and ent.text.split()[-1].isdigit():
                continue  # "at the age of 56": an age, no date
            excluded_time.append((ent.start_char, ent.end_char))
        elif ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PERSON",
                            "GPE", "LOC", "NORP", "LANGUAGE"):
            if any(c.isalpha() for c in ent.text):  # "8,579.19" tagged a work of art is no name
                excluded_names.append((ent.start_char, ent.end_char))
    clock = []  # clock times: no number in them is an amount of any kind
    for rx in (_PHONE_RE, _TIME_RE):
        for m in rx.finditer(text):
            excluded_time.append((m.start(), m.end()))
            if rx is _TIME_RE:
                clock.append((m.start(), m.end()))
    clock_index = SpanIndex(clock)

    excluded_names_index, excluded_time_index = SpanIndex(excluded_names), SpanIndex(excluded_time)

    def inside(a: _Amount, spans: SpanIndex) -> bool:
        return spans.covers(a.core_start, a.core_end)

    def touches(a: _Amount, spans: SpanIndex) -> bool:
        return spans.overlaps(a.core_start, a.core_end)

    scanned = _scan(text)
    # "$5 a share", "$70 a barrel": the unit a price is per, read before "a barrel" can be one barrel
    per_spans = []
    for a in scanned:
        if a.kind == "money" and a.unit is None:
            per = _price_per(doc, text, a.end)
            if per is not None:
                a.unit = per[1]
                per_spans.append((a.end, per[0]))
    # "a gallon of beer", "an acre": one of a unit named in full (not "a point", "a day").
    scanned_index = SpanIndex([(a.start, a.end) for a in scanned] + per_spans)
    for m in _ONE_UNIT_RE.finditer(text):
        unit = _unit_at(text, m.end())
        if unit and not scanned_index.overlaps(m.start(), unit[0]):
            scanned.append(_Amount(m.start(), unit[0], "quantity", 1.0, unit=unit[1],
                                   core_start=m.start(), core_end=m.end(), is_words=True))
    scanned.sort(key=lambda a: a.start)
    results = []
    minors: list[tuple[dict, str]] = []  # money counted in a minor unit of no stated currency
    for a in scanned:
        check()
        core = text[a.core_start: a.core_end]
        if a.kind != "money" and clock_index.overlaps(a.core_start, a.core_end):
            continue  # "around 20:00hrs": the minutes are no duration
        if a.kind == "number":
            if touches(a, excluded_time_index) or inside(a, excluded_names_index):
                continue
            if _looks_like_year(core) or _next_to_month(text, a) or _part_of_name(doc, a):
                continue
            if _item_number(text, a) or _in_reference(text, a) or _in_code(text, a):
                continue
            if text[a.start - 1:a.start] == "(" and text[a.end:a.end + 1] == ")" and re.fullmatch(r"\d{1,2}", core):
                continue  # "(1) those who ..., and (2) those who": an enumerator
            if _improper_fraction(core):
                continue  # "on 11/9" a day, "the 2022/23 season": no fraction is written so
            # A range counts what follows its second number: "between 2,000 and 3,000 people".
            token = _last_token(doc, a.core_end if a.value_max is None else a.end)
            if token is None:
                continue
            age = _an_age(doc, text, a)
            noun = None if age else _counted_noun(token, a)
            if age:
                a.unit = "years old"  # "Lopiano, 52": a person's age
            if noun is not None and core.lower() == "one":
                continue  # "one of", "at one point": rarely an amount worth a fact
            if noun is not None and _names_a_known_group(doc, a):
                continue  # "the two companies": the writer points back at parties already named
            if noun is not None:
                a.kind, a.unit = "count", noun
            else:
                cardinal = token.ent_type_ == "CARDINAL"
                fraction = core.lower().rsplit(None, 1)[-1].split("-")[-1] in FRACTION_WORDS
                if a.is_words and (core.lower() in ("one", "a", "an")
                                   or (token.pos_ != "NUM" and not cardinal and not fraction)):
                    continue
                if a.is_words and re.match(r"(?i)(?:tens|hundreds|thousands|millions|billions|dozens|scores|trillions)\b", core):
                    continue
                a.kind = "quantity"
        elif a.kind in ("quantity",) and (touches(a, excluded_time_index) and a.unit in ("metre", "tonne")):
            continue
        elif a.kind == "quantity" and a.unit and a.core_end == a.end - len(text[a.core_end:a.end].lstrip()) \
                and _PLACE_NUMBER_BEFORE.search(text, max(0, a.start - 12), a.start):
            continue  # "Apt. 1C", "Room 4B": a door's number, not one degree Celsius
        elif a.unit == "point" and re.fullmatch(r"(?i)one\s+point", text[a.start: a.end]) and \
                re.search(r"(?i)\bat\s+$", text[max(0, a.start - 4): a.start]):
            continue  # "at one point": a time, not a score
        elif a.kind == "money" and inside(a, excluded_names_index) and a.currency is None:
            continue
        elif a.kind == "money" and _code_glued_on(text, a) and _names_a_thing(doc, a):
            continue  # "the COP28 summit": a code glued to a number that names a thing
        if a.kind == "money" and a.value < 0:
            continue  # a sum of money has no sign in English ("lost $5"); "$-5" is a typo or a code
        item = {
            "text": text[a.start: a.end], "start": a.start, "end": a.end, "kind": a.kind,
            "value": float(a.value), "currency": a.currency if a.kind == "money" else None,
            "unit": a.unit, "approximate": a.approximate, "value_kind": a.value_kind,
        }
        if a.value_max is not None:
            item["value_max"] = float(a.value_max)
        results.append(item)
        if a.kind == "money" and a.currency is None and a.minor in MINOR_UNIT_CURRENCIES:
            minors.append((item, a.minor))
    if minors:
        _minor_unit_currencies(doc, results, minors)
    _pounds_of_weight(doc, results)
    return results


# What joins a price to the unit it is paid per: "$15.4/hour", "26 cents per share", "$70 a barrel".
_PRICE_PER_RE = re.compile(r"\s*/\s*(?=[A-Za-z])|\s+per\s+(?=[A-Za-z])|\s+an?\s+(?=[a-z])")
# Words after "a year", "a week" that make it a time before or after, not a rate ("$5m a year ago").
_NOT_A_RATE_AFTER = frozenset({"ago", "earlier", "later", "before", "after", "old", "since", "from", "into"})


def _price_per(doc, text: str, end: int) -> tuple[int, str] | None:
    """(end, "per <unit>") when money is a price per unit: "$15.4/hour" -> "per hour", "$3.50 per
    gallon", "$229 a share" -> "per share", "£9 a pint". A price is not a sum: it is neither
    added to sums nor a deal's value. "a" takes one singular noun that ends its phrase, and not
    a time followed by "ago" or "later" ("raised $5m a year ago" is a sum)."""
    m = _PRICE_PER_RE.match(text, end)
    if m is None:
        return None
    pos = m.end()
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].idx != pos:
        return None
    token = span[0]
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and (following.lower_ in _NOT_A_RATE_AFTER or following.pos_ in ("NOUN", "PROPN", "NUM")
                                  or following.text in ("-", "'s", "’s")):
        return None  # "a year ago", "a share price", "a three-year": not a unit it is paid per
    unit = _unit_at(text, pos, rate=False)
    if unit is not None and unit[0] == token.idx + len(token):
        return unit[0], f"per {unit[1]}"
    if m.group(0).strip() in ("a", "an") and token.tag_ != "NN":
        return None
    if not token.is_alpha or token.pos_ not in ("NOUN", "ADJ", "X"):  # "per capita" is tagged ADJ or X
        return None
    return token.idx + len(token), f"per {token.lemma_.lower() if token.pos_ == 'NOUN' else token.lower_}"


def _code_glued_on(text: str, a: _Amount) -> bool:
    """Whether the currency is letters written against the number with no space ("COP28")."""
    before = text[a.start:a.core_start]
    return before.isalpha() and before.isupper()


def _names_a_thing(doc, a: _Amount) -> bool:
    """Whether a code-and-number word is used as a name: after "the", or naming the kind of
    the noun after it ("the COP28 summit"); an amount ("paid USD3.14") is neither."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before == "the" or (last.dep_ == "compound" and last.head.pos_ == "NOUN")


# Words that say a sentence is about weight: "pound" is then the unit, not the money.
_WEIGHT_LEMMAS = frozenset({"lose", "gain", "weigh", "shed", "weight", "heavy", "overweight",
                            "obese", "diet", "lighter", "slim", "pack", "fat", "thin", "scale"})
_GBP_MARKS = re.compile(r"£|₤|\bGBP\b|(?i:\bsterling\b|\bpence\b|\bquid\b|\bBritish pounds?\b)")


def _pounds_of_weight(doc, results: list[dict]) -> None:
    """"Pounds" after a number name both Britain's money and a weight. A bare "75 pounds" (no
    "£", no "sterling") is a weight when its sentence speaks of weight ("lost 75 pounds",
    "weighs 200 pounds"), or when the article never writes British money and counts its money
    in another currency (an American writer's pounds are weight)."""
    from factwire.extract.syntax import sentences_overlapping

    text = text_of(doc)
    bare = [x for x in results if x["kind"] == "money" and x["currency"] == "GBP"
            and re.search(r"(?i)\bpounds?$", x["text"]) and not _GBP_MARKS.search(x["text"])]
    if not bare:
        return
    british = bool(_GBP_MARKS.search(text))
    other_money = any(x["kind"] == "money" and x["currency"] not in (None, "GBP") for x in results)
    for item in bare:
        sentence = sentences_overlapping(doc, item["start"], item["end"])
        about_weight = any(t.lemma_.lower() in _WEIGHT_LEMMAS for s in sentence for t in s)
        if about_weight or (other_money and not british):
            item.update(kind="quantity", currency=None, unit="pound-mass")


def _minor_unit_currencies(doc, results: list[dict], minors: list[tuple[dict, str]]) -> None:
    """Give "cents" and "pennies" without a currency the currency the article counts in.

    A writer names the currency once and then counts in it: "the shares rose 26 cents to
    €4.10" are euro cents. The currency is the one the other money amounts of the sentence use
    most, else of the whole article, among those whose hundredth has that name (cents are
    hundredths of dollars and euros, not of pounds); failing that, the convention of
    English-language news (US cents), and no guess for pennies.
    """
    from factwire.extract.syntax import sentences_overlapping

    named = [x for x in results if x["kind"] == "money" and x["currency"] is not None]
    for item, minor in minors:
        allowed = MINOR_UNIT_CURRENCIES[minor]
        candidates = [x for x in named if x["currency"] in allowed]
        sentence = sentences_overlapping(doc, item["start"], item["end"]) if candidates else []
        nearby = [x for x in candidates
                  if sentence and sentence[0].start_char <= x["start"] < sentence[-1].end_char]
        item["currency"] = (_most_used_currency(nearby) or _most_used_currency(candidates)
                            or DEFAULT_MINOR_CURRENCY.get(minor))


def _most_used_currency(amounts: list[dict]) -> str | None:
    """The currency most of the amounts use; on a tie, the one named first."""
    counts: dict[str, int] = {}
    for x in amounts:
        counts[x["currency"]] = counts.get(x["currency"], 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


# "a gallon", "an acre": one of a unit named in full. Not times ("a day when"), and not the
# idioms "a point", "a bit", "a ton of work".
_ONE_UNIT_RE = re.compile(
    r"(?<![\w'’])[Aa]n?(?=\s+(?i:%s)(?:s|es)?(?![\w-]))" % _alternation(
        n for n, u in UNIT_NAMES.items()
        if u not in DURATION_UNITS and n not in ("point", "basis point", "mark", "degree", "bit", "ton")))


def _part_of_name(doc, a: _Amount) -> bool:
    """A bare number right after a name or a label is part of it ("iPhone 4", "S&P 500", "No. 1")."""
    span = doc.char_span(a.core_start, a.core_end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.text in ("'s", "’s") and prev.i > 0:
        prev = doc[prev.i - 1]
    if prev.text == "." and prev.i > 0 and doc[prev.i - 1].lower_ == "no":
        return True  # "No. 1", tokenised as "No", "."
    # Product and model names are often written in mixed case ("iPhone 4", "iOS 5", "WWDC
    # 2010"), which the tagger does not always take for a proper noun.
    camel = any(c.isupper() for c in prev.text[1:]) and any(c.isalpha() for c in prev.text)
    return prev.pos_ == "PROPN" or camel or prev.lower_ in ("no.", "no", "version", "v", "v.", "number", "#")


# Determiners that make a small spelled-out number point back at a group the reader already
# knows ("the two companies", "these three men") instead of counting something new.
_DEFINITE_DETERMINERS = frozenset({"the", "these", "those", "both", "its", "their", "our", "his", "her"})


def _names_a_known_group(doc, a: _Amount) -> bool:
    """A definite small number written as a word ("the two companies", "their three sons") is a
    reference to parties named before, not a count worth a fact; "the 10,000 soldiers" is kept."""
    if not a.is_words or a.value is None or a.value > 10 or a.value_max is not None:
        return False
    span = doc.char_span(a.core_start, a.core_end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in _DEFINITE_DETERMINERS


_BULLETS = " \t-–—•*·>#|("
_ITEM_END = re.compile(r"[.):]?\s*(?:$|(?<=[.)])\s)")


def _item_number(text: str, a: _Amount) -> bool:
    """A bare number that opens its line, after at most a bullet, and stands alone there or is
    followed by "." or ")" is the number of a list item or a heading ("4. Cacoub P", "- 10.",
    "145."), not an amount."""
    line_start, line_end = _line_of(text, a)
    if text[line_start:a.core_start].strip(_BULLETS):
        return False
    return bool(_ITEM_END.match(text, a.core_end, line_end))


# Signs of program code on a line: numbers in a code sample are no amounts of the article's.
_CODE_LINE_RE = re.compile(r"==|!=|\+=|-=|=>|->|\w\([^)\n]*\)|=\s*[\[{(]|^\s*(?:def|return|for|if|import|print|var|let|const)\b.*[:;(=]\s*$"
                           r"|^\s*(?:>>>|\.\.\.|\$)\s|^\s*[A-Za-z_][\w.]*\s*[-+*/]?=\s*\S|\bline \d+, in\b"
                           r"|^[\d\s.,]+$")  # a prompt, an assignment, a traceback, a line of bare numbers


def _in_code(text: str, a: _Amount) -> bool:
    """A bare number on a line of program code ("for i in [1, 2, 3]:", "if i % 2 == 0:")."""
    return bool(_CODE_LINE_RE.search(text[slice(*_line_of(text, a))]))


# A name, then a bare number set off by commas or closing the sentence: the person's age, as news
# writes it ("said Lopiano, 52.", "Hayley N. Hull, 30, of Bulpitt"), a quantity in years.
_AGE_AFTER = re.compile(r"\s*(?:[,.;)]|$)")
# "aged 56", "at the age of 56", "age 30": the number after is an age.
_AGE_WORDS_BEFORE = re.compile(r"(?i)\b(?:aged|age\s+of|age)\s+$")


def _an_age(doc, text: str, a: _Amount) -> bool:
    """Whether a bare number is a person's age ("aged 56", "Lopiano, 52.")."""
    if a.value_max is None and a.core_start == a.start and 0 < a.value < 130 and float(a.value).is_integer() \
            and _AGE_WORDS_BEFORE.search(text, max(0, a.start - 12), a.start):
        return True
    if a.value_max is not None or not text[max(0, a.core_start - 2):a.core_start].endswith(", ") \
            or not 0 < a.value < 120 or not float(a.value).is_integer() or a.core_start != a.start:
        return False
    if not _AGE_AFTER.match(text, a.core_end):
        return False
    before = _last_token(doc, a.core_start - 2)
    return before is not None and (before.ent_type_ == "PERSON" or before.pos_ == "PROPN" and not before.ent_type_)


def _improper_fraction(core: str) -> bool:
    """"11/9", "2022/23": a slash between a number and a smaller one writes a date or a season."""
    m = re.fullmatch(r"(\d+)\s*/\s*(\d+)", core)
    return bool(m) and int(m.group(1)) >= int(m.group(2)) > 0


# Words that a number and a glued letter after them name a door, seat or place by ("Apt. 1C").
_PLACE_NUMBER_BEFORE = re.compile(r"\b(?:apt|apartment|suite|ste|unit|room|rm|flat|gate|platform|seat|row|"
                                  r"no|bay|block|floor|level|box)\.?\s*#?\s*$", re.IGNORECASE)


def _line_of(text: str, a: _Amount) -> tuple[int, int]:
    """Start and end of the line the amount's number is on."""
    line_end = text.find("\n", a.core_end)
    return text.rfind("\n", 0, a.core_start) + 1, len(text) if line_end < 0 else line_end


# A bibliography entry in the Vancouver style medicine and science use: "2013;52(12):1403-5".
_REFERENCE_RE = re.compile(r"\b(?:1[89]|20)\d\d\s?;\s?\d+\s?(?:\(\d+\))?\s?:\s?\d+|\bdoi:\s?10\.")


def _in_reference(text: str, a: _Amount) -> bool:
    """Volume, issue and page numbers of a cited paper are not amounts: a bare number on a line
    that holds a reference ("2013;52(12):1403-5", "doi:10.1016/...") is skipped."""
    return bool(_REFERENCE_RE.search(text, *_line_of(text, a)))


def _looks_like_year(core: str) -> bool:
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d|'\d\d|\d{4}s|\d0s", core))


def _next_to_month(text: str, a: _Amount) -> bool:
    before = text[max(0, a.core_start - 10): a.core_start].lower().split()
    after = text[a.core_end: a.core_end + 10].lower().split()
    return bool((before and before[-1].strip(".,") in UNIT_MONTHS) or (after and after[0].strip(".,") in UNIT_MONTHS))


def _last_token(doc, char_end: int):
    span = doc.char_span(max(0, char_end - 1), char_end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def _counted_noun(token, a: _Amount) -> str | None:
    """The noun a number counts ("10,000 soldiers" -> "soldiers"), from the parse."""
    doc = token.doc
    if a.is_words and token.lower_ == "of" or token.lower_ in PLURAL_SCALES:
        # "thousands of people"
        nxt = token.i + 1
        if token.lower_ in PLURAL_SCALES and nxt < len(doc) and doc[nxt].lower_ == "of":
            nxt += 1
        while nxt < len(doc) and doc[nxt].pos_ in ("ADJ", "DET", "NUM"):
            nxt += 1
        if nxt < len(doc) and doc[nxt].pos_ in ("NOUN", "PROPN"):
            head = doc[nxt]
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            return head.text.lower()
        return None
    head = token
    # walk up inside the number ("ten thousand" -> "thousand" -> noun)
    while head.dep_ in ("compound", "quantmod", "nummod") and head.head.pos_ == "NUM" and head.head.i > head.i:
        head = head.head
    if head.dep_ == "nummod" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head
        if noun.i - head.i > 4:
            return None
        return noun.text.lower()
    nxt = token.i + 1
    if nxt < len(doc) and doc[nxt].pos_ == "NOUN" and doc[nxt].tag_ == "NNS" and token.pos_ == "NUM":
        return doc[nxt].text.lower()
    return None
