"""Date expressions in article text, normalised to TIMEX3-style values.

A small regular grammar finds the expressions and resolves them against the publication date;
spaCy's parse only decides whether an ambiguous one ("Friday", "the fourth quarter") points to
the past or the future.
"""

from __future__ import annotations

import datetime as dt
import bisect
import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from factwire.extract.syntax import text_of

Resolved = tuple[str, str]  # (value, precision)

# ---------------------------------------------------------------------------------------------
# Vocabulary

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "a couple": 2,
}
_VAGUE_NUMBERS = ("a few", "few", "several", "many", "some")
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
for _word, _n in list(_ORDINALS.items())[:9]:
    _ORDINALS[f"twenty-{_word}"] = _ORDINALS[f"twenty {_word}"] = 20 + _n
_ORDINALS["thirty-first"] = _ORDINALS["thirty first"] = 31


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))




def _name_pattern(names) -> str:
    """Full names, or abbreviations with an optional dot ("Sept.", "Fri."): not "Monday." """
    full = [n for n in names if len(n) > 5 or n in ("may", "june", "july", "march", "april")]
    short = [n for n in names if n not in full]
    return rf"(?:(?:{_alternation(full)})(?![a-z])|(?:{_alternation(short)})(?![a-z])\.?)"


_MONTH = _name_pattern(_MONTHS)
_WEEKDAY = _name_pattern(_WEEKDAYS)
_ORDINAL_WORD = _alternation(_ORDINALS)
_NUMBER = rf"(?:\d{{1,3}}|{_alternation(list(_NUMBERS) + list(_VAGUE_NUMBERS))})"
_YEAR4 = r"(?<![\d$£€¥.,])(?:1[6-9]|20)\d\d(?![\d%]|[.,]\d|\s*(?:%|percent|per\s+cent))"
_DAY = rf"(?:(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)|{_ORDINAL_WORD})"  # "October 20:" is a day; "20:30" a time
_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "yr": "year",
          "quarter": "quarter", "qtr": "quarter", "decade": "decade"}
_UNIT = r"(?:day|week|month|quarter|qtr|year|yr|decade)s?"
# A clock time (and zone) directly after a date belongs to the same expression.
_TIME_SUFFIX = (r"(?:\s*,?\s*(?:at\s+)?(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)"
                r"(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}\b|[+-]\d{2}:?\d{2}|Z\b))?)?")

_DIRECTIONS = (None, "past", "future")


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic and value formatting


def _day(d: dt.date) -> Resolved:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}", "day"


def _month(year: int, month: int) -> Resolved:
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> Resolved:
    return (f"{year:04d}" if year >= 0 else f"-{-year:04d}"), "year"


def _week(d: dt.date) -> Resolved:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}", "week"


def _quarter(year: int, quarter: int) -> Resolved:
    return f"{year:04d}-Q{quarter}", "quarter"


