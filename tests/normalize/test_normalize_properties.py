"""Property tests for every normaliser: no exception on any string, and the invariants of the spec.

parse_number, parse_zh, to_minutes, find_duration, fields.availability.percents, coverage windows
(fields.coverage.window_of over the window rules, read by normalize.clock) and text.clean.
"""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pytest import approx

from slaextract.fields.coverage import window_of
from slaextract.normalize.durations import find_duration, to_minutes, unit_forms
from slaextract.normalize.numbers import numeral_chars, parse_number
from slaextract.normalize.numbers import parse_numerals as parse_zh
from slaextract.normalize.percentages import percents
from slaextract.rules import default_rules
from slaextract.text.clean import FOLD, clean

settings.register_profile("normalize", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile("normalize")

# ---------------------------------------------------------------- generators

ZH_DIGITS = "零一二三四五六七八九"
ZH_FINANCIAL = "零壹贰叁肆伍陆柒捌玖"
ZH_UNITS = {"plain": ("十", "百", "千"), "financial": ("拾", "佰", "仟")}


def to_zh(n: int, financial: bool = False, liang: bool = False, short_ten: bool = True) -> str:
    """1..99,999,999 written in Chinese numerals: 10 → 十, 101 → 一百零一, 20000 → 二万, 10010 → 一万零一十."""
    digits = ZH_FINANCIAL if financial else ZH_DIGITS
    ten, hundred, thousand = ZH_UNITS["financial" if financial else "plain"]

    def below_10k(k: int, leading: bool) -> str:
        out, zero = "", False
        for value, unit in ((1000, thousand), (100, hundred), (10, ten), (1, "")):
            d = k // value % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += digits[0]
                zero = False
            if d == 2 and liang and unit in (hundred, thousand):
                word = "两"
            elif d == 1 and unit == ten and leading and not out and short_ten:
                word = ""
            else:
                word = digits[d]
            out += word + unit
        return out

    high, low = divmod(n, 10_000)
    if not high:
        return below_10k(low, True)
    text = below_10k(high, True) + "万"
    if low:
        text += (digits[0] if low < 1000 else "") + below_10k(low, False)
    return text


def full_width(text: str) -> str:
    return text.translate({cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)})


NUMERAL_CHARS = list(numeral_chars()) + list("个0123456789.,()%²١５．，")
UNIT_FORMS = sorted(unit_forms())
SYMBOLS = list(":：-–—~～至到点时半分 \n\t") + ["am", "pm", "a.m.", "p.m.", "上午", "下午", "晚上", "次日", "to"]
# Arbitrary text, and text built from the pieces the normalisers look for (more likely to reach deep code).
pieces = st.lists(st.one_of(st.sampled_from(NUMERAL_CHARS), st.sampled_from(UNIT_FORMS), st.sampled_from(SYMBOLS),
                            st.integers(0, 10**6).map(str)), max_size=30).map("".join)
any_text = st.one_of(st.text(max_size=200), pieces)


# ---------------------------------------------------------------- no exception on any string


@PROFILE
@given(any_text)
def test_parse_number_and_parse_zh_never_raise(text: str) -> None:
    for value in (parse_number(text), parse_zh(text)):
        assert value is None or isinstance(value, float)


@PROFILE
@given(any_text, st.one_of(st.sampled_from(UNIT_FORMS), any_text))
def test_to_minutes_never_raises(amount: str, unit: str) -> None:
    got = to_minutes(amount, unit)
    assert got is None or (got[0] > 0 and isinstance(got[1], bool))


@PROFILE
@given(any_text)
def test_find_duration_never_raises(text: str) -> None:
    got = find_duration(text)
    if got is not None:
        minutes, _, start, end = got
        assert minutes > 0 and 0 <= start < end <= len(text)


@PROFILE
@given(any_text)
def test_percents_never_raise(text: str) -> None:
    for value, start, end in percents(text):
        assert value >= 0 and 0 <= start < end <= len(text)


WINDOW_RULES = default_rules().get("coverage", "window")


