"""Finding timescale words in free text, and what each could mean.

Documents state timescales in many ways ("within five working days",
"fortnightly", "48hrs", "as a minimum monthly", "by the 4-month review"). This
finder spots them in a statement's text so that the checks can ask whether
every one is read by a rule (or listed as not a rule, with the reason), and
whether each rule's timescale says what its words say. It is deliberately
generous: it would rather find a phrase that needs a ``not_rules`` entry than
miss a timescale.

>>> [p.words for p in find_phrases("Visits are weekly, recorded within 48hrs and reviewed every six months.")]
['weekly', '48hrs', 'six months']
"""  # noqa: E501

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from compiler.timescale.counts import INTERVALS
from compiler.timescale.model import Count, Deadline, Duration, Once, Recurrence, Timescale

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
    "sixty": 60,
}  # fmt: skip

Reading = tuple[str, int]
"""What a phrase could mean, comparable across units: ``("days", 14)``, ``("months", 1)``."""

_NUMBER = r"(?P<number>\d+(?:\s*½)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_UNIT = (
    r"(?P<working>working[\s-]+)?"
    r"(?P<unit>hours?|hrs?|days?|weeks?|months?|years?)"
)
_PATTERNS = (
    # an amount of a unit: "5 working days", "48hrs", "one month", "4-month", "1 ½ hours"
    rf"(?<![\w£$])(?<!aged\s)(?<!over\s)(?<!under\s)(?<!past\s)"
    rf"{_NUMBER}[\s-]*(?P<clear>clear\s+)?{_UNIT}\b(?!\s+old)(?!\s+of\s+age)",
    # "the first week", "within the first month"
    r"\bfirst\s+(?P<first>week|month|year)\b",
    # frequency words: "fortnightly", "4 weekly", "six-monthly", "annually", "each year"
    r"\b(?:(?P<count>\d+|"
    + "|".join(w for w in NUMBER_WORDS if w not in ("a", "an"))
    + r")[\s-]+)?"
    r"(?P<adverb>daily|weekly|fortnightly|monthly|quarterly|annually|yearly)\b",
    r"\b(?:each|every)\s+(?P<each>day|week|fortnight|month|year)\b",
    # counts: "twice a month", "once a week"
    r"\b(?:at\s+least\s+)?(?P<times>once|twice|one|(?:\d+|two|three|four)\s+times)\s+"
    r"(?:a|per|each|every)\s+"
    r"(?:calendar\s+)?(?P<per>week|month|year)\b",
    # one-off minimums: "seen once as a minimum", "at least once"
    r"\b(?P<once>at\s+least\s+once(?!\s+(?:every|each|a|per)\b)|once\s+as\s+a\s+minimum)\b",
)
_FINDER = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


@dataclass(frozen=True)
class Phrase:
    """Timescale words found in a text: where they are, and every reading they could have."""

    words: str
    start: int
    end: int
    readings: frozenset[Reading]


def find_phrases(text: str) -> list[Phrase]:
    """Every timescale phrase in ``text``, in order (see the module's example)."""
    return [
        Phrase(match.group(0), match.start(), match.end(), _readings(match))
        for match in _FINDER.finditer(text)
    ]


def _amount(word: str | None) -> int:
    if word is None:
        return 1
    word = word.lower().replace(" ", "")
    if "½" in word:
        return math.ceil(float(word.replace("½", "")) + 0.5)
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word, NUMBER_WORDS.get(word.split("times")[0], 1))


def _readings(match: re.Match[str]) -> frozenset[Reading]:
    groups = match.groupdict()
    if groups["unit"]:
        unit = groups["unit"].lower().rstrip("s")
        unit = {"hr": "hour"}.get(unit, unit)
        if groups["working"]:
            unit = f"working_{unit}"
        clear = 1 if groups["clear"] else 0  # "5 clear days before": one day more
        return frozenset({_reading(_amount(groups["number"]) + clear, unit)})
    if groups["first"]:
        return frozenset({_reading(1, groups["first"].lower())})
    if groups["adverb"]:
        amount = _amount(groups["count"])
        adverb = groups["adverb"].lower()
        if adverb == "monthly":
            if groups["count"]:
                return frozenset({_reading(amount, "month")})
            return frozenset({_reading(1, "month"), _reading(4, "week")})
        unit, factor = {
            "daily": ("day", 1),
            "weekly": ("week", 1),
            "fortnightly": ("week", 2),
            "quarterly": ("month", 3),
            "annually": ("year", 1),
            "yearly": ("year", 1),
        }[adverb]
        return frozenset({_reading(amount * factor, unit)})
    if groups["each"]:
        each = groups["each"].lower()
        if each == "fortnight":
            return frozenset({_reading(2, "week")})
        if each == "month":
            return frozenset({_reading(1, "month"), _reading(4, "week")})
        return frozenset({_reading(1, each)})
    if groups["times"]:
        times = 2 if groups["times"].lower() == "twice" else _amount(groups["times"])
        per = groups["per"].lower()
        readings = {("count_per_" + per, times)}
        if per == "month" and times == 1:  # once a month: every calendar month, or 4 weeks
            readings |= {_reading(1, "month"), _reading(4, "week")}
        elif per == "month" and times == 2:  # twice a month: every 2 weeks
            readings.add(_reading(2, "week"))
        elif (per, times) in INTERVALS:  # once a week, twice a year: the interval read
            every = INTERVALS[(per, times)]
            readings.add(_reading(every.amount, every.unit))
        return frozenset(readings)
    return frozenset({("once", 1)})


def _reading(amount: int, unit: str) -> Reading:
    """A comparable reading: weeks as days, years as months, hours as whole days."""
    unit = unit.rstrip("s")
    if unit == "week":
        return ("days", amount * 7)
    if unit == "day":
        return ("days", amount)
    if unit == "year":
        return ("months", amount * 12)
    if unit == "month":
        return ("months", amount)
    if unit == "hour":
        return ("days", math.ceil(amount / 24))
    if unit == "working_hour":
        return ("working_hours", amount)
    return (unit + "s", amount)


def duration_reading(duration: Duration) -> Reading:
    """The reading of one canonical duration, in the same terms as a phrase's readings."""
    if duration.unit == "working_hours":
        return ("working_hours", duration.amount)
    return _reading(duration.amount, duration.unit.rstrip("s"))


def timescale_readings(timescale: Timescale) -> frozenset[Reading]:
    """Every amount of time (and count) a timescale states, as readings."""
    if isinstance(timescale, Deadline):
        return frozenset({duration_reading(timescale.within)})
    if isinstance(timescale, Once):
        return frozenset({("once", 1)})
    if isinstance(timescale, Count):
        per = {"calendar_month": "month"}.get(timescale.per, timescale.per)
        return frozenset({("count_per_" + per, timescale.times)})
    assert isinstance(timescale, Recurrence)
    durations = [*timescale.first, *(p.every for p in timescale.phases)]
    durations += [p.lasts for p in timescale.phases if p.lasts is not None]
    if timescale.cap is not None:
        durations.append(timescale.cap)
    return frozenset(duration_reading(d) for d in durations)