def _decade(year: int) -> Resolved:
    return f"{year // 10:03d}", "decade"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift(ref: dt.date, n: int, unit: str) -> Resolved | None:
    """The period ``n`` units away from ``ref`` (negative: in the past), at that unit's grain.

    Days and weeks resolve to the day ("a week ago"), as TIMEX3 annotators do.
    """
    if unit in ("day", "week"):
        try:
            return _day(ref + dt.timedelta(days=n * (7 if unit == "week" else 1)))
        except OverflowError:
            return None
    if unit == "month":
        return _month(*_add_months(ref.year, ref.month, n))
    if unit == "quarter":
        y, m = _add_months(ref.year, ref.month, 3 * n)
        return _quarter(y, (m - 1) // 3 + 1)
    if unit == "year":
        return _year(ref.year + n)
    if unit == "decade":
        return _decade(ref.year + 10 * n)
    return None


def _this_unit(ref: dt.date, unit: str, offset: int) -> Resolved | None:
    """This (0), the next (1) or the previous (-1) calendar week, month, quarter, year, decade."""
    if unit == "day":
        return _day(ref + dt.timedelta(days=offset))
    if unit == "week":
        return _week(ref + dt.timedelta(weeks=offset))
    if unit == "month":
        return _month(*_add_months(ref.year, ref.month, offset))
    if unit == "quarter":
        y, m = _add_months(ref.year, ref.month, 3 * offset)
        return _quarter(y, (m - 1) // 3 + 1)
    if unit == "year":
        return _year(ref.year + offset)
    if unit == "decade":
        return _decade(ref.year + 10 * offset)
    return None


def _pick(candidate: Callable[[int], dt.date | None], ref: dt.date, direction: str | None,
          near_days: int = 7) -> dt.date | None:
    """The occurrence of a yearly date (a month-day, a month, a holiday) meant relative to ``ref``.

    ``past``: the latest on or before ``ref``; ``future``: the first on or after it; otherwise the
    nearest, the earlier one on a tie (news mostly reports what happened). A guessed direction
    ("past?", from the tense of the sentence) gives way to an occurrence within ``near_days``.
    """
    options = [d for d in (candidate(ref.year + k) for k in (-1, 0, 1)) if d is not None]
    if not options:
        return None
    nearest = min(options, key=lambda d: (abs((d - ref).days), d > ref))
    if direction and direction.endswith("?"):
        direction = None if abs((nearest - ref).days) <= near_days else direction[:-1]
    if direction == "past":
        before = [d for d in options if d <= ref]
        return max(before) if before else min(options)
    if direction == "future":
        after = [d for d in options if d >= ref]
        return min(after) if after else max(options)
    return nearest


def _pick_weekday(weekday: int, ref: dt.date, direction: str | None) -> dt.date:
    """The weekday meant: on or before ``ref`` (past), after it (future), or the nearer one."""
    delta = weekday - ref.weekday()
    before = ref + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    after = ref + dt.timedelta(days=delta if delta > 0 else delta + 7)
    nearest = before if (ref - before).days <= (after - ref).days else after
    if direction == "past?":
        direction = "past"  # a past-tense clause tells of a day gone by, however near the next one
    if direction and direction.endswith("?"):
        direction = None if abs((nearest - ref).days) <= 2 else direction[:-1]
    if direction == "past":
        return before
    if direction == "future":
        return after
    return nearest


def _expand_year(two_digits: int, ref: dt.date) -> int:
    """'82 -> 1982, '15 -> 2015: the century that puts the year within 20 years after ``ref``."""
    year = ref.year // 100 * 100 + two_digits
    return year - 100 if year > ref.year + 20 else year


# ---------------------------------------------------------------------------------------------
# Holidays (the ones that news refers to by name)


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 for the last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    y, m = _add_months(year, month, 1)
    last = dt.date(y, m, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    r"christmas(?:\s+day)?|xmas": lambda y: dt.date(y, 12, 25),
    r"christmas\s+eve": lambda y: dt.date(y, 12, 24),
    r"boxing\s+day": lambda y: dt.date(y, 12, 26),
    r"new\s+year'?s(?:\s+day)?": lambda y: dt.date(y, 1, 1),
    r"new\s+year'?s\s+eve": lambda y: dt.date(y, 12, 31),
    r"valentine'?s?(?:\s+day)?": lambda y: dt.date(y, 2, 14),
    r"halloween": lambda y: dt.date(y, 10, 31),
    r"independence\s+day|the\s+fourth\s+of\s+july": lambda y: dt.date(y, 7, 4),
    r"veterans?'?\s+day": lambda y: dt.date(y, 11, 11),
    r"thanksgiving(?:\s+day)?": lambda y: _nth_weekday(y, 11, 3, 4),
    r"black\s+friday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
    r"cyber\s+monday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=4),
    r"memorial\s+day": lambda y: _nth_weekday(y, 5, 0, -1),
    r"(?:mlk|martin\s+luther\s+king'?s?)(?:\s+jr\.?)?\s+day": lambda y: _nth_weekday(y, 1, 0, 3),
    r"presidents?'?\s+day|washington'?s\s+birthday": lambda y: _nth_weekday(y, 2, 0, 3),
    r"(?:st\.?|saint)\s+(?:patrick|paddy)'?s\s+day": lambda y: dt.date(y, 3, 17),
    r"groundhogs?\s+day": lambda y: dt.date(y, 2, 2),
    r"labou?r\s+day": lambda y: _nth_weekday(y, 9, 0, 1),
    r"mother'?s'?\s+day": lambda y: _nth_weekday(y, 5, 6, 2),
    r"father'?s'?\s+day": lambda y: _nth_weekday(y, 6, 6, 3),
    r"easter(?:\s+sunday)?": _easter,
    r"easter\s+monday": lambda y: _easter(y) + dt.timedelta(days=1),
    r"good\s+friday": lambda y: _easter(y) - dt.timedelta(days=2),
    r"palm\s+sunday": lambda y: _easter(y) - dt.timedelta(days=7),
    r"(?:maundy|holy)\s+thursday": lambda y: _easter(y) - dt.timedelta(days=3),
    r"ash\s+wednesday": lambda y: _easter(y) - dt.timedelta(days=46),
    r"(?:shrove|fat)\s+tuesday|mardi\s+gras": lambda y: _easter(y) - dt.timedelta(days=47),
    r"whit\s+monday": lambda y: _easter(y) + dt.timedelta(days=50),
    r"giving\s*tuesday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=5),
}
_HOLIDAY_RES = [(re.compile(rf"(?:{p})\Z", re.I), f) for p, f in _HOLIDAYS.items()]
_HOLIDAY = "|".join(f"(?:{p})" for p in sorted(_HOLIDAYS, key=len, reverse=True))


def _holiday(name: str) -> Callable[[int], dt.date] | None:
    name = re.sub(r"\s+", " ", name.strip())
    for pattern, fn in _HOLIDAY_RES:
        if pattern.match(name):
            return fn
    return None


# ---------------------------------------------------------------------------------------------
# The grammar: each rule is a regular expression and a function from its match to a value.


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern
    resolve: Callable[[re.Match, dt.date, str | None], Resolved | None]
    in_text: bool = True  # also searched for in running text (not only as a whole string)


VAGUE = ("", "")  # a date expression with no calendar value ("recently", "now")


def _g(m: re.Match, name: str) -> str | None:
    value = m.groupdict().get(name)
    return value.lower() if value else None


def _month_of(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _day_of(text: str) -> int:
    text = re.sub(r"\s+", " ", text.lower())
    if text in _ORDINALS:
        return _ORDINALS[text]
    return int(re.match(r"\d+", text).group())


def _year_of(m: re.Match, ref: dt.date) -> int | None:
    if m.groupdict().get("y"):
        year = int(m.group("y"))
        era = _g(m, "era")
        return -year if era and era.startswith("b") else year
    if m.groupdict().get("y2"):
        return _expand_year(int(m.group("y2")), ref)
    return None


def _modifier_offset(mod: str | None) -> int | None:
    if mod is None:
        return None
    mod = mod.split()[-1]
    if mod in ("last", "past", "previous", "preceding"):
        return -1
    if mod in ("next", "coming", "upcoming", "following"):
        return 1
    if mod in ("this", "current", "present", "same", "that"):
        return 0  # "that year", "the same year": of the time the text spoke of (see _anaphoric)
    return None


def _r_iso(m, ref, direction):
    date = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _day(date) if date else None


def _r_numeric(m, ref, direction):
    a, b = int(m.group("a")), int(m.group("b"))
    year_text = m.groupdict().get("y")
    year = int(year_text) if year_text else None
    if year is not None and len(year_text) == 2:
        year = _expand_year(year, ref)
    month, day = (a, b) if a <= 12 else (b, a)  # month first (US) unless that cannot be
    if year is None:
        return _day(d) if (d := _pick(lambda y: _safe_date(y, month, day), ref, direction)) else None
    date = _safe_date(year, month, day)
    return _day(date) if date else None


def _r_year_month_numeric(m, ref, direction):
    year, month = int(m.group("y")), int(m.group("m"))
    return _month(year, month) if 1 <= month <= 12 else None


def _r_month_day(m, ref, direction):
    month, day = _month_of(m.group("mon")), _day_of(m.group("d"))
    if not 1 <= day <= 31:
        return None
    year = _year_of(m, ref)
    if year is not None:
        date = _safe_date(year, month, day)
        return _day(date) if date else None
    dow = m.groupdict().get("dow") or m.groupdict().get("dow2")
    if dow:  # "Fri, Jul 18": the year in which that day is that weekday, nearest first
        weekday = _WEEKDAYS[dow.lower().rstrip(".")]
        for k in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
            date = _safe_date(ref.year + k, month, day)
            if date and date.weekday() == weekday:
                return _day(date)
    date = _pick(lambda y: _safe_date(y, month, day), ref, direction)
    return _day(date) if date else None


def _r_month_year(m, ref, direction):
    year = _year_of(m, ref)
    return _month(year, _month_of(m.group("mon"))) if year is not None else None


def _r_month(m, ref, direction):
    month = _month_of(m.group("mon"))
    mod = _g(m, "mod")
    offset = _modifier_offset(mod)
    if offset == 0:
        return _month(ref.year, month)
    if offset == 1:  # "next March": the first March after this month
        return _month(ref.year + (month <= ref.month), month)
    if offset == -1:
        return _month(ref.year - (month >= ref.month), month)
    rel = _g(m, "rel")  # "March in a year"
    if rel:
        n = _count(_g(m, "n"))
        return _month(ref.year + (n or 1), month) if n is not None else None
    # A bare month name points to the past unless the sentence speaks of the future.
    date = _pick(lambda y: dt.date(y, month, 1), dt.date(ref.year, ref.month, 1),
                 (direction or "past").rstrip("?"))
    return _month(date.year, date.month)


def _r_year(m, ref, direction):
    year = _year_of(m, ref)
    if year is None:
        return None
    return _fiscal(_year(year)) if m.groupdict().get("fy") else _year(year)


def _century(number: int) -> Resolved:
    """TIMEX3's century: the first two digits of its years ("the 19th century", "the 1800s": 18)."""
    return f"{number:02d}", "century"


def _r_century(m, ref, direction):
    """'the 19th century', 'the twenty-first century' -> 18, 20 (none before the common era)."""
    if m.group("era") and m.group("era").lower().startswith("b"):
        return None
    n = _day_of(m.group("ord"))
    return _century(n - 1) if 2 <= n <= 21 else None


def _r_decade(m, ref, direction):
    if m.group("c3"):
        if m.group("c3").endswith("0") and m.group("c3") < "200":
            return _century(int(m.group("c3")) // 10)  # "the 1800s" is the century; "the 2000s" a decade
        return _decade(int(m.group("c3")) * 10)
    two = int(m.group("c1"))
    year = ref.year // 100 * 100 + two * 10  # "'80s": 1980
    return _decade(year - 100 if year > ref.year else year)


def _r_relative_unit(m, ref, direction):
    unit = _UNITS[_g(m, "unit").rstrip("s")]
    offset = _modifier_offset(_g(m, "mod"))
    if offset is None:
        return None
    resolved = _this_unit(ref, unit, offset)
    return _fiscal(resolved) if m.group("fy") else resolved


def _count(text: str | None) -> int | None:
    if text is None:
        return 1
    text = re.sub(r"\s+", " ", text.lower())
    if text.isdigit():
        return int(text)
    return _NUMBERS.get(text)


def _r_ago(m, ref, direction):
    n = _count(_g(m, "n"))
    if n is None or m.group("n") is None and _g(m, "unit").endswith("s"):
        return VAGUE  # "years ago", "six and a half months ago": how many is not read
    unit = _UNITS[_g(m, "unit").rstrip("s")]
    sign = -1 if _g(m, "dir").split()[0] in ("ago", "earlier", "before", "back", "previously") else 1
    return _shift(ref, sign * n, unit)


def _r_in_n(m, ref, direction):
    n = _count(_g(m, "n"))
    if n is None:
        return VAGUE
    return _shift(ref, n, _UNITS[_g(m, "unit").rstrip("s")])


# TIMEX3's parts of a day: "this morning" of 2008-01-09 is 2008-01-09TMO.
_PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI"}
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"


def _part_of_day(resolved: Resolved | None, part: str | None) -> Resolved | None:
    """A day with the part of it named ("Friday morning", "last night"): TIMEX3's day value
    with the part's code (2010-07-16TMO); the precision stays the day, whose first day it is."""
    if resolved is None or not part or resolved[1] != "day":
        return resolved
    return resolved[0][:10] + _PARTS_OF_DAY[part.lower()], "day"


def _r_deictic(m, ref, direction):
    word = re.sub(r"\s+", " ", _g(m, "word"))
    words = word.split()
    part = "tonight" if word == "tonight" else words[-1] if words[-1] in _PARTS_OF_DAY else None
    base = {"this": "today", "tonight": "today", "last": "yesterday"}.get(words[0], words[0]) if part else word
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "tomorrows": 1, "the time of writing": 0,
               "the day before yesterday": -2, "day before yesterday": -2,
               "the day after tomorrow": 2, "day after tomorrow": 2}
    return _part_of_day(_day(ref + dt.timedelta(days=offsets[base])), part)


def _r_weekday(m, ref, direction):
    return _part_of_day(_weekday_day(m, ref, direction), _g(m, "part"))


def _weekday_day(m, ref, direction):
    weekday = _WEEKDAYS[_g(m, "dow").rstrip(".")]
    mod, post = _g(m, "mod"), _g(m, "post")
    week = None
    if post:
        post = re.sub(r"\s+", " ", post)
        if post == "after next":  # the one after the coming one
            return _day(_pick_weekday(weekday, ref, "future") + dt.timedelta(weeks=1))
        if post == "before last":
            return _day(_pick_weekday(weekday, ref - dt.timedelta(days=1), "past") - dt.timedelta(weeks=1))
        if post.endswith("last week"):
            week = -1
        elif post.endswith("next week"):
            week = 1
        elif post.endswith("this week"):
            week = 0
    elif mod is not None:
        offset = _modifier_offset(mod)
        if offset == 1:
            week = 1
        elif offset == -1:
            week = -1
        elif offset == 0:
            return _day(_pick_weekday(weekday, ref, (direction or "future").rstrip("?")))
    if week is not None:
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=week)
        return _day(monday + dt.timedelta(days=weekday))
    return _day(_pick_weekday(weekday, ref, direction))


def _r_quarter(m, ref, direction):
    q_text = _g(m, "q") or _g(m, "qn")
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2,
         "3rd": 3, "4th": 4}.get(q_text) or int(q_text)
    if not 1 <= q <= 4:
        return None
    year = _year_of(m, ref)
    if year is None and m.groupdict().get("yq"):
        year = _expand_year(int(m.group("yq")), ref)
    if year is None and _g(m, "rel"):
        year = ref.year + (_modifier_offset(_g(m, "rel")) or 0)
    if year is None:
        current = (ref.month - 1) // 3 + 1
        if direction in ("future", "future?"):
            year = ref.year if q >= current else ref.year + 1
        else:  # quarters in news are mostly reported results
            year = ref.year if q <= current else ref.year - 1
    return _quarter(year, q)


def _r_holiday(m, ref, direction):
    fn = _holiday(m.group("hol"))
    if fn is None:
        return None
    year = _year_of(m, ref)
    if year is not None:
        return _day(fn(year))
    mod = _g(m, "mod")
    if mod:
        offset = _modifier_offset(mod)
        if offset == -1:
            return _day(max(d for d in (fn(ref.year - 1), fn(ref.year)) if d < ref))
        if offset == 1:
            return _day(min(d for d in (fn(ref.year), fn(ref.year + 1)) if d > ref))
        if offset == 0:
            return _day(fn(ref.year))
    rel = _g(m, "rel")
    if rel:
        return _day(fn(ref.year + (_modifier_offset(rel) or 0)))
    return _day(fn(ref.year) if direction is None else _pick(fn, ref, direction))


def _r_part_of(m, ref, direction):
    """'the beginning of the year', 'earlier this month', 'late in the day': the enclosing period."""
    if m.group("unit2"):
        return _day(ref)
    unit = _UNITS[_g(m, "unit")]
    offset = _modifier_offset(_g(m, "mod")) or 0
    resolved = _this_unit(ref, unit, offset)
    return _fiscal(resolved) if m.group("fy") else resolved


def _r_year_range_end(m, ref, direction):
    first = int(m.group("ya") or m.group("yb"))
    year = first // 100 * 100 + int(m.group("y2"))
    return _year(year) if 0 < year - first <= 20 else None  # "1998-01" is a month, not a span


def _r_vague(m, ref, direction):
    return VAGUE


def _r_streak(m, ref, direction):
    """'a third straight day', 'the fourth week in a row', 'its best week since': the current
    day (or week, month...) of the reference; `find_dates` moves it to a day the sentence names."""
    unit = (_g(m, "unit") or _g(m, "unit2")).replace("session", "day")
    return _this_unit(ref, unit, 0)


def _r_by_end(m, ref, direction):
    """'by the end of the year' -> its last day: 2006-12-31."""
    unit = _UNITS[_g(m, "unit") or _g(m, "unit2")]
    offset = _modifier_offset(_g(m, "mod")) or 0
    first = _r_since_start_of(unit, ref, offset)
    nxt = _r_since_start_of(unit, ref, offset + 1)
    if first is None or nxt is None:
        return None
    return _day(nxt - dt.timedelta(days=1))


def _r_since_start_of(unit: str, ref: dt.date, offset: int) -> dt.date | None:
    resolved = _this_unit(ref, unit, offset)
    if resolved is None:
        return None
    value = resolved[0]
    if unit == "year":
        return dt.date(int(value), 1, 1)
    if unit == "month":
        return dt.date(int(value[:4]), int(value[5:7]), 1)
    if unit == "quarter":
        return dt.date(int(value[:4]), 3 * int(value[-1]) - 2, 1)
    if unit == "week":
        return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    return None


def _r_since_start(m, ref, direction):
    """'since the start of this year' -> its first day: 2009-01-01."""
    unit = _UNITS[_g(m, "unit")]
    resolved = _this_unit(ref, unit, _modifier_offset(_g(m, "mod")) or 0)
    if resolved is None:
        return None
    value = resolved[0]
    if unit == "year":
        return _day(dt.date(int(value), 1, 1))
    if unit == "month":
        return _day(dt.date(int(value[:4]), int(value[5:7]), 1))
    if unit == "quarter":
        return _day(dt.date(int(value[:4]), 3 * int(value[-1]) - 2, 1))
    if unit == "week":
        return _day(dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1))
    return None