def window_hours(m: regex.Match) -> float | None:
    """The hours of the window a rule matched, as a coverage item states them."""
    found = window_of(m)
    return round(found.hours, 2) if found is not None else None


@PROFILE
@given(any_text)
def test_window_hours_never_raises(text: str) -> None:
    clean_text = clean(text).text
    for rule in WINDOW_RULES:
        for m in rule.finditer(clean_text):
            hours = window_hours(m)
            assert hours is None or 0 < hours <= 24


# ---------------------------------------------------------------- clean: the offset map


def fold(ch: str) -> str:
    return regex.sub(r"[\r\n]", " ", ch.translate(FOLD))


raw_text = st.lists(st.one_of(st.text(max_size=5), st.sampled_from(list("中文\u3000 \n\u00ad\u200b\uff11\uff05\ufffe")),
                              ), max_size=40).map("".join)


@PROFILE
@given(raw_text, st.integers(0, 10_000))
def test_clean_maps_every_character_back_to_a_raw_one_that_folds_to_it(raw: str, raw_start: int) -> None:
    mt = clean(raw, raw_start)
    positions = [mt.to_raw(i) for i in range(len(mt.text))]
    assert positions == sorted(set(positions))  # strictly increasing: no two clean chars share a raw one
    for i, pos in enumerate(positions):
        assert raw_start <= pos < raw_start + len(raw)
        assert fold(raw[pos - raw_start]) == mt.text[i]
    if mt.text:
        s, e = mt.raw_span(0, len(mt.text))
        assert raw_start <= s < e <= raw_start + len(raw)


# ---------------------------------------------------------------- invariants


