"""number-format: Spanish number, time and date conventions left in English copy."""
from __future__ import annotations

import bisect

from decimal import Decimal

import regex

from lintnews.lazy import LazyPattern
from lintnews import Invalid, Rule, Severity, Valid
from lintnews.document import TIMEOUT

# A number as written: digits with inner dots or commas. It must not touch a
# letter, another number, a time or a range on its left.
NUMBER = LazyPattern(
    r"(?<![\p{L}\p{N}.,:/\-–_#@])\d(?:[\d.,]*\d)?(?![\p{L}\p{N}])(?![.,:]\d)", regex.V1)
SPACE = " \u00a0\u202f"
WORD_AFTER = LazyPattern(r"[ \u00a0\u202f]*(%|[\p{L}°][\p{L}\p{M}’'\-]*)", regex.V1)
SPANISH_MAG = LazyPattern(
    r"[ \u00a0]+(?P<w>mil[ \u00a0]+millones|millones|millón|millon|billones|billón|billon|mil"
    r"|thousand[ \u00a0]+millions?)(?![\p{L}\p{N}])", regex.V1 | regex.IGNORECASE)
ENGLISH_MAG = LazyPattern(r"[ \u00a0]+(?P<w>thousand|million|billion|trillion)(?![\p{L}\p{N}])",
                            regex.V1 | regex.IGNORECASE)
NOT_AMOUNT_BEFORE = LazyPattern(
    r"(?:version|v|article|articles|section|no|nos|number|chapter|rule|law|decree|resolution|ip)\.?\s*$",
    regex.V1 | regex.IGNORECASE)

# 24-hour clock: `15:00 hours`, `at 15:30`, `a las 21 horas` → `at 21 hours`.
TIME = LazyPattern(
    r"(?<![\p{N}:.,])(?P<h>[01]?\d|2[0-4])(?::(?P<m>[0-5]\d))(?![\p{N}]|:\d|[.,]\d)"
    r"(?P<suffix>[ \u00a0]*(?:hours|hrs|hr|h)\b\.?)?", regex.V1)
TIME_HOURS = LazyPattern(
    r"(?<=\b(?:at|from|until|till|to|before|after|by|since)[ \u00a0])(?P<h>1[3-9]|2[0-3]|0?0)"
    r"[ \u00a0]+(?P<suffix>hours|hrs)\b(?![ \u00a0]+(?:ago|later|earlier|long|of|and|or|a|per|each|every|before|after))",
    regex.V1 | regex.IGNORECASE)
TIME_PREP = LazyPattern(
    r"(?:\b(?:at|from|until|till|to|by|before|after|around|about|since|between|and|or|of|the)|[-–—(])"
    r"[ \u00a0]*$", regex.V1 | regex.IGNORECASE)
TIME_TAIL_SKIP = LazyPattern(
    r"[ \u00a0]*(?:minutes?|mins?|seconds?|secs?|GMT|UTC|Z\b|a\.?m\.?|p\.?m\.?|[-–]\d)",
    regex.V1 | regex.IGNORECASE)

MONTHS = ("january february march april may june july august september october november december")
_MONTH_NAMES = tuple(m.capitalize() for m in MONTHS.split())
# The hours TIME_HOURS reads: it runs only from a number (found by NUMBER) that is one.
_TIME_HOURS_H = frozenset(["0", "00", *map(str, range(13, 24))])
THOUSAND_MILLION = LazyPattern(r"(?<![\p{L}])(?i:a|one)[ \u00a0]+(thousand[ \u00a0]+millions?)(?![\p{L}])",
                               regex.V1)

# What must follow a number's spaces for SPANISH_MAG / ENGLISH_MAG to match
# (case-folded, as the patterns fold case), and what must end the few
# characters before it for NOT_AMOUNT_BEFORE to.
_SPANISH_STARTS = ("millones", "millón", "millon", "billones", "billón", "billon", "thousand")
_ENGLISH_WORDS = ("thousand", "million", "billion", "trillion")
_NOT_AMOUNT_WORDS = ("version", "v", "article", "articles", "section", "no", "nos", "number", "chapter",
                     "rule", "law", "decree", "resolution", "ip")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