# TIMEX3's reference values for expressions that point at the past, the present or the future
# without a calendar value; the first pattern that matches the whole expression decides.
_REFERENCE_VALUES = (
    (re.compile(r".*recent.*|(?:one|some)\s+point", re.I), "PAST_REF"),
    (re.compile(r".*(?:future|term)", re.I), "FUTURE_REF"),
)


def _r_reference(m, ref, direction):
    """'recently' -> PAST_REF, 'now' -> PRESENT_REF, 'the near future' -> FUTURE_REF."""
    surface = re.sub(r"\s+", " ", m.group("ref"))
    for pattern, value in _REFERENCE_VALUES:
        if pattern.fullmatch(surface):
            return value, None
    return "PRESENT_REF", None


_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def _r_season(m, ref, direction):
    """'Autumn' -> 2008-FA (TIMEX3 season codes): the season of the given or the current year."""
    year = _year_of(m, ref)
    if year is None:
        year = ref.year + (_modifier_offset(_g(m, "mod")) or 0)
    return f"{year:04d}-{_SEASON_CODES[_g(m, 'season')]}", "season"


_DURATION_CODES = {"day": (1, "D"), "week": (1, "W"), "month": (1, "M"), "quarter": (3, "M"),
                   "year": (1, "Y"), "decade": (10, "Y")}


def _r_duration(m, ref, direction):
    """'six years', 'the past nine days', 'over a decade' -> TIMEX3 durations (P6Y, P9D, P10Y).

    "a day" alone is left out ("once a day", "a day when"); a vague count gives X ("PXY").
    """
    n_text = _g(m, "n")
    if n_text in ("a", "an") and not (m.group("lead") or m.group("approx")):
        return None
    if _a_share(m, n_text):
        return None
    times, code = _DURATION_CODES[_UNITS[_g(m, "unit").rstrip("s")]]
    n = _count(n_text)
    return (f"P{n * times}{code}" if n is not None else f"PX{code}"), None


def _a_share(m: re.Match, n_text: str | None) -> bool:
    """'more than a quarter of voters', 'one-quarter', 'three quarters': a quarter as a share (or
    a coin) is far more common than three months; as a length it needs a count above one and no
    "of" after it ("two consecutive quarters")."""
    if not _g(m, "unit").startswith("quarter"):
        return False
    return n_text in ("a", "an", "one", "1") or bool(re.match(r"\s+of\b", m.string[m.end():m.end() + 4]))


def _r_duration_adjective(m, ref, direction):
    n = 1 if _g(m, "n") == "single" else _count(_g(m, "n"))
    if n is None or _a_share(m, _g(m, "n")):
        return None
    times, code = _DURATION_CODES[_UNITS[_g(m, "unit")]]
    return f"P{n * times}{code}", None


def _weekend_of(d: dt.date) -> Resolved:
    """TIMEX3's weekend of a day's ISO week: 2008-W41-WE (the precision of a week)."""
    return _week(d)[0] + "-WE", "week"


def _r_weekend(m, ref, direction):
    """'this weekend', 'last weekend', 'the weekend' -> 2008-W41-WE. "The weekend" is the one just
    gone in a past-tense clause, the coming one in a future one, else the nearer one (the one gone
    by early in the week); "that weekend" and "the following weekend" count from a time the text
    spoke of, not from the day of writing, and keep no value."""
    det, qual = _g(m, "det"), _g(m, "q")
    saturday = ref.weekday() >= 5  # the weekend is under way
    if det == "that" or qual == "following":
        return VAGUE
    if qual in ("past", "previous") or det == "last":
        return _weekend_of(ref - dt.timedelta(weeks=1))
    if det == "next":
        return _weekend_of(ref + dt.timedelta(weeks=1))
    if qual == "coming":
        return _weekend_of(ref + dt.timedelta(weeks=1) if ref.weekday() == 6 else ref)
    if det == "this":
        return _weekend_of(ref)
    direction = (direction or "").rstrip("?")
    if direction == "past" or not direction and ref.weekday() <= 2:
        return _weekend_of(ref if saturday else ref - dt.timedelta(weeks=1))
    return _weekend_of(ref + dt.timedelta(weeks=1) if ref.weekday() == 6 else ref)


_HALF_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2, "last": 2, "final": 2}


def _r_half(m, ref, direction):
    """'the first half of 2008', 'the second half of last year', 'H1 2008' -> TIMEX3's 2008-H1
    (precision "half"); of a fiscal year, FY2008-H1. A half with no year named ("in the first
    half") is left to other rules: in a match report it is the game's."""
    n = _HALF_NUMBERS.get(_g(m, "h") or "") or int(m.group("hn") or m.group("hn2") or m.group("hn3"))
    year = _year_of(m, ref)
    for group in ("y_", "y3"):
        if year is None and m.groupdict().get(group):
            year = int(m.group(group))
    if year is None and (m.groupdict().get("yq") or m.groupdict().get("yq2")):
        year = _expand_year(int(m.group("yq") or m.group("yq2")), ref)
    if year is None:
        year = ref.year + (_modifier_offset(_g(m, "rel")) or 0)
    fiscal = "FY" if m.groupdict().get("fy") or m.groupdict().get("fy2") else ""
    return f"{fiscal}{year:04d}-H{n}", "half"


def _fiscal(resolved: Resolved | None) -> Resolved | None:
    """A fiscal year keeps its own TIMEX3 value: 2007 -> FY2007."""
    if resolved is None or resolved[1] != "year":
        return resolved
    return f"FY{resolved[0]}", "year"


# Pieces shared by several rules.
_DOW_PREFIX = rf"(?:(?P<dow>{_WEEKDAY})\s*,?\s*(?:the\s+)?)?"
_DOW_SUFFIX = rf"(?:\s*,\s*(?P<dow2>{_WEEKDAY}))?"
_YEAR_TAIL = rf"(?:\s*,?\s*(?:of\s+)?(?P<y>{_YEAR4})|\s*,?\s*'(?P<y2>\d\d)\b)?"
_YEAR_TAIL_2 = rf"(?:\s*,?\s*(?P<y>{_YEAR4})|\s*,?\s*'?(?P<y2>\d\d)\b)?"  # "14th April 15"
_REL_MOD = r"(?:last|this|next|past|previous|coming|upcoming|following|current|present|preceding)"
_ERA = r"(?:\s*(?P<era>a\.?\s?d\b\.?|b\.?\s?c\b\.?(?:e\b\.?)?|c\.?e\b\.?))"

_RULES: list[_Rule] = []


def _rule(name: str, pattern: str, resolve, in_text: bool = True) -> None:
    # An expression never runs across a line break (a headline ends where the date line starts).
    # And it starts at the start of a word, which spares the engine most positions.
    pattern = r"(?<!\w)(?:" + pattern.replace(r"\s", r"[^\S\n]") + ")"
    _RULES.append(_Rule(name, re.compile(pattern, re.I), resolve, in_text))


_rule("iso", rf"(?<![\d-])(?P<y>\d{{4}})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-])"
             rf"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?", _r_iso)
_rule("numeric", r"(?<![\d/.-])(?P<a>[01]?\d|[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<b>[0-3]?\d)\s*(?P=sep)\s*"
                 r"(?P<y>\d{4}|\d\d)(?![\d/-]|\.\d)", _r_numeric)
