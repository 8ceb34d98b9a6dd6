"""Working days against hand-counted calendars (bank holidays from GOV.UK's published lists)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.caselog.workdays import WorkingCalendar

D = dt.date
ENG = WorkingCalendar("england")
WLS = WorkingCalendar("wales")
SCT = WorkingCalendar("scotland")
NIR = WorkingCalendar("northern-ireland")


def test_easter_2025_england_has_good_friday_and_easter_monday():
    assert not ENG.is_working_day(D(2025, 4, 18))  # Good Friday
    assert not ENG.is_working_day(D(2025, 4, 21))  # Easter Monday
    # Thu 17 Apr -> Tue 22 Apr: only Tuesday is a working day after the Thursday.
    assert ENG.working_days_between(D(2025, 4, 17), D(2025, 4, 22)) == 1
    # 10 working days after Thu 17 Apr: 22,23,24,25,28,29,30 Apr, 1,2 May, (5 May bank holiday), 6 May.
    assert ENG.add_working_days(D(2025, 4, 17), 10) == D(2025, 5, 6)


def test_easter_2025_scotland_has_good_friday_only():
    assert not SCT.is_working_day(D(2025, 4, 18))
    assert SCT.is_working_day(D(2025, 4, 21))  # no Easter Monday in Scotland
    assert SCT.working_days_between(D(2025, 4, 17), D(2025, 4, 22)) == 2
    assert SCT.add_working_days(D(2025, 4, 17), 10) == D(2025, 5, 2)


def test_wales_shares_england_bank_holidays():
    day = D(2024, 1, 1)
    for _ in range(3 * 366):
        assert WLS.is_working_day(day) == ENG.is_working_day(day)
        day += dt.timedelta(days=1)


def test_christmas_and_new_year_2022_23_substitute_days():
    # 2022: Christmas Sun 25 -> Tue 27 substitute, Boxing Day Mon 26. 2023: New Year Sun 1 -> Mon 2.
    for d in (D(2022, 12, 26), D(2022, 12, 27), D(2023, 1, 2)):
        assert not ENG.is_working_day(d)
    assert ENG.is_working_day(D(2023, 1, 3))
    # Scotland: 2 January is Mon 2 Jan, so New Year's substitute moves to Tue 3 Jan.
    assert not SCT.is_working_day(D(2023, 1, 2))
    assert not SCT.is_working_day(D(2023, 1, 3))
    # Fri 23 Dec 2022 -> Wed 4 Jan 2023: England 28, 29, 30 Dec, 3, 4 Jan; Scotland 28, 29, 30 Dec, 4 Jan.
    assert ENG.working_days_between(D(2022, 12, 23), D(2023, 1, 4)) == 5
    assert SCT.working_days_between(D(2022, 12, 23), D(2023, 1, 4)) == 4


def test_new_year_2021_scotland_second_of_january_substitute():
    # 1 Jan 2021 Friday; 2 Jan Saturday -> Monday 4 Jan in Scotland only.
    assert not SCT.is_working_day(D(2021, 1, 4))
    assert ENG.is_working_day(D(2021, 1, 4))
    assert SCT.working_days_between(D(2020, 12, 31), D(2021, 1, 5)) == 1
    assert ENG.working_days_between(D(2020, 12, 31), D(2021, 1, 5)) == 2


def test_st_andrews_day():
    assert not SCT.is_working_day(D(2023, 11, 30))  # Thursday
    assert ENG.is_working_day(D(2023, 11, 30))
    # 2025: 30 November is a Sunday; the bank holiday is Monday 1 December.
    assert not SCT.is_working_day(D(2025, 12, 1))
    assert ENG.is_working_day(D(2025, 12, 1))
    assert SCT.add_working_days(D(2025, 11, 28), 1) == D(2025, 12, 2)


def test_northern_ireland_st_patrick_and_twelfth():
    assert not NIR.is_working_day(D(2025, 3, 17))
    assert not NIR.is_working_day(D(2024, 7, 12))
    assert not NIR.is_working_day(D(2025, 7, 14))  # 12 July 2025 is a Saturday
    assert ENG.is_working_day(D(2025, 3, 17)) and ENG.is_working_day(D(2024, 7, 12))
    assert NIR.add_working_days(D(2025, 3, 14), 1) == D(2025, 3, 18)


def test_weekend_receipt_counts_from_next_working_day_by_default():
    sat, mon, tue = D(2025, 3, 1), D(2025, 3, 3), D(2025, 3, 4)
    assert ENG.working_days_between(sat, mon) == 0
    assert ENG.working_days_between(sat, tue) == 1
    assert ENG.working_days_between(sat, D(2025, 3, 2)) == 0  # answered on the Sunday
    assert ENG.add_working_days(sat, 0) == mon
    assert ENG.add_working_days(sat, 1) == tue
    assert ENG.add_working_days(sat, 5) == D(2025, 3, 10)


def test_weekend_receipt_same_day_setting():
    same = WorkingCalendar("england", count_from_non_working_day="same")
    sat, mon = D(2025, 3, 1), D(2025, 3, 3)
    assert same.working_days_between(sat, mon) == 1
    assert same.add_working_days(sat, 0) == sat
    assert same.add_working_days(sat, 1) == mon


def test_receipt_day_is_day_zero():
    mon = D(2025, 3, 3)
    assert ENG.working_days_between(mon, mon) == 0
    assert ENG.working_days_between(mon, D(2025, 3, 4)) == 1
    assert ENG.add_working_days(mon, 0) == mon
    assert ENG.add_working_days(mon, 5) == D(2025, 3, 10)
    assert ENG.working_days_between(D(2025, 3, 10), mon) == -5


def test_closure_day_is_not_a_working_day():
    closed = WorkingCalendar("england", closures=frozenset({D(2025, 3, 5)}))
    assert not closed.is_working_day(D(2025, 3, 5))
    assert closed.working_days_between(D(2025, 3, 3), D(2025, 3, 7)) == 3
    assert ENG.working_days_between(D(2025, 3, 3), D(2025, 3, 7)) == 4
    assert closed.add_working_days(D(2025, 3, 3), 2) == D(2025, 3, 6)


def test_one_off_bank_holidays_2022_and_2023():
    for d in (D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8)):
        assert not ENG.is_working_day(d)


def test_outside_the_span_is_an_error_and_covering_widens_it():
    narrow = WorkingCalendar("england", first_year=2024, last_year=2024)
    with pytest.raises(ValueError, match="outside the working-day calendar"):
        narrow.is_working_day(D(2026, 1, 5))
    wide = narrow.covering(D(2024, 6, 1), D(2026, 1, 5))
    assert (wide.first_year, wide.last_year) == (2023, 2027)
    assert wide.is_working_day(D(2026, 1, 5))
    assert narrow.covering(D(2024, 6, 1), D(2024, 7, 1)) == WorkingCalendar("england", first_year=2023, last_year=2025)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="unknown nation"):
        WorkingCalendar("cornwall")
    with pytest.raises(ValueError, match="count_from_non_working_day"):
        WorkingCalendar("england", count_from_non_working_day="previous")


def test_day_numbers_agree_with_working_days_between():
    s, e = D(2025, 3, 1), D(2025, 3, 12)
    assert max(ENG.day_numbers(e)[0] - ENG.day_numbers(s)[1], 0) == ENG.working_days_between(s, e) == 7  # Mon 3 is day 0; 4-7 Mar, 10-12 Mar


dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 6, 30))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(start=dates, n=st.integers(0, 40), end=dates, same=st.booleans())
def test_due_date_and_count_agree(start, n, end, same):
    cal = WorkingCalendar("scotland", count_from_non_working_day="same" if same else "next-working-day")
    if end >= start and cal.is_working_day(end):
        # On working days the count and the due date agree. (A reply on the Saturday after a Friday
        # due date is still within n working days: the count only moves on working days.)
        assert (cal.working_days_between(start, end) <= n) == (end <= cal.add_working_days(start, n))
    due = cal.add_working_days(start, n)
    assert due >= start
    if n:
        assert cal.is_working_day(due)
        assert cal.working_days_between(start, due) == n