DATE_DAY_OF = LazyPattern(
    rf"(?<![\p{{L}}\p{{N}}])(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \u00a0]+of[ \u00a0]+"
    rf"(?P<mon>{'|'.join(m.capitalize() for m in MONTHS.split())})(?![\p{{L}}’'])"
    rf"(?:(?:[ \u00a0]+of|,)?[ \u00a0]+(?P<y>1\d{{3}}|20\d{{2}})(?![\p{{N}}]))?", regex.V1)
DATE_MONTH_DAY_OF = LazyPattern(
    rf"(?<![\p{{L}}])(?P<mon>{'|'.join(m.capitalize() for m in MONTHS.split())})[ \u00a0]+"
    rf"(?P<d>[1-9]|[12]\d|3[01])[ \u00a0]+of[ \u00a0]+(?P<y>1\d{{3}}|20\d{{2}})(?![\p{{N}}])", regex.V1)
DATE_MONTH_OF_YEAR = LazyPattern(
    rf"(?<![\p{{L}}])(?P<mon>{'|'.join(m.capitalize() for m in MONTHS.split())})"
    rf"[ \u00a0]+of[ \u00a0]+(?P<y>1\d{{3}}|20\d{{2}})(?![\p{{N}}])", regex.V1)


def _folded(s: str) -> str:
    """Case-folded as the patterns fold case (they also match "İ" to "i")."""
    return s.replace("İ", "i").casefold()


def _line_windows(text: str, hits) -> list[tuple[int, int]]:
    """The lines (start, end without the newline) holding the offsets ``hits``,
    in text order, each once. No date pattern matches across a line break, so
    one run over these lines finds what it finds in the whole text."""
    out: list[tuple[int, int]] = []
    last_end = -1
    for i in hits:
        if i <= last_end:
            continue
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        if end == -1:
            end = len(text)
        out.append((start, end))
        last_end = end
    return out


def _clock_colon(text: str) -> bool:
    """Whether a ":" is followed by 0-5, as in every match of TIME."""
    i = text.find(":")
    while i != -1:
        if text[i + 1:i + 2] in ("0", "1", "2", "3", "4", "5"):
            return True
        i = text.find(":", i + 1)
    return False


def _may_be_digit(c: str) -> bool:
    """False only for a character surely not \\d (any non-ASCII one may be)."""
    return c in "0123456789" if c.isascii() else True


def _of_hints(text: str) -> list[int]:
    """Offsets of each "of" a date pattern can match around: between spaces,
    after a day ("10 of", "10th of") before a month name, or after a day or
    a month name before a year ("1", "2")."""
    out = []
    n = len(text)
    i = text.find("of")
    while i != -1:
        j = i + 2
        k = i
        while k > 0 and text[k - 1] in " \u00a0":
            k -= 1
        if k < i and j < n and text[j] in " \u00a0":
            while j < n and text[j] in " \u00a0":
                j += 1
            day = _may_be_digit(text[k - 1:k])
            if text.startswith(_MONTH_NAMES, j):
                if day or text[k - 2:k] in ("st", "nd", "rd", "th"):
                    out.append(i)
            elif text[j:j + 1] in ("1", "2") and (day or text.endswith(_MONTH_NAMES, 0, k)):
                out.append(i)
        i = text.find("of", i + 1)
    return out


def _fmt_int(s: str) -> str:
    s = s.lstrip("0") or "0"
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return ",".join(out)


def _fmt_decimal(value: Decimal) -> str:
    """English form of a value: thousands commas, no trailing zeros."""
    text = format(value.normalize(), "f")
    if "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0")
    else:
        whole, frac = text, ""
    return _fmt_int(whole) + ("." + frac if frac else "")


def _word_after(text: str, pos: int) -> tuple[str, int] | None:
    """WORD_AFTER's group 1 and end at ``pos``, or None; read by hand while
    the characters are ASCII (the pattern decides for any other letter)."""
    n = len(text)
    k = pos
    while k < n and text[k] in SPACE:
        k += 1
    if k == n:
        return None
    c = text[k]
    if c == "%":
        return "%", k + 1
    if c not in _ASCII_LETTERS:
        if c.isascii():
            return None
        m = WORD_AFTER.match(text, pos, timeout=TIMEOUT)
        return (m.group(1), m.end()) if m else None
    e = k + 1
    while e < n and (text[e] in _ASCII_LETTERS or text[e] in "'-"):
        e += 1
    if e < n and not text[e].isascii():
        m = WORD_AFTER.match(text, pos, timeout=TIMEOUT)
        return (m.group(1), m.end()) if m else None
    return text[k:e], e