_rule("numeric_no_year", r"(?P<a>[01]?\d|[0-3]?\d)\s*[/-]\s*(?P<b>[0-3]?\d)", _r_numeric, in_text=False)
_rule("numeric_month_year", r"(?<![\d/.])(?P<m>[01]?\d)\s*/\s*(?P<y>(?:1[6-9]|20)\d\d)(?![\d/])",
      _r_year_month_numeric)
_rule("numeric_year_month", r"(?P<y>(?:1[6-9]|20)\d\d)[-/](?P<m>[01]\d)", _r_year_month_numeric,
      in_text=False)
_rule("month_day",
      rf"{_DOW_PREFIX}(?P<mon>{_MONTH})\s*(?:the\s+)?(?P<d>{_DAY})(?!\s*(?:%|percent|[ap]\.?m\b))"
      rf"{_YEAR_TAIL}{_DOW_SUFFIX}{_TIME_SUFFIX}", _r_month_day)
_rule("day_month",
      rf"{_DOW_PREFIX}(?:the\s+)?(?P<d>{_DAY})(?:\s+day)?\s*(?:of\s+|[-/.]\s*)?(?P<mon>{_MONTH})"
      rf"(?:\s*[-/.,]?\s*(?P<y>{_YEAR4})|\s*[-/]\s*(?P<y2>\d\d)\b)?{_DOW_SUFFIX}{_TIME_SUFFIX}", _r_month_day)
_rule("day_month_short_year", rf"{_DOW_PREFIX}(?P<d>{_DAY})\s*(?P<mon>{_MONTH})\s+(?P<y2>\d\d)",
      _r_month_day, in_text=False)
_rule("month_year", rf"(?P<mon>{_MONTH})\s*,?\s*(?:of\s+)?(?:(?P<y>{_YEAR4})|'(?P<y2>\d\d)\b)", _r_month_year)
_rule("month", rf"(?:(?P<mod>{_REL_MOD})\s+)?(?P<mon>{_MONTH})"
               rf"(?:\s+(?P<rel>in\s+(?P<n>{_NUMBER})\s+years?|in\s+a\s+year|after\s+next))?", _r_month)
_rule("month_part", rf"(?:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of)\s*-?\s*(?P<mon>{_MONTH})"
                    rf"(?:\s*,?\s*(?:of\s+)?(?P<y>{_YEAR4}))?",
      lambda m, ref, d: _r_month_year(m, ref, d) if m.group("y") else _r_month(m, ref, d))
_rule("year", rf"(?:(?:(?P<fy>fiscal(?:\s+year)?|financial\s+year|FY)|calendar\s+year|the\s+year|early|mid|late|the\s+end\s+of"
              rf"|the\s+(?:beginning|start|middle)\s+of)\s*-?\s*)?(?P<y>{_YEAR4}){_ERA}?", _r_year)
_rule("year_era", rf"(?P<y>\d{{1,4}}){_ERA}", _r_year)
# "1890 – 91", "the 2013-14 season": the end of a span of years, written with two digits.
# Not a span of pages ("284:1677-82", "(5):1018–22"): the first year follows no number, colon or
# closing bracket.
_rule("year_range_end", r"(?:(?<=(?P<ya>(?:1[0-9]|20)\d\d)[–-])(?<![\d:;).]\d{4}[–-])"
                        r"|(?<=(?P<yb>(?:1[0-9]|20)\d\d)\s[–-]\s)(?<![\d:;).]\d{4}\s[–-]\s))"
                        r"(?P<y2>\d\d)(?![\d%]|[.,]\d|\s*(?:%|percent|per\s+cent))",
      lambda m, ref, d: _r_year_range_end(m, ref, d))
# Years before 1600 ("in 1423", "(1480)") only where the tagger reads a date: numbers in that
# range are more often counts than years in news.
_rule("early_year", r"(?<![\d$£€¥.,])1[0-5]\d\d(?![\d%]|[.,]\d|\s*(?:%|percent|per\s+cent))",
      lambda m, ref, d: _year(int(m.group())))
_rule("short_year", r"(?<![\w'])'(?P<y2>\d\d)\b(?!s)", _r_year)
_rule("century", rf"(?:the\s+)?(?:(?:early|mid|late)\s*-?\s*)?(?P<ord>{_ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th))"
                 rf"(?:\s+|-)century\b(?:\s+(?P<era>BCE?|B\.C\.|AD|A\.D\.|CE))?", _r_century)
_rule("decade", r"(?:the\s+)?(?:(?:early|mid|late)\s*-?\s*)?(?:(?P<c3>1[6-9]\d|20\d)0s|'?(?P<c1>\d)0s)\b", _r_decade)
_rule("relative_unit", rf"(?:the\s+)?(?P<mod>{_REL_MOD}|(?:the\s+)?same|that(?:\s+same)?)\s+(?:(?P<fy>fiscal|financial)\s+|calendar\s+)?"
                       rf"(?P<unit>week|month|quarter|qtr|year|yr|decade)\b", _r_relative_unit)
_rule("ago", rf"(?:(?P<n>{_NUMBER})\s+)?(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|before|back|previously"
             r"|later|hence|from\s+now|from\s+today)\b", _r_ago)
# "in a week's time", "in two years' time": a point that far ahead.
_rule("in_time", rf"(?<=in\s)(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})(?:['’]s|['’])\s+time\b", _r_in_n)
_rule("in_n", rf"\bin\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\b", _r_in_n, in_text=False)
_rule("deictic", r"(?:(?:earlier|later)\s+)?(?P<word>(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)"
                 r"|(?:today|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)"
                 r"|today|tonight|yesterday|tomorrows?|this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening)"
                 r"|the\s+time\s+of\s+writing)\b", _r_deictic)
_rule("weekday", rf"(?:(?P<mod>{_REL_MOD})\s+)?(?P<dow>{_WEEKDAY})(?:\s+(?P<part>{_PART_OF_DAY}))?(?:\s+(?P<post>after\s+next|before\s+last"
                 rf"|(?:of\s+|from\s+)?(?:this|next|last)\s+week))?", _r_weekday)
_rule("quarter", rf"(?:the\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:fiscal\s+|calendar\s+)?"
                 rf"(?:quarter|qtr)(?:\s*,?\s*(?:of\s+)?(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s*)?"
                 rf"(?:(?P<y>{_YEAR4})|(?P<rel>this|last|next|current|previous)\s+(?:fiscal\s+)?year))?", _r_quarter)
_rule("quarter_code", rf"(?<![\w-])(?:Q(?P<qn>[1-4])\s*(?:(?P<y>{_YEAR4})|'?(?P<yq>\d\d)\b)?"
                      rf"|(?P<y_>{_YEAR4})\s*Q(?P<qn2>[1-4])|(?P<yq2>\d\d)q(?P<qn3>[1-4]))(?![\w-])",
      lambda m, ref, d: _r_quarter_code(m, ref, d))
# "the first half of 2008", "the second six months of last year", "H1 2008", "1H08": a half year.
_rule("half", rf"(?:the\s+)?(?:(?P<h>first|second|1st|2nd|latter|last|final)\s+(?:half|six\s+months)\s+of\s+(?:the\s+)?"
              rf"(?:(?P<fy>fiscal|financial)\s+)?(?:year\s+)?(?:(?P<y>{_YEAR4})|(?:(?P<rel>this|last|next|current|previous)\s+)?"
              rf"(?:(?P<fy2>fiscal|financial)\s+)?year\b))", lambda m, ref, d: _r_half(m, ref, d))
_rule("half_code", rf"(?<![\w-])(?:H(?P<hn>[12])\s*(?:(?P<y_>{_YEAR4})|'?(?P<yq>\d\d)\b)"
                   rf"|(?P<hn2>[12])H\s*(?:(?P<y3>{_YEAR4})|'?(?P<yq2>\d\d)\b)|(?P<y>{_YEAR4})\s*H(?P<hn3>[12]))(?![\w-])",
      lambda m, ref, d: _r_half(m, ref, d))
_rule("holiday", rf"(?:(?P<mod>last|this|next|the\s+next|the\s+last|coming)\s+)?(?P<hol>{_HOLIDAY})"
                 rf"(?:\s*,?\s*(?:of\s+)?(?:(?P<y>{_YEAR4})|(?P<rel>this|last|next)\s+year))?", _r_holiday)
# A date known by its name: "9/11" is the day of the 2001 attacks, not this year's 11 September.
_rule("named_date", r"(?<![\d/])9/11(?![\d/])", lambda m, ref, d: ("2001-09-11", "day"))
# "by the end of the year", "until the end of the month", "by year-end": a deadline, the period's
# last day (the part_of rule reads "the end of the year" alone as the period).
_rule("by_end", rf"(?:(?<=by\s)|(?<=until\s)|(?<=till\s)|(?<=before\s))(?:(?:the\s+)?(?:very\s+)?end\s+of\s+(?:the\s+)?"
                rf"(?:(?P<mod>this|next|current)\s+)?(?P<unit>week|month|year|quarter)|(?P<unit2>year|month|quarter)(?:-|\s)end)\b",
      lambda m, ref, d: _r_by_end(m, ref, d))
# "since the start of this year": a point, the period's first day (the part_of rule reads "the
# start of the year" alone as the period, which "at the beginning of the year" is).
_rule("since_start", rf"(?<=since\s)(?:the\s+)?(?:very\s+)?(?:beginning|start)\s+of\s+(?:the\s+)?"
                     rf"(?:(?P<mod>this|last|next|current|previous)\s+)?(?P<unit>week|month|year|quarter)\b",
      lambda m, ref, d: _r_since_start(m, ref, d))