@PROFILE
@given(st.integers(0, 10**9))
def test_integers_in_any_notation(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(full_width(f"{n:,}")) == n  # full-width and half-width give the same value


@PROFILE
@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
def test_decimals_full_and_half_width(d) -> None:
    text = f"{d:f}"
    assert parse_number(text) == approx(float(d))
    assert parse_number(full_width(text)) == parse_number(text)
    assert parse_number(text.replace(".", "．")) == parse_number(text)


@PROFILE
@given(st.integers(1, 9999), st.booleans(), st.booleans(), st.booleans())
def test_chinese_numerals_round_trip(n: int, financial: bool, liang: bool, short_ten: bool) -> None:
    assert parse_zh(to_zh(n, financial, liang, short_ten)) == n
    assert parse_number(to_zh(n, financial, liang, short_ten)) == n


@PROFILE
@given(st.integers(10_000, 99_999_999))
def test_chinese_numerals_with_wan(n: int) -> None:
    assert parse_zh(to_zh(n)) == n


def test_chinese_numeral_generator_writes_the_usual_forms() -> None:
    assert [to_zh(n) for n in (1, 10, 15, 20, 101, 110, 1001, 1010, 2000, 10_000, 10_005, 120_300)] == [
        "一", "十", "十五", "二十", "一百零一", "一百一十", "一千零一", "一千零一十", "二千", "一万", "一万零五",
        "十二万零三百"]
    assert to_zh(2000, liang=True) == "两千"
    assert to_zh(15, financial=True) == "拾伍"


@PROFILE
@given(st.integers(0, 99), st.integers(0, 9))
def test_chinese_decimal_and_half(n: int, tenth: int) -> None:
    whole = to_zh(n) if n else "零"
    assert parse_zh(f"{whole}点{ZH_DIGITS[tenth]}") == approx(n + tenth / 10)
    if n:
        assert parse_zh(f"{whole}个半") == n + 0.5
    assert parse_zh("半") == 0.5


AMOUNTS = st.one_of(st.integers(1, 10_000).map(str), st.integers(1, 9999).map(to_zh),
                    st.decimals(min_value="0.1", max_value=1000, places=1).map(lambda d: f"{d:f}"))


@PROFILE
@given(AMOUNTS)
def test_hours_are_minutes_times_60(amount: str) -> None:
    minutes = to_minutes(amount, "minutes")
    assert minutes is not None
    for unit, factor in (("hours", 60), ("小时", 60), ("hour", 60), ("days", 1440), ("天", 1440), ("weeks", 10080)):
        got = to_minutes(amount, unit)
        assert got is not None and got[0] == approx(minutes[0] * factor)
    assert to_minutes(amount, "business days") == (approx(minutes[0] * 1440), True)
    assert to_minutes(full_width(amount), "小时") == to_minutes(amount, "小时")


@PROFILE
@given(st.integers(1, 500), st.integers(1, 500), st.sampled_from(["-", "–", "~", " to ", "至", "到"]),
       st.sampled_from([("minutes", 1), ("hours", 60), ("小时", 60), ("分钟", 1), ("business days", 1440)]))
def test_ranges_take_the_upper_bound(a: int, b: int, sep: str, unit: tuple[str, int]) -> None:
    low, high = sorted((a, b))
    got = find_duration(f"within {low}{sep}{high} {unit[0]}")
    assert got is not None
    assert got[0] == high * unit[1]


@PROFILE
@given(st.decimals(min_value=0, max_value=100, places=3))
def test_percent_full_and_half_width(d) -> None:
    text = f"{d:f}%"
    assert [v for v, _, _ in percents(text)] == [approx(float(d))]
    assert [v for v, _, _ in percents(clean(full_width(text)).text)] == [v for v, _, _ in percents(text)]


@PROFILE
@given(st.integers(1, 100), st.integers(0, 9))
def test_chinese_percent(n: int, tenth: int) -> None:
    text = f"百分之{to_zh(n)}" + (f"点{ZH_DIGITS[tenth]}" if tenth else "")
    assert [v for v, _, _ in percents(text)] == [approx(n + tenth / 10)]


def expected_hours(start: float, end: float) -> float:
    hours = (end - start) % 24
    return round(hours or 24, 2)


def window(language: str, text: str) -> float | None:
    (rule,) = [r for r in WINDOW_RULES if r.language == language]
    m = rule.search(clean(text).text)
    assert m is not None, text
    return window_hours(m)


clock_times = st.tuples(st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@PROFILE
@given(clock_times, clock_times, st.sampled_from(["-", "–", " to ", " until "]), st.booleans())
def test_english_window_length(start: tuple[int, int], end: tuple[int, int], sep: str, wide: bool) -> None:
    text = f"{start[0]:02d}:{start[1]:02d}{sep}{end[0]:02d}:{end[1]:02d}"
    assume(text[:5] != text[-5:])
    want = expected_hours(start[0] + start[1] / 60, end[0] + end[1] / 60)
    assert window("en", full_width(text) if wide else text) == want


@PROFILE
@given(st.integers(1, 12), st.integers(1, 12), st.booleans(), st.booleans())
def test_english_am_pm_window_length(h1: int, h2: int, pm1: bool, pm2: bool) -> None:
    def clock24(h: int, pm: bool) -> int:
        return h % 12 + (12 if pm else 0)

    start, end = clock24(h1, pm1), clock24(h2, pm2)
    assume(start != end)
    text = f"{h1} {'p.m.' if pm1 else 'a.m.'} to {h2} {'p.m.' if pm2 else 'a.m.'}"
    assert window("en", text) == expected_hours(start, end)


@PROFILE
@given(clock_times, clock_times, st.sampled_from(["-", "至", "到", "~"]), st.booleans())
def test_chinese_window_length(start: tuple[int, int], end: tuple[int, int], sep: str, wide: bool) -> None:
    assume(start != end)
    text = f"{start[0]}:{start[1]:02d}{sep}{end[0]}:{end[1]:02d}"
    want = expected_hours(start[0] + start[1] / 60, end[0] + end[1] / 60)
    assert window("zh", full_width(text) if wide else text) == want


@PROFILE
@given(st.integers(0, 23), st.integers(0, 23), st.sampled_from(["至", "到"]))
def test_chinese_hour_window_length(h1: int, h2: int, sep: str) -> None:
    assume(h1 != h2)
    assert window("zh", f"{h1}点{sep}{h2}点") == expected_hours(h1, h2)