class _Spans:
    """Non-overlapping spans already reported, kept sorted: each check is a bisect."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.starts, s)
        if i and self.ends[i - 1] > s:
            return False
        return not (i < len(self.starts) and self.starts[i] < e)

    def add(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_right(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])


class NumberFormat(Rule):
    id = "number-format"
    category = "number-format"
    severity = Severity.WARNING
    summary = "Spanish number, time and date formats: `16,8 billion`, `1.500 people`, `35 %`, `15:00 hours`"
    doc = """
    ## What it catches
    - a decimal comma: `12,4 billion` → `12.4 billion`, `20,6295 pesos` →
      `20.6295 pesos`, `6,75 %` → `6.75%`;
    - a dot between thousands: `1.500 people` → `1,500 people`,
      `380.000 families` → `380,000 families`. A dot before exactly three
      digits is read as a thousands separator only when the context says so:
      several dot groups (`1.500.000`), a count noun or a currency after it,
      or a round group before `million` (`3.700 million`). `1.375%`, `4.250%`
      and `1.625 million` are left alone;
    - thousands of millions, the Spanish `mil millones`: `3.700 million` or
      `27,900 million` → `3.7 billion`, `27.9 billion`;
    - a space after a currency symbol or before a percent sign: `$ 27` →
      `$27`, `35 %` → `35%`; a redundant `$` before `… pesos`, and
      `58.4 billion dollars` → `$58.4 billion` when the amount is rewritten;
    - Spanish magnitude words left in the text: `11 mil` → `11,000`,
      `3 mil millones` → `3 billion`, `a thousand million` → `a billion`;
      `billón`/`billones` (a million million: an English *trillion*) is
      flagged without a fix;
    - a 24-hour clock (`15:00 hours`, `at 21:30`, `at 15 hours`) where the
      house style uses a.m./p.m. (`3 p.m.`, `9:30 p.m.`, `noon`, `midnight`);
    - Spanish date order: `10 of October` → `Oct. 10`, `October 10 of 2024`
      → `Oct. 10, 2024`, `March of 2027` → `March 2027`.

    ## Why
    Spanish writes `1.500,5` where English writes `1,500.5`, calls a thousand
    million `mil millones` and a million million `un billón`, and dates
    `10 de octubre`. Machine translation copies the figures as they are: the
    reader then sees a number a thousand times too small or too large.

    ## Not flagged
    English thousands (`1,500`, `130,000%`), decimals (`3.5%`, `20.80 pesos`,
    `7.7 million`, `US$11.6 billion`), scores (`6-4`), 12-hour times (`8:14`,
    `11:05 p.m.`), GMT/UTC times, durations (`17:35 minutes`), numbers after
    `version`, `Article`, `No.`; spelled-out numbers.

    ## House style
    Keys read from the house style (defaults per style in the `numbers`
    pack: AP and Reuters): `clock` (`"12-hour"`, or `"24-hour"` to leave
    times alone), `time-am` / `time-pm` (`"a.m."`, `"p.m."`), `date-order`
    (`"month-day"` or `"day-month"`), `month-abbreviations` (a table such as
    `{ October = "Oct." }`; AP: `Oct. 10`, Reuters: `Oct 10`).

    ## Example
    `The bank raised its rate to 6,75 %.` → `The bank raised its rate to 6.75%.`

    ## Fix safety
    Safe where the reading is certain: the figure keeps its value and only its
    notation changes (decimal comma before a unit, thousands dots, spaced
    signs, thousands of millions, date order). Unsafe where a reading is
    chosen: a bare decimal comma with no unit after it, `mil` → thousand, and
    24-hour times. `billón` gets no fix: whether the translator meant a
    trillion is for the editor to check against the source.
    """
    examples = [
        Valid("About 1,500 people marched, up 3.5% from last year.\n"),
        Valid("The peso closed at 20.80 pesos per dollar, and exports reached US$11.6 billion.\n"),
        Valid("Nadal won 6-4, 6-3, and the second match ended 2-1 at 8:14 p.m.\n"),
        Valid("Prices rose 130,000% in a decade, and the city has 7.7 million people.\n"),
        Valid("It was 40 degrees Celsius (104 degrees Fahrenheit) on Oct. 10.\n"),
        Valid("The bill passed with 87 of the 130 lawmakers. Fifty-five voted against it.\n"),
        Valid("The 10-year yield rose to 4.250%, and output reached 1.625 million barrels.\n"),
        Valid("The warning was issued at 6:48 in the morning and lifted at 1400 GMT.\n"),
        Valid("The company will open 3 of October's 10 new stores in Lima.\n"),
        Valid("The law took effect in March 2023, under Article 1.100 of the code.\n"),
        Valid("He ran the marathon in 2:05:30 and the mile in 17:35 minutes.\n"),
        Valid("Markets closed at 1600 GMT; the first results came at 16:30 GMT.\n"),
        Invalid("Sales rose 3,8 % in the first half.\n",
                fixed="Sales rose 3.8% in the first half.\n", flagged="3,8 %"),
        Invalid("The city ordered 2,7 million textbooks.\n",
                fixed="The city ordered 2.7 million textbooks.\n", flagged="2,7 million"),
        Invalid("The dollar closed at 20,6295 pesos.\n", fixed="The dollar closed at 20.6295 pesos.\n"),
        Invalid("More than 6.300 farms lost crops.\n",
                fixed="More than 6,300 farms lost crops.\n", flagged="6.300"),
        Invalid("Imports reached US$ 3.700 million last year.\n",
                fixed="Imports reached US$3.7 billion last year.\n", flagged="US$ 3.700 million"),
        Invalid("Its reserves rose to 58.400 million dollars.\n", fixed="Its reserves rose to $58.4 billion.\n"),
        Invalid("It posted a profit of 27,900 million pesos.\n", fixed="It posted a profit of 27.9 billion pesos.\n"),
        Invalid("It owes more than $ 250.000 million pesos.\n", fixed="It owes more than 250 billion pesos.\n"),
        Invalid("Ridership grew 17 % on the year.\n", fixed="Ridership grew 17% on the year.\n"),
        Invalid("Tickets cost $ 27 each.\n", fixed="Tickets cost $27 each.\n"),
        Invalid("Some 1.500.000 people voted.\n", fixed="Some 1,500,000 people voted.\n"),
        Invalid("The plan costs 12,4 mil millones of pesos.\n",
                fixed="The plan costs 12.4 billion of pesos.\n"),
        Invalid("The debt is 2 billones pesos.\n", fixed=None, flagged="2 billones"),
        Invalid("The crowd reached 11 mil people.\n", fixed="The crowd reached 11,000 people.\n", unsafe=True),
        Invalid("The summit opens on 10 of October in Lima.\n",
                fixed="The summit opens on Oct. 10 in Lima.\n", flagged="10 of October"),
        Invalid("The summit opens on 10 of October in Lima.\n",
                fixed="The summit opens on Oct 10 in Lima.\n", style="reuters"),
        Invalid("His contract ends in March of 2027.\n", fixed="His contract ends in March 2027.\n"),
        Invalid("The vote was held on October 10 of 2024.\n", fixed="The vote was held on Oct. 10, 2024.\n"),
        Invalid("The march will start at 15:00 hours in the plaza.\n",
                fixed="The march will start at 3 p.m. in the plaza.\n", unsafe=True, flagged="15:00 hours"),
        Invalid("The session resumed at 21:30.\n", fixed="The session resumed at 9:30 p.m.\n", unsafe=True),
        Invalid("Polls close at 18 hours on Sunday.\n", fixed="Polls close at 6 p.m. on Sunday.\n", unsafe=True),
        Invalid("The fund lent a thousand million dollars.\n", fixed="The fund lent a billion dollars.\n"),
    ]

    # -- setup --------------------------------------------------------------------
    def _data(self):
        pack = self.pack("numbers")
        data = {
            "mags": {w.lower() for w in pack.get("magnitudes", [])},
            "currency_words": {w.lower() for w in pack.get("currency-words", [])},
            "count": {w.lower() for w in pack.get("count-nouns", [])},
            "decimal": {w.lower() for w in pack.get("decimal-context", [])},
            "prefixes": sorted(pack.get("currency-prefixes", []), key=len, reverse=True),
        }
        # A currency prefix can end before a number only where one of these is.
        data["prefix_ends"] = frozenset(p[-1] for p in data["prefixes"] if p)
        return data

    def _house(self, key, default):
        value = self.style.get(key)
        if value is not None:
            return value
        defaults = self.pack("numbers").get("style-defaults", {})
        name = (getattr(self.style, "name", "") or "ap").lower()
        return defaults.get(name, defaults.get("ap", {})).get(key, default)

    # -- check --------------------------------------------------------------------
    def check(self, doc):
        data = self._data()
        text = doc.text
        taken = _Spans()
        free = taken.free

        hours = []  # where TIME_HOURS can match: its hour is a number
        for m in NUMBER.finditer(text, timeout=TIMEOUT):
            if m.group() in _TIME_HOURS_H:
                hours.append(m.span())
            f = self._amount(doc, m, data)
            if f is not None and free(f.start, f.end):
                taken.add((f.start, f.end))
                yield f
        for m in ("thousand" in text and THOUSAND_MILLION.finditer(text, timeout=TIMEOUT) or ()):
            s, e = m.span(1)
            if free(s, e):
                taken.add((s, e))
                yield self.finding(s, e, "\"thousand million\" is a billion in English",
                                   self.replace(s, e, "billion", "write \"billion\""))
        if self._house("clock", "12-hour") != "24-hour":
            for f in self._times(doc, hours):
                if free(f.start, f.end):
                    taken.add((f.start, f.end))
                    yield f
        for f in self._dates(doc):
            if free(f.start, f.end):
                taken.add((f.start, f.end))
                yield f

    # -- amounts ------------------------------------------------------------------
    def _amount(self, doc, m, data):
        text = doc.text
        num = m.group()
        ns, ne = m.span()
        if self._not_amount_before(text, ns):
            return None
        # What precedes: a currency prefix, maybe followed by a space.
        cur, cur_start, cur_space = "", ns, False
        j = ns
        while j > 0 and text[j - 1] in SPACE and ns - j < 2:
            j -= 1
        if j > 0 and text[j - 1] in data["prefix_ends"]:
            for p in data["prefixes"]:
                k = j - len(p)
                if k >= 0 and text.startswith(p, k):
                    if k == 0 or not text[k - 1].isalnum():
                        cur, cur_start, cur_space = p, k, j != ns
                    break
        if cur and cur_space and cur[-1].isalpha():
            cur_space = False  # "USD 40" is the code's normal form
        # What follows.
        pos = ne
        pct_space = False
        pct = False
        # The spaces after the number, read by hand: then a "%", or the first
        # letters the magnitude patterns need before they run.
        k = pos
        while k < len(text) and text[k] in SPACE:
            k += 1
        if text.startswith("%", pos):
            pct, pos = True, pos + 1
        elif k > pos and text.startswith("%", k):
            pct, pct_space, pos = True, True, k + 1
        mag, mag_end, spanish_mag = "", pos, ""
        if not pct and k > pos:
            head = _folded(text[k:k + 8])
            sm = (head.startswith(_SPANISH_STARTS) or (head.startswith("mil") and not (
                head[3:4].isascii() and head[3:4].isalnum()))) and SPANISH_MAG.match(text, pos, timeout=TIMEOUT)
            if sm:
                spanish_mag = " ".join(sm["w"].lower().split())
                mag_end = sm.end()
            elif head.startswith(_ENGLISH_WORDS):
                em = self._english_mag(text, pos)
                if em:
                    mag, mag_end = text[em[0]:em[1]].lower(), em[1]
        after = _word_after(text, mag_end if (mag or spanish_mag) else pos)
        next_word = after[0].lower() if after else ""
        unit, unit_end = "", mag_end
        if next_word in data["currency_words"]:
            unit, unit_end = next_word, after[1]

        # Read the figure.
        problems: list[str] = []
        safe = True
        value: Decimal | None = None
        digits = num.replace(".", "").replace(",", "")
        seps = [c for c in num if c in ".,"]
        groups = num.replace(",", ".").split(".")
        three = len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        new_num = num
        if not seps:
            value = Decimal(num)
        elif three and set(seps) == {","}:
            value = Decimal(digits)  # English thousands
        elif three and set(seps) == {"."}:
            lead_zero = groups[0] == "0" or (groups[0].startswith("0"))
            spanish = False
            if lead_zero:
                spanish = False
            elif len(seps) > 1:
                spanish = True
            elif pct or next_word in data["decimal"]:
                spanish = False
            elif mag or spanish_mag:
                spanish = groups[-1].endswith("0")
            elif cur or unit or next_word in data["count"]:
                spanish = True
            elif next_word and next_word[:1].islower() and next_word.isalpha():
                spanish = True
            else:
                spanish = groups[-1].endswith("00")
            if not spanish:
                return None
            value = Decimal(digits)
            problems.append("a dot between thousands is Spanish")
            new_num = _fmt_int(digits)
        elif seps[-1] == "," and seps.count(",") == 1 and (len(groups[-1]) != 3 or not three):
            whole = num[: num.rindex(",")]
            frac = groups[-1]
            wg = whole.split(".")
            if "," in whole or (len(wg) > 1 and not all(len(g) == 3 for g in wg[1:])):
                return None
            if len(frac) == 3:
                return None
            value = Decimal(whole.replace(".", "") + "." + frac)
            problems.append("a decimal comma is Spanish")
            new_num = _fmt_int(whole.replace(".", "")) + "." + frac
            if not (pct or mag or spanish_mag or unit or cur or next_word in data["count"]
                    or next_word in data["decimal"]):
                safe = False
        else:
            return None

        # The magnitude.
        new_mag = mag
        if spanish_mag in ("billones", "billón", "billon"):
            s = cur_start if cur else ns
            return self.finding(s, mag_end, f"\"{text[ns:mag_end].split()[-1]}\" is Spanish for a million"
                                " million (an English trillion): check the source figure", None)
        if spanish_mag:
            problems.append(f"\"{spanish_mag}\" is Spanish")
            if spanish_mag in ("mil millones",) or spanish_mag.startswith("thousand"):
                new_mag = "billion"
            elif spanish_mag in ("millones", "millón", "millon"):
                new_mag = "million"
            elif spanish_mag == "mil":
                # "11 mil" = 11,000
                value = value * 1000
                new_num = _fmt_decimal(value)
                new_mag = ""
                safe = False
        if new_mag == "million" and value is not None and value >= 1000:
            value = value / 1000
            new_num = _fmt_decimal(value)
            new_mag = "billion"
            problems.append("thousands of millions are billions")
        if pct_space:
            problems.append("no space before %")
        if cur and cur_space and not (cur == "$" and unit and unit not in ("dollars", "dollar")):
            problems.append(f"no space after {cur}")
        if cur == "$" and unit and unit not in ("dollars", "dollar") and cur_space:
            problems.append(f"\"$\" repeats the currency \"{unit}\"")
        if not problems:
            return None

        # Rebuild the amount.
        prefix = cur
        drop_unit = False
        if cur == "$" and unit and unit not in ("dollars", "dollar"):
            prefix = ""  # "$ 400 million pesos": the $ is the peso sign
        elif cur and unit in ("dollars", "dollar"):
            drop_unit = True
        elif not cur and unit in ("dollars", "dollar"):
            prefix, drop_unit = "$", True
        out = prefix + new_num
        if pct:
            out += "%"
        if new_mag:
            out += " " + new_mag
        start = cur_start if cur else ns
        end = mag_end if (mag or spanish_mag) else pos
        if drop_unit:
            end = unit_end
        message = "; ".join(problems)
        original = text[start:end]
        if out == original:
            return None
        return self.finding(start, end, f"{message}: write \"{out}\"",
                            self.replace(start, end, out, f"write \"{out}\"", safe=safe))

    @staticmethod
    def _not_amount_before(text: str, ns: int) -> bool:
        """NOT_AMOUNT_BEFORE over the 12 characters before a number, run only
        when they end with one of its words (then a full stop and spaces)."""
        lo = max(0, ns - 12)
        j = ns
        while j > lo and text[j - 1].isspace():
            j -= 1
        if j > lo and text[j - 1] == ".":
            j -= 1
        if not _folded(text[max(lo, j - 10):j]).endswith(_NOT_AMOUNT_WORDS):
            return False
        return NOT_AMOUNT_BEFORE.search(text, lo, ns, timeout=TIMEOUT) is not None

    @staticmethod
    def _english_mag(text: str, pos: int) -> tuple[int, int] | None:
        """The span of ENGLISH_MAG's word when it matches at ``pos``; the
        pattern itself decides only before a character that is not ASCII."""
        k = pos
        while k < len(text) and text[k] in " \u00a0":
            k += 1
        if k == pos:
            return None
        for w in _ENGLISH_WORDS:
            e = k + len(w)
            if _folded(text[k:e]) == w:
                nxt = text[e:e + 1]
                if not nxt.isascii():
                    em = ENGLISH_MAG.match(text, pos, timeout=TIMEOUT)
                    return em.span("w") if em else None
                return None if nxt.isalnum() else (k, e)
        return None

    # -- times --------------------------------------------------------------------
    def _clock(self, h: int, m: int) -> str:
        am, pm = self._house("time-am", "a.m."), self._house("time-pm", "p.m.")
        if m == 0 and h == 12:
            return "noon"
        if m == 0 and h in (0, 24):
            return "midnight"
        suffix = am if h % 24 < 12 else pm
        h12 = h % 12 or 12
        return f"{h12}{':%02d' % m if m else ''} {suffix}"

    def _times(self, doc, hours):
        text = doc.text
        for m in (_clock_colon(text) and TIME.finditer(text, timeout=TIMEOUT) or ()):
            h, mi = int(m["h"]), int(m["m"])
            if TIME_TAIL_SKIP.match(text, m.end(), timeout=TIMEOUT):
                continue
            if not m["suffix"] and not (h >= 13 or h == 0):
                continue
            if not m["suffix"] and not TIME_PREP.search(text, max(0, m.start() - 12), m.start(),
                                                         timeout=TIMEOUT):
                continue  # "Matthew 19:14", a ratio: only a clock time after "at", "from", "until"…
            if h == 24 and mi:
                continue
            end = m.end()
            new = self._clock(h, mi)
            if text[m.start():end].endswith("."):
                end -= 1  # "hrs." at a sentence end: the full stop ends the sentence
            if new.endswith(".") and text.startswith(".", end):
                end += 1  # "at 21:30." → "at 9:30 p.m."
            yield self.finding(m.start(), end, f"24-hour time: the house style writes \"{new}\"",
                               self.replace(m.start(), end, new, f"write \"{new}\"", safe=False))
        for s, e in hours:
            # "<hour> hours": after the spaces an "h" ("H" is the only other
            # letter the pattern's case folding reads as one).
            k = e
            while k < len(text) and text[k] in " \u00a0":
                k += 1
            m = k > e and text[k:k + 1] in ("h", "H") and TIME_HOURS.match(text, s, timeout=TIMEOUT)
            if not m:
                continue
            h = int(m["h"])
            new = self._clock(h, 0)
            end = m.end()
            if new.endswith(".") and text.startswith(".", end):
                end += 1
            yield self.finding(m.start(), end, f"24-hour time: the house style writes \"{new}\"",
                               self.replace(m.start(), end, new, f"write \"{new}\"", safe=False))

    # -- dates --------------------------------------------------------------------
    def _month(self, month: str, with_day: bool) -> str:
        if not with_day:
            return month
        abbrs = self._house("month-abbreviations", {}) or {}
        return abbrs.get(month, month)

    def _date(self, month: str, day: str, year: str | None) -> str:
        mon = self._month(month, True)
        if self._house("date-order", "month-day") == "day-month":
            return f"{day} {month}" + (f" {year}" if year else "")
        return f"{mon} {day}" + (f", {year}" if year else "")

    def _dates(self, doc):
        text = doc.text
        # Each date pattern holds "of" between spaces before a month name or a year.
        lines = _line_windows(text, _of_hints(text))
        for m in (m for s, e in lines for m in DATE_DAY_OF.finditer(text, s, e, timeout=TIMEOUT)):
            new = self._date(m["mon"], m["d"], m["y"])
            yield self.finding(m.start(), m.end(), f"Spanish date order: write \"{new}\"",
                               self.replace(m.start(), m.end(), new, f"write \"{new}\""))
        for m in (m for s, e in lines for m in DATE_MONTH_DAY_OF.finditer(text, s, e, timeout=TIMEOUT)):
            new = self._date(m["mon"], m["d"], m["y"])
            yield self.finding(m.start(), m.end(), f"Spanish date form: write \"{new}\"",
                               self.replace(m.start(), m.end(), new, f"write \"{new}\""))
        for m in (m for s, e in lines for m in DATE_MONTH_OF_YEAR.finditer(text, s, e, timeout=TIMEOUT)):
            new = f"{m['mon']} {m['y']}"
            yield self.finding(m.start(), m.end(), f"\"{m.group()}\" copies the Spanish \"de\": write \"{new}\"",
                               self.replace(m.start(), m.end(), new, f"write \"{new}\""))