_rule("part_of", rf"(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|rest|remainder|first\s+half"
                 rf"|second\s+half)\s+of\s+(?:the\s+)?|(?:earlier|later)\s+(?:in\s+)?)"
                 rf"(?:(?P<mod>this|last|next|current|previous)\s+)?(?P<fy>fiscal\s+|financial\s+)?(?P<unit>day|week|month|year|quarter)\b"
                 rf"|late\s+in\s+the\s+(?P<unit2>day)", lambda m, ref, d: _r_part_of(m, ref, d))
_ORD_N = rf"(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
_MONTH_REF = (rf"(?:(?P<mon>{_MONTH})(?:\s*,?\s*(?P<y>{_YEAR4}))?"
              rf"|(?:the\s+)?(?P<mmod>this|next|last|previous|current|the)\s+month)")
_rule("nth_weekday_of_month", rf"(?:the\s+)?{_ORD_N}\s+(?P<dow>{_WEEKDAY})\s+(?:of|in)\s+{_MONTH_REF}",
      lambda m, ref, d: _r_nth_weekday(m, ref, d))
_rule("last_day_of_month", rf"(?:the\s+)?(?P<nth>last|first)\s+day\s+(?:of|in)\s+{_MONTH_REF}",
      lambda m, ref, d: _r_nth_weekday(m, ref, d))
_rule("day_of_relative_month", rf"(?:the\s+)?(?P<d>{_DAY})(?:\s+day)?\s+of\s+{_MONTH_REF}",
      lambda m, ref, d: _r_day_of_month(m, ref, d))
_rule("day_of_month", rf"(?:the\s+)?(?P<d>{_DAY})", lambda m, ref, d: _r_day_of_month(m, ref, d), in_text=False)
_rule("weekday_day", rf"(?P<dow>{_WEEKDAY})\s*,?\s*(?:the\s+)?(?P<d>{_DAY})",
      lambda m, ref, d: _r_day_of_month(m, ref, d), in_text=False)
_rule("weekdays_away", rf"(?P<n>{_NUMBER})\s+(?P<dow>{_alternation(_WEEKDAYS)})s\s+(?P<dir>from\s+now|ago|back|hence)",
      lambda m, ref, d: _r_weekdays_away(m, ref, d))
_rule("upcoming_n", rf"(?:(?:the\s+)?(?:upcoming|coming|next|following)\s+(?P<n>{_NUMBER})"
                    rf"|(?P<n2>{_NUMBER})\s+(?:upcoming|coming|next|following))\s+(?P<unit>{_UNIT})",
      lambda m, ref, d: _r_upcoming(m, ref, d), in_text=False)
_rule("week_of", rf"the\s+week\s+of\s+(?P<mon>{_MONTH})\s*(?:the\s+)?(?P<d>{_DAY}){_YEAR_TAIL}",
      lambda m, ref, d: _r_week_of(m, ref, d))

# A weekday named for an event ("Black Monday", "Super Tuesday", "Bloody Sunday") is a date
# expression with no value of its own: the event's date is not the nearest such weekday.
_rule("named_day", rf"(?-i:Black|Bloody|Super|Blue|Manic)\s+(?P<dow>{_WEEKDAY})(?:\s+{_PART_OF_DAY})?", _r_vague)
# "for a third straight day", "the fourth week in a row": the run ends in the period reported,
# the unit the article is about (see _r_streak).
_STREAK_ORD = rf"(?:{_ORDINAL_WORD}|\d+(?:st|nd|rd|th))"
_rule("streak", rf"(?:(?:a|the)\s+)?(?P<ord>{_STREAK_ORD})\s+(?:(?:consecutive|straight|successive)\s+"
                rf"(?:trading\s+)?(?P<unit>day|session|week|month|quarter|year)"
                rf"|(?:trading\s+)?(?P<unit2>day|session|week|month|quarter|year)\s+in\s+a\s+row)\b",
      lambda m, ref, d: _r_streak(m, ref, d))
# "its best week since November", "the worst day in six years": the period being reported.
_rule("best_period", r"(?:(?<=best\s)|(?<=worst\s)|(?<=biggest\s)|(?<=strongest\s)|(?<=weakest\s))"
                     r"(?P<unit>day|session|week|month|quarter)(?=\s+(?:since|in\s+(?:over\s+|more\s+than\s+)?"
                     r"(?:\w+\s+)?(?:years?|months?|weeks?|decades?)\b))",
      lambda m, ref, d: _r_streak(m, ref, d))
# "the worst single-day fall", "a two-week strike", "a 10-year high": a length as an adjective.
_rule("duration_adjective", rf"(?P<n>single|{_alternation(_NUMBERS)}|\d{{1,3}})-(?P<unit>day|week|month|quarter|year|decade)"
                            r"(?![\w-])", lambda m, ref, d: _r_duration_adjective(m, ref, d))
# "an intraday low": within one day, a length (TIMEX3 P1D) like "single-day".
_rule("intraday", r"intra-?day\b", lambda m, ref, d: ("P1D", None))
_rule("weekend", r"(?P<det>the|this|last|next|that)\s+(?:(?P<q>past|coming|previous|following)\s+)?week-?end\b",
      lambda m, ref, d: _r_weekend(m, ref, d))
_rule("season", rf"(?:(?P<mod>{_REL_MOD}|early|late|mid|the)\s*-?\s*)?(?P<season>spring|summer|autumn|fall|winter)\b"
                rf"(?:\s*(?:of\s+)?(?P<y>{_YEAR4}))?", _r_season)
_rule("vague", r"(?P<ref>(?:(?:more|most|very)\s+)?recently|recent\s+(?:years|months|weeks|days|times)"
               r"|(?<!most\s)recent(?=\s+[a-z])|currently|nowadays|these\s+days|at\s+present|presently"
               r"|the\s+time\s+being|the\s+(?:near\s+)?future|the\s+near\s+term|now(?!\s+that)"
               r"|right\s+now|just\s+now|at\s+the\s+moment|(?<=\bat\s)(?:one|some)\s+point(?=\s*,))",
      _r_reference)
_rule("duration", rf"(?:(?P<lead>the\s+(?:past|last|next|previous|coming|following|first)\s+)"
                  r"|(?P<approx>(?:over|more\s+than|nearly|almost|about|around|roughly|some|at\s+least)\s+))?"
                  rf"(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\b"
                  r"(?!\s+(?:ago|earlier|later|before|after|back|previously|hence|from|old)\b)",
      _r_duration)


# ---------------------------------------------------------------------------------------------
# Pre-filter: running text is searched with a rule only near the words its matches must contain
# (its triggers), found by one tokenising pass. "#" stands for any run of digits.

_UNIT_WORDS = {"day", "week", "month", "quarter", "qtr", "year", "yr", "decade"}
_TRIGGERS: dict[str, frozenset[str]] = {
    name: frozenset(words) for names, words in (
        (("iso", "numeric", "numeric_month_year", "year", "year_era", "short_year", "decade",
          "year_range_end", "early_year",
          "quarter_code"), {"#"}),
        (("month_day", "day_month", "month_year", "month", "month_part", "week_of"), set(_MONTHS)),
        (("nth_weekday_of_month", "last_day_of_month", "day_of_relative_month"), {*_MONTHS, "month"}),
        (("relative_unit",), _UNIT_WORDS),
        (("ago", "duration"), _UNIT_WORDS | {w + "s" for w in _UNIT_WORDS}),
        (("part_of",), {"day", "week", "month", "year", "quarter"}),
        (("deictic",), {"today", "tonight", "yesterday", "tomorrow", "tomorrows", "morning",
                        "afternoon", "evening", "night", "writing"}),
        (("weekday",), set(_WEEKDAYS)),
        (("weekdays_away",), {w + "s" for w in _WEEKDAYS}),
        (("quarter",), {"quarter", "qtr"}),
        (("holiday",), {"christmas", "xmas", "boxing", "year", "valentine", "valentines", "halloween",
                        "independence", "july", "veteran", "veterans", "thanksgiving", "friday",
                        "monday", "memorial", "mlk", "king", "president", "presidents", "washington",
                        "patrick", "paddy", "groundhog", "groundhogs", "labor", "labour", "mother",
                        "mothers", "father", "fathers", "easter", "palm", "maundy", "holy", "ash",
                        "shrove", "fat", "mardi", "whit", "giving", "givingtuesday"}),
        (("named_day",), set(_WEEKDAYS)),
        (("streak", "best_period"), {"day", "days", "week", "weeks", "month", "months", "session",
                                     "quarter", "year", "row"}),
        (("since_start",), {"since"}),
        (("named_date",), {"#"}),
        (("by_end",), {"by", "until", "till", "before"}),
        (("duration_adjective",), {"day", "week", "month", "quarter", "year", "decade"}),
        (("weekend",), {"weekend", "week"}),
        (("half",), {"half", "months"}),
        (("century",), {"century"}),
        (("in_time",), {"time"}),
        (("half_code",), {"#"}),
        (("intraday",), {"intraday", "intra"}),
        (("season",), set(_SEASON_CODES)),
        (("vague",), {"recently", "recent", "currently", "nowadays", "days", "present", "presently",
                      "being", "future", "term", "now", "moment", "point"}),
    ) for name in names
}
_TRIGGER_WORD_RE = re.compile(r"[A-Za-z]+|\d+")
# Text searched on either side of a trigger: more than the longest expression reaches.
_BEFORE_TRIGGER, _AFTER_TRIGGER = 64, 96


_ALL_TRIGGERS = frozenset().union(*_TRIGGERS.values())


def _rule_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the stretches of ``text`` (merged, in order) where it can match."""
    hits: dict[str, list[int]] = {}
    for w in _TRIGGER_WORD_RE.finditer(text):
        word = w.group()
        key = "#" if word[0].isdigit() else word.lower()
        if key in _ALL_TRIGGERS:  # other words are no rule's trigger
            hits.setdefault(key, []).append(w.start())
    windows: dict[str, list[tuple[int, int]]] = {}
    by_triggers: dict[frozenset[str], list[tuple[int, int]]] = {}  # rules sharing triggers share windows
    for rule in _RULES:
        if not rule.in_text:
            continue
        triggers = _TRIGGERS[rule.name]
        if triggers in by_triggers:
            windows[rule.name] = by_triggers[triggers]
            continue
        starts = sorted(pos for word in triggers for pos in hits.get(word, ()))
        merged: list[list[int]] = []
        for pos in starts:
            lo = max(0, pos - _BEFORE_TRIGGER)
            hi = pos + _AFTER_TRIGGER
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = hi
            else:
                merged.append([lo, hi])
        out = []
        for lo, hi in merged:
            hi = min(len(text), hi)
            while hi < len(text) and text[hi].isalnum():
                hi += 1  # never cut a word: lookaheads must see what really follows
            out.append((lo, hi))
        windows[rule.name] = by_triggers[triggers] = out
    return windows


def _r_quarter_code(m, ref, direction):
    q = int(m.group("qn") or m.group("qn2") or m.group("qn3"))
    if m.group("y_"):
        return _quarter(int(m.group("y_")), q)
    if m.group("yq2"):
        return _quarter(_expand_year(int(m.group("yq2")), ref), q)
    return _r_quarter(m, ref, direction)


def _month_ref(m: re.Match, ref: dt.date, direction: str | None) -> tuple[int, int] | None:
    """(year, month) of a "March 2014" / "this month" / "next month" part of a rule."""
    if m.group("mon"):
        month = _month_of(m.group("mon"))
        if m.group("y"):
            return int(m.group("y")), month
        date = _pick(lambda y: dt.date(y, month, 1), dt.date(ref.year, ref.month, 1),
                     (direction or "").rstrip("?") or None, near_days=0)
        return date.year, date.month
    offset = _modifier_offset(_g(m, "mmod")) or 0
    return _add_months(ref.year, ref.month, offset)


def _r_nth_weekday(m, ref, direction):
    """'the first Monday of March', 'last Sunday of March 2014', 'the last day of October'."""
    year_month = _month_ref(m, ref, direction)
    if year_month is None:
        return None
    year, month = year_month
    nth = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
           "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}[_g(m, "nth")]
    if m.groupdict().get("dow") is None:  # first / last day
        if nth == 1:
            return _day(dt.date(year, month, 1))
        y, mo = _add_months(year, month, 1)
        return _day(dt.date(y, mo, 1) - dt.timedelta(days=1))
    date = _nth_weekday(year, month, _WEEKDAYS[_g(m, "dow").rstrip(".")], nth)
    return _day(date) if date.month == month else None


def _r_day_of_month(m, ref, direction):
    """'the 20th of next month'; alone ('on the 15th', 'Tuesday the 19th') the nearest such day."""
    day = _day_of(m.group("d"))
    if not 1 <= day <= 31:
        return None
    if m.groupdict().get("mon") is not None or m.groupdict().get("mmod") is not None:
        year, month = _month_ref(m, ref, direction)
        date = _safe_date(year, month, day)
        return _day(date) if date else None
    weekday = _WEEKDAYS[_g(m, "dow").rstrip(".")] if m.groupdict().get("dow") else None
    forward = direction != "past"
    for k in range(0, 24):  # the next (or last) month that has this day, on that weekday if given
        y, mo = _add_months(ref.year, ref.month, k if forward else -k)
        date = _safe_date(y, mo, day)
        if date is None or (forward and date < ref) or (not forward and date > ref):
            continue
        if weekday is None or date.weekday() == weekday:
            return _day(date)
    return None


def _r_weekdays_away(m, ref, direction):
    """'3 fridays from now', '2 thursdays ago'."""
    n = _count(_g(m, "n"))
    if n is None:
        return VAGUE
    weekday = _WEEKDAYS[_g(m, "dow").rstrip(".")]
    if _g(m, "dir").split()[0] in ("ago", "back"):
        first = ref - dt.timedelta(days=(ref.weekday() - weekday) % 7 or 7)
        return _day(first - dt.timedelta(weeks=n - 1))
    first = ref + dt.timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    return _day(first + dt.timedelta(weeks=n - 1))


def _r_upcoming(m, ref, direction):
    """'the upcoming two weeks' as Duckling reads it: the period that many units ahead."""
    n = _count(_g(m, "n") or _g(m, "n2"))
    if n is None:
        return VAGUE
    return _this_unit(ref, _UNITS[_g(m, "unit").rstrip("s")], n)


def _r_week_of(m, ref, direction):
    resolved = _r_month_day(m, ref, direction)
    if resolved is None:
        return None
    day = dt.date.fromisoformat(resolved[0])
    if day.weekday() == 6:  # a week named by its Sunday is the one that starts the next day
        day += dt.timedelta(days=1)
    return _week(day)


_ANAPHORA = re.compile(r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|the\s+day)\b(?!\s+(?:before|after|of|when))", re.I)
_LEADING_WORDS = re.compile(r"^(?:(?:on|in|during|at|around|about|by|for|of|from|since|until|till|through|"
                            r"circa|approximately|sometime|sometimes|anytime|the\s+week\s+of)\s+)+", re.I)


# ---------------------------------------------------------------------------------------------
# Public API


def resolve_date(text: str, reference: dt.date | dt.datetime, *,
                 direction: str | None = None) -> tuple[str, str] | None:
    """Resolve one whole date expression, e.g. ``"last Tuesday"``, against ``reference``.

    Returns ``(value, precision)`` with a TIMEX3-style value ("2026-02-28", "2025-01", "2025",
    "2026-W09", "2025-Q1", "199" for the 1990s), or None when the text is not a date expression
    with a calendar value. ``direction`` ("past" / "future") says which way an ambiguous
    expression such as "Friday" points; by default the nearest reading is taken, and for a bare
    month or quarter the past one.
    """
    if direction not in _DIRECTIONS:
        raise ValueError(f"direction must be one of {_DIRECTIONS}, not {direction!r}")
    ref = reference.date() if isinstance(reference, dt.datetime) else reference
    whole = text.strip().strip(".,;:!?()[]\"").strip()
    for cleaned in dict.fromkeys((whole, _LEADING_WORDS.sub("", whole))):
        if not cleaned:
            continue
        for rule in _RULES:
            m = rule.regex.fullmatch(cleaned)
            if m is None:
                continue
            try:
                result = rule.resolve(m, ref, direction)
            except (ValueError, OverflowError, KeyError):
                result = None
            if result is not None and result != VAGUE and result[1] is not None:
                return result  # reference values and durations have no calendar value
    return None


def find_dates(doc: Doc, published: dt.date | None) -> list[dict]:
    """Every date expression in an article, with its value resolved against ``published``.

    Each is ``{"text", "start", "end", "value", "precision"}`` (character offsets into
    ``doc.text``, end exclusive). Expressions without a calendar value keep TIMEX3's values with
    precision None: "PAST_REF" / "PRESENT_REF" / "FUTURE_REF" ("recently", "now", "the near
    future") and durations ("P6Y" for "six years"). ``value`` and ``precision`` are None when the
    expression has no value at all ("the weekend") or when ``published`` is None.
    """
    text = text_of(doc)
    candidates: list[tuple[int, int, _Rule, re.Match]] = []
    windows = _rule_windows(text)
    for rule in _RULES:
        if not rule.in_text:
            continue
        for m in (m for lo, hi in windows[rule.name] for m in rule.regex.finditer(text, lo, hi)):
            start, end = m.span()
            if start == end or not _word_bounded(text, start, end):
                continue
            if not _plausible(rule, m, doc, text):
                continue
            candidates.append((start, end, rule, m))
    chosen = _longest_first(candidates)
    of_play = len(_PLAY_WORDS.findall(text)) >= 3
    results: list[dict] = []
    year_before: tuple[int, int] | None = None  # (year, end) of the last full date with a year
    runs: list[dict] = []  # "a third straight day": resolved against the day the sentence names
    anchor: Resolved | None = None  # the last calendar date: what "two years later" counts from
    written_year: tuple[int, int] | None = None  # (year, end) of the last year the text wrote out
    for start, end, rule, m in chosen:
        value = precision = None
        if published is not None:
            try:
                resolved = _inherit_year(rule, m, year_before, start)
                if resolved is None:
                    resolved = _year_after(rule, m, text, end)
                if resolved is None and written_year is not None and _tense(doc, start, end) == "past":
                    resolved = _narrative_year(rule, m, written_year, start, published)
                if resolved is None and rule.name == "quarter" and of_play and not (
                        m.group("y") or m.group("rel") or re.search(r"fiscal|calendar", m.group(), re.I)):
                    resolved = VAGUE  # "the third quarter belonged to Embiid": the game's
                if resolved is None and _not_deictic(rule, m, text, doc):
                    resolved = VAGUE
                if resolved is None and _some_day(rule, m, doc):
                    resolved = VAGUE  # "Apple would one day do this": no length, no date said
                if resolved is None and _anaphoric(rule, m) and _counts_from_a_phrase(rule, m, text):
                    resolved = VAGUE  # "five days before his death": from an event, not a date
                if resolved is None and _anaphoric(rule, m):
                    # with no date before it, the time it counts from is not in the text
                    resolved = _from_anchor(rule, m, anchor) if anchor else VAGUE
                if resolved is None:
                    tense = None if _UNTIL.search(text[max(0, start - 12):start]) else _tense(doc, start, end)
                    resolved = rule.resolve(m, published, tense and tense + "?")
            except (ValueError, OverflowError, KeyError):
                resolved = None
            if m.groupdict().get("y") and resolved not in (None, VAGUE) and resolved[1] == "day":
                year_before = (int(resolved[0][:4]), end)
            if resolved not in (None, VAGUE) and resolved[1] in _GRAIN:
                if rule.name in _WRITTEN_YEAR_RULES or m.groupdict().get("y") or m.groupdict().get("y2"):
                    # "the highest since 1983": a bound to compare with, not the story's time
                    bound = re.search(r"\b(?:since|until|till|before|than|by)\s+$", text[max(0, start - 8):start], re.I)
                    written_year = None if bound else (int(resolved[0][:4].lstrip("FY") or 0), end)
                elif rule.name in _DEICTIC_RULES:
                    written_year = None  # the text is back to the time of writing
            if resolved is None:
                continue  # matched the shape of a date but is not one ("February 30")
            if resolved != VAGUE:
                value, precision = resolved
                if precision in _GRAIN:
                    anchor = resolved
        part = _PART_BEFORE.search(text, max(0, start - 24), start) if precision == "day" and value \
            and len(value) == 10 else None
        if part and (not results or results[-1]["end"] <= part.start()):
            start = part.start()  # "the night of May 3": TIMEX3's 2008-05-03TNI
            value = _part_of_day((value, precision), part.group("part"))[0]
        results.append({"text": text[start:end], "start": start, "end": end,
                        "value": value, "precision": precision})
        if rule.name in ("streak", "best_period") and value is not None:
            runs.append(results[-1])
    _end_runs_on_the_named_day(doc, runs, results)
    results.extend(_anaphora(text, results))
    results.sort(key=lambda r: r["start"])
    return results


# ---------------------------------------------------------------------------------------------
# Helpers of find_dates


def _inherit_year(rule: _Rule, m: re.Match, year_before: tuple[int, int] | None,
                  start: int) -> Resolved | None:
    """A month-day right after a dated one shares its year: "March 3, 2004 - May 6"."""
    if (rule.name not in ("month_day", "day_month") or year_before is None
            or start - year_before[1] > 40 or m.group("y") or m.group("y2")):
        return None
    date = _safe_date(year_before[0], _month_of(m.group("mon")), _day_of(m.group("d")))
    return _day(date) if date else None


_WRITTEN_YEAR_RULES = {"year", "early_year", "year_range_end", "year_era"}
_DEICTIC_RULES = {"deictic", "weekday", "relative_unit", "vague", "ago"}
# How far a written-out year carries to the month-days after it, and how far from the time of
# writing it must lie to be a story of its own ("in 1832 ... on 30 May"), not the news's year.
_NARRATIVE_REACH, _NARRATIVE_YEARS = 300, 2


_YEAR_AFTER = re.compile(rf"(?:[^\S\n]+(?:and|or|to|through|until)[^\S\n]+{_MONTH}(?:[^\S\n]+{_DAY})?"
                         rf"(?:,?[^\S\n]+|[^\S\n]+(?:in|of)[^\S\n]+)|[^\S\n]+(?:in|of)[^\S\n]+)(?P<y>{_YEAR4})", re.I)


def _year_after(rule: _Rule, m: re.Match, text: str, end: int) -> Resolved | None:
    """'between May and June in 1981', 'from March to August 2011': the year written after a
    pair of months is both's."""
    if rule.name not in ("month_day", "day_month", "month") or any(
            m.groupdict().get(g) for g in ("y", "y2", "mod", "rel")):
        return None
    after = _YEAR_AFTER.match(text, end)
    if after is None:
        return None
    year, month = int(after.group("y")), _month_of(m.group("mon"))
    if rule.name == "month":
        return _month(year, month)
    date = _safe_date(year, month, _day_of(m.group("d")))
    return _day(date) if date else None


def _narrative_year(rule: _Rule, m: re.Match, written_year: tuple[int, int] | None, start: int,
                    published: dt.date) -> Resolved | None:
    """A month-day or month with no year in a story set in another year takes that year:
    "Galois died in 1832 ... his fatal duel took place on 30 May" -> 1832-05-30 (TimeML's
    narrative anchoring). Only in a past-tense clause, after a year the text wrote out recently
    (not as a bound: "the highest since 1983"), two years or more from the time of writing,
    and with no "today" or weekday since, which bring the text back to now."""
    if (rule.name not in ("month_day", "day_month", "month") or written_year is None
            or start - written_year[1] > _NARRATIVE_REACH or abs(written_year[0] - published.year) < _NARRATIVE_YEARS
            or m.groupdict().get("y") or m.groupdict().get("y2") or m.groupdict().get("mod")
            or m.groupdict().get("rel") or m.groupdict().get("dow") or m.groupdict().get("dow2")):
        return None
    year, month = written_year[0], _month_of(m.group("mon"))
    if rule.name == "month":
        return _month(year, month)
    date = _safe_date(year, month, _day_of(m.group("d")))
    return _day(date) if date else None


# Calendar precisions from the finest; a shift counts from an anchor at least as fine as its unit.
_GRAIN = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 3, "year": 4, "decade": 5, "century": 6}
_ANAPHORIC_DIRECTIONS = ("later", "earlier", "before", "previously")


def _anaphoric(rule: _Rule, m: re.Match) -> bool:
    """Whether an expression counts from the time the text last spoke of, not from the day of
    writing: "two years later", "three days earlier", "the following month" (TimeML anchors
    these on the previous temporal expression; "two years ago", "next month" count from now)."""
    if rule.name == "ago":
        return _g(m, "dir").split()[0] in _ANAPHORIC_DIRECTIONS
    if rule.name == "relative_unit":
        return (_g(m, "mod") or "").split()[-1] in ("following", "preceding", "same", "that")
    return False


# Words of a game report: where a text has several, a quarter with no year is a period of play.
_PLAY_WORDS = re.compile(r"\b(?:game|games|halftime|half-time|overtime|rebounds?|touchdowns?|quarterback|innings?"
                         r"|field\s+goals?|free\s+throws?|three-pointers?|assists|tip-?off|buzzer|scored)\b", re.I)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|every|each|any|one)[^\S\n]+$", re.I)
_THE_BEFORE = re.compile(r"\bthe[^\S\n]+$", re.I)
_A_YEAR_APART = re.compile(r"[^\S\n]+(?:(?:a|one)[^\S\n]+year[^\S\n]+(?:earlier|ago|before|later)|(?:of[^\S\n]+)?(?:the[^\S\n]+)?"
                           r"(?:last|previous|prior|next|following)[^\S\n]+year|a[^\S\n]+year[^\S\n]+on)\b", re.I)


_PART_BEFORE = re.compile(r"(?<!\w)(?:the[^\S\n]+)?(?P<part>morning|afternoon|evening|night)[^\S\n]+of[^\S\n]+\Z", re.I)


def _not_deictic(rule: _Rule, m: re.Match, text: str, doc: Doc) -> bool:
    """'the last night of school', 'the next Tuesday night', 'the last weekend of July': after
    "the", last and next order things within a time the text speaks of and say nothing of the
    time of writing; 'a Wednesday' is a kind of day; 'the same quarter a year earlier' is no
    quarter the text named."""
    if rule.name == "weekday" and _INDEFINITE_BEFORE.search(text, max(0, m.start("dow") - 8), m.start("dow")):
        # "Dec. 18, a Wednesday", "every Friday": a kind of day, not the nearest one; but the
        # article of a noun the weekday modifies is the noun's ("in a Wednesday media event")
        span = doc.char_span(m.start("dow"), m.end("dow"), alignment_mode="expand")
        return span is None or span.root.dep_ not in ("compound", "nmod", "amod")
    if rule.name in ("deictic", "weekday", "weekend"):
        return (m.group().lower().startswith(("last", "next"))
                and bool(_THE_BEFORE.search(text, max(0, m.start() - 8), m.start())))
    if rule.name == "relative_unit" and (_g(m, "mod") or "").split()[-1] in ("same", "that"):
        return bool(_A_YEAR_APART.match(text, m.end()))
    return False


# Verbs whose adverbial says how long ("the strike lasted one day", "took one day").
_LENGTH_VERBS = {"last", "take", "stay", "spend", "wait", "remain", "run", "continue", "need", "require",
                 "hold", "extend", "live", "work", "sleep", "serve", "delay", "postpone", "close", "shut"}


def _some_day(rule: _Rule, m: re.Match, doc: Doc) -> bool:
    """'one day' as an adverb of time ("Apple would one day do this", "Then one day, ...") names
    some day, not a length of one; as the object of a preposition ("enough for one day") or
    the measure of a verb of length ("lasted one day") it is P1D."""
    if rule.name != "duration" or _g(m, "n") != "one" or _g(m, "unit") != "day" or m.group("lead") or m.group("approx"):
        return False
    span = doc.char_span(m.start("unit"), m.end("unit"), alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    return token.dep_ in ("npadvmod", "advmod", "ROOT") and token.head.lemma_.lower() not in _LENGTH_VERBS


def _counts_from_a_phrase(rule: _Rule, m: re.Match, text: str) -> bool:
    """'two days before the election': "before" here takes an object, which is what it counts
    from (a date object is a longer expression of its own and never gets here)."""
    return _g(m, "dir") == "before" and bool(re.match(r"[^\S\n]+(?!and\b|or\b|but\b)[A-Za-z]", text[m.end():]))


def _from_anchor(rule: _Rule, m: re.Match, anchor: Resolved) -> Resolved | None:
    """An anaphoric expression resolved from the last calendar date of the text. None (no value)
    when that date is coarser than the shift ("in 1975 ... six months later": some month)."""
    unit = _UNITS[_g(m, "unit").rstrip("s")]
    value, precision = anchor
    if _GRAIN[precision] > _GRAIN.get(unit, 0) or precision in ("week", "season", "half", "decade", "century"):
        return VAGUE
    start = dt.date.fromisoformat(value[:10]) if precision == "day" else \
        dt.date(int(value[:4]), int(value[5:7]), 1) if precision == "month" else \
        dt.date(int(value[:4]), 3 * int(value[-1]) - 2, 1) if precision == "quarter" else \
        dt.date(int(value[:4]), 1, 1)
    return rule.resolve(m, start, None)


# "closed until Friday", "by Friday": the end of a state, whatever the tense that tells of it.
_UNTIL = re.compile(r"\b(?:until|till|through)\s+$", re.I)


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


# Words before a bare four-digit number that make it a year ("in 2007", "since 1991").
_YEAR_CUES = {"in", "since", "from", "until", "till", "by", "during", "before", "after", "of", "through",
              "to", "and", "between", "early", "late", "mid", "year", "fiscal", "fy", "circa", "around",
              "for", "spring", "summer", "autumn", "fall", "winter", "season", "as", "-", "–", "than", "'s",
              "the", "end", "beginning", "start", "middle", "half", "quarter", "born", "founded", "or",
              "on", "at", "whole", "entire", "calendar", "model", "so", "far", "back", "first",
              "last", "next", "this", "that"}
_AMBIGUOUS_WORDS = {"may", "march", "sat", "sun", "wed", "mar", "jan", "dec", "jun", "jul", "aug", "sep",
                    "sept", "oct", "nov", "feb", "apr", "mon", "tue", "tues", "thu", "thur", "thurs", "fri"}


_VERB_TAGS = ("MD", "VB", "VBP", "VBZ", "VBD")  # "may", "march" the tagger reads as verbs
# A possessive before "20s", "mid-60s" makes the number an age: "in his early 30s", "their 40s and 50s".
_AGE_BEFORE = re.compile(r"\b(?:my|your|his|her|its|our|their|[A-Z][a-z]+[’']s)\s+(?:(?:early|mid|late)\s*-?\s*)?"
                         r"(?:(?:\d0s|\w+ties)\s*(?:and|or|to)\s+)?$")


def _plausible(rule: _Rule, m: re.Match, doc: Doc, text: str) -> bool:
    """Filters that running text needs and a lone date string does not."""
    start, end = m.span()
    surface = m.group()
    if rule.name in ("month", "weekday"):
        word = (m.group("mon") if rule.name == "month" else m.group("dow")).rstrip(".")
        if not word[0].isupper():
            return False
        if word.lower() in _AMBIGUOUS_WORDS and not m.group("mod"):
            span = doc.char_span(start, start + len(word), alignment_mode="expand")
            if span is None or span[0].tag_ in _VERB_TAGS or word.lower() != "may" and len(word) <= 4:
                return False
    if "mon" in m.re.groupindex and m.group("mon") and rule.name != "month":
        word = m.group("mon").rstrip(".")
        if word.islower() and word in _AMBIGUOUS_WORDS:  # "Python 3 may want to": a verb, no month
            at = doc.char_span(m.start("mon"), m.start("mon") + len(word), alignment_mode="expand")
            if at is not None and at[0].tag_ in _VERB_TAGS:
                return False
    if rule.name in ("weekday", "deictic") and _inside_a_name(doc, start, end):
        return False  # "The Sunday Times", "Saturday Night Live": a name, no day
    if rule.name == "decade" and m.group("c1") and _AGE_BEFORE.search(text, max(0, start - 40), start):
        return False  # "in my mid-60s", "men in their 40s": an age, no decade
    if rule.name == "season":  # "fall" and "spring" are verbs and nouns too
        word = m.group("season")
        return bool(m.group("mod") and m.group("mod").lower() != "the" or m.group("y")
                    or word[0].isupper() and word.lower() not in ("fall", "spring"))
    if rule.name == "short_year":  # "since '82", not "iLife '11"
        before = text[:start].split()
        return bool(before) and before[-1].lower() in _YEAR_CUES
    if rule.name == "early_year":
        span = doc.char_span(start, end)
        if span is None or span[0].ent_type_ != "DATE" or not _looks_like_year(doc, start, end):
            return False
        i = span[0].i
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.text[:1].islower():
            return False  # "1450 points"
        # a year's preposition, or a work's year in brackets: "in 1423", "(1480)"; not
        # "resolution 1325", "p. 1225", "1355 Inwood Terrace"
        return prev is not None and (prev.lower_ in _EARLY_YEAR_CUES
                                     or prev.text == "(" and nxt is not None and nxt.text == ")")
    if rule.name == "year":
        if surface[0].isdigit():
            if start >= 2 and text[start - 1] in ":;" and text[start - 2].isdigit():
                return False  # a page or a verse: "284:1677-82"
            return _looks_like_year(doc, start, end)
    if rule.name in ("month_day", "day_month") and m.group("mon")[0].islower() and not text[start:end].islower():
        return False
    if rule.name == "vague" and surface.lower() == "now":
        span = doc.char_span(start, end)
        if span is None or span[0].pos_ not in ("ADV",):
            return False
    if rule.name == "numeric" and m.group("sep") == "." and len(m.group("y")) == 2:
        return False  # "1.5.10" is a version more often than a date
    return True


_NAME_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "PERSON", "NORP", "LAW"}


def _inside_a_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a named entity (not a date or an event) holds the span and more."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(e.label_ in _NAME_LABELS and e.start_char <= start and end <= e.end_char
               and (e.start_char, e.end_char) != (start, end) for e in doc.ents
               if e.start <= span.start and span.end <= e.end)


_EARLY_YEAR_CUES = {"in", "since", "until", "till", "before", "after", "from", "by", "circa", "c.", "ca.",
                    "around", "about", "during", "of"}


def _looks_like_year(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if (prev is not None and nxt is not None and prev.pos_ == "PROPN" and nxt.pos_ == "PROPN"
            and nxt.text[:1].isupper() and prev.lower_.rstrip(".") not in _MONTHS):
        return False  # part of a name: "the Russell 2000 Index"
    if token.ent_type_ == "DATE":
        return True
    if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and token.ent_type_ != "":
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.like_num or nxt.pos_ in ("NOUN", "PROPN") and nxt.text[0].islower()):
            return False
    if prev is not None and prev.lower_ in _YEAR_CUES:
        return True
    if nxt is None or nxt.is_punct or nxt.lower_ in ("and", "to", "or", "when", "after", "before"):
        return prev is None or not prev.like_num and prev.text not in ("$", "£", "€", "#", "No.")
    return False


def _longest_first(candidates):
    """The longest candidates that do not overlap a longer (or earlier, equally long) one."""
    chosen: list[tuple[int, int, _Rule, re.Match]] = []
    # The spans taken so far never overlap, so sorted by start their ends rise too: a new span
    # overlaps one of them only if it overlaps the last one starting before its end.
    starts: list[int] = []
    ends: list[int] = []
    for cand in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        at = bisect.bisect_left(starts, cand[1])
        if at > 0 and ends[at - 1] > cand[0]:
            continue
        chosen.append(cand)
        starts.insert(at, cand[0])
        ends.insert(at, cand[1])
    return sorted(chosen, key=lambda c: c[0])


_FUTURE_WORDS = {"will", "shall", "'ll", "wo", "going", "plan", "plans", "planned", "expect", "expects",
                 "expected", "scheduled", "due", "set", "intend", "intends", "slated", "upcoming", "to"}


def _tense(doc: Doc, start: int, end: int) -> str | None:
    """Whether the clause holding a date speaks of the future or the past (None: cannot say)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(6):  # walk up to the governing verb
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    markers = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    head = token.head
    if token.tag_ == "VB" and token.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in markers) and (
            head.tag_ == "VBD" or head.tag_ == "VBN" and any(c.tag_ == "VBD" for c in head.children
                                                             if c.dep_ in ("aux", "auxpass"))):
        return None  # "he was asked to break the news on Dec. 18": a future seen from the past
    if any(c.lower_ in _FUTURE_WORDS or c.lower_ == "would" for c in markers) or token.lower_ in _FUTURE_WORDS:
        return "future"
    if token.tag_ == "VB" and any(c.lower_ == "to" for c in markers):
        return "future"
    past = token.tag_ in ("VBD",) or any(c.tag_ == "VBD" or c.lower_ in ("has", "have", "had") for c in markers) \
        or token.tag_ == "VBN" and not markers
    if past and _under_a_future(token):
        return None  # "would be infused when they opened on Friday": a future seen from the past
    return "past" if past else None


def _under_a_future(verb) -> bool:
    """Whether a clause hangs (as a time clause, a relative or a complement) on a verb that
    speaks of the future ("will", "would", "is to")."""
    token = verb
    for _ in range(4):
        if token.head is token or token.dep_ not in ("advcl", "relcl", "ccomp", "xcomp", "conj"):
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX") and (
                token.lower_ in _FUTURE_WORDS and token.lower_ != "to" or any(
                    c.dep_ in ("aux", "auxpass") and (c.lower_ in ("will", "would", "'ll", "wo", "shall")) for c in token.children)):
            return True
    return False


def _end_runs_on_the_named_day(doc: Doc, runs: list[dict], found: list[dict]) -> None:
    """'Stocks fell on Monday for a third straight day': the run ends on the day its sentence
    names (the nearest day-precision date of the sentence), else on the reference day."""
    if not runs:
        return
    sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") \
        else [(0, len(doc.text))]
    for run in runs:
        lo, hi = next(((a, b) for a, b in sentences if a <= run["start"] < b), (0, len(doc.text)))
        days = [r for r in found if r is not run and r["precision"] == "day" and lo <= r["start"] < hi
                and r not in runs]
        if not days:
            continue
        day = dt.date.fromisoformat(min(days, key=lambda r: abs(r["start"] - run["start"]))["value"][:10])
        unit = run["precision"]
        resolved = _this_unit(day, unit, 0) if unit in ("day", "week", "month", "quarter", "year") else None
        if resolved is not None:
            run["value"], run["precision"] = resolved


def _anaphora(text: str, found: list[dict]) -> list[dict]:
    """'the day', 'the same day', 'that day': the day-precision date last mentioned before it."""
    out = []
    taken = [(r["start"], r["end"]) for r in found]
    for m in _ANAPHORA.finditer(text):
        start, end = m.span()
        if any(start < e and s < end for s, e in taken):
            continue
        previous = [r for r in found if r["end"] <= start and r["precision"] == "day"]
        value = previous[-1]["value"][:10] if previous else None  # the day, not its morning
        out.append({"text": m.group(), "start": start, "end": end, "value": value,
                    "precision": "day" if value else None})
    return out
