"""England and Wales bank holidays 1990–2060, one-off days included, as shipped data.

Generated from the `holidays` package (the source of truth; a test checks every year against
it): importing that package costs 40–150 ms at every start, this table about 1 ms.
Regenerate after upgrading `holidays`: `python -m sendtui.domain.bank_holidays`.
"""

from __future__ import annotations

FIRST_YEAR, LAST_YEAR = 1990, 2060

# year: ((month, day, name), ...)
TABLE: dict[int, tuple[tuple[int, int, str], ...]] = {
    1990: ((1, 1, "New Year's Day"), (4, 13, 'Good Friday'), (4, 16, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    1991: ((1, 1, "New Year's Day"), (3, 29, 'Good Friday'), (4, 1, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    1992: ((1, 1, "New Year's Day"), (4, 17, 'Good Friday'), (4, 20, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    1993: ((1, 1, "New Year's Day"), (4, 9, 'Good Friday'), (4, 12, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    1994: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (4, 1, 'Good Friday'), (4, 4, 'Easter Monday'), (5, 2, 'May Day'), (5, 30, 'Spring Bank Holiday'), (8, 29, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    1995: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (4, 14, 'Good Friday'), (4, 17, 'Easter Monday'), (5, 8, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    1996: ((1, 1, "New Year's Day"), (4, 5, 'Good Friday'), (4, 8, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    1997: ((1, 1, "New Year's Day"), (3, 28, 'Good Friday'), (3, 31, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    1998: ((1, 1, "New Year's Day"), (4, 10, 'Good Friday'), (4, 13, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    1999: ((1, 1, "New Year's Day"), (4, 2, 'Good Friday'), (4, 5, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)'), (12, 31, 'Millennium Celebrations')),
    2000: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (4, 21, 'Good Friday'), (4, 24, 'Easter Monday'), (5, 1, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2001: ((1, 1, "New Year's Day"), (4, 13, 'Good Friday'), (4, 16, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2002: ((1, 1, "New Year's Day"), (3, 29, 'Good Friday'), (4, 1, 'Easter Monday'), (5, 6, 'May Day'), (6, 3, 'Golden Jubilee of Elizabeth II'), (6, 4, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2003: ((1, 1, "New Year's Day"), (4, 18, 'Good Friday'), (4, 21, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2004: ((1, 1, "New Year's Day"), (4, 9, 'Good Friday'), (4, 12, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    2005: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (3, 25, 'Good Friday'), (3, 28, 'Easter Monday'), (5, 2, 'May Day'), (5, 30, 'Spring Bank Holiday'), (8, 29, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    2006: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (4, 14, 'Good Friday'), (4, 17, 'Easter Monday'), (5, 1, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2007: ((1, 1, "New Year's Day"), (4, 6, 'Good Friday'), (4, 9, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2008: ((1, 1, "New Year's Day"), (3, 21, 'Good Friday'), (3, 24, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2009: ((1, 1, "New Year's Day"), (4, 10, 'Good Friday'), (4, 13, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    2010: ((1, 1, "New Year's Day"), (4, 2, 'Good Friday'), (4, 5, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    2011: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (4, 22, 'Good Friday'), (4, 25, 'Easter Monday'), (4, 29, 'Wedding of William and Catherine'), (5, 2, 'May Day'), (5, 30, 'Spring Bank Holiday'), (8, 29, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    2012: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (4, 6, 'Good Friday'), (4, 9, 'Easter Monday'), (5, 7, 'May Day'), (6, 4, 'Spring Bank Holiday'), (6, 5, 'Diamond Jubilee of Elizabeth II'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2013: ((1, 1, "New Year's Day"), (3, 29, 'Good Friday'), (4, 1, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2014: ((1, 1, "New Year's Day"), (4, 18, 'Good Friday'), (4, 21, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2015: ((1, 1, "New Year's Day"), (4, 3, 'Good Friday'), (4, 6, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    2016: ((1, 1, "New Year's Day"), (3, 25, 'Good Friday'), (3, 28, 'Easter Monday'), (5, 2, 'May Day'), (5, 30, 'Spring Bank Holiday'), (8, 29, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    2017: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (4, 14, 'Good Friday'), (4, 17, 'Easter Monday'), (5, 1, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2018: ((1, 1, "New Year's Day"), (3, 30, 'Good Friday'), (4, 2, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2019: ((1, 1, "New Year's Day"), (4, 19, 'Good Friday'), (4, 22, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2020: ((1, 1, "New Year's Day"), (4, 10, 'Good Friday'), (4, 13, 'Easter Monday'), (5, 8, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    2021: ((1, 1, "New Year's Day"), (4, 2, 'Good Friday'), (4, 5, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    2022: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (4, 15, 'Good Friday'), (4, 18, 'Easter Monday'), (5, 2, 'May Day'), (6, 2, 'Spring Bank Holiday'), (6, 3, 'Platinum Jubilee of Elizabeth II'), (8, 29, 'Late Summer Bank Holiday'), (9, 19, 'State Funeral of Queen Elizabeth II'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    2023: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (4, 7, 'Good Friday'), (4, 10, 'Easter Monday'), (5, 1, 'May Day'), (5, 8, 'Coronation of Charles III'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2024: ((1, 1, "New Year's Day"), (3, 29, 'Good Friday'), (4, 1, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2025: ((1, 1, "New Year's Day"), (4, 18, 'Good Friday'), (4, 21, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2026: ((1, 1, "New Year's Day"), (4, 3, 'Good Friday'), (4, 6, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    2027: ((1, 1, "New Year's Day"), (3, 26, 'Good Friday'), (3, 29, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    2028: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (4, 14, 'Good Friday'), (4, 17, 'Easter Monday'), (5, 1, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2029: ((1, 1, "New Year's Day"), (3, 30, 'Good Friday'), (4, 2, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2030: ((1, 1, "New Year's Day"), (4, 19, 'Good Friday'), (4, 22, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2031: ((1, 1, "New Year's Day"), (4, 11, 'Good Friday'), (4, 14, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2032: ((1, 1, "New Year's Day"), (3, 26, 'Good Friday'), (3, 29, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    2033: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (4, 15, 'Good Friday'), (4, 18, 'Easter Monday'), (5, 2, 'May Day'), (5, 30, 'Spring Bank Holiday'), (8, 29, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    2034: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (4, 7, 'Good Friday'), (4, 10, 'Easter Monday'), (5, 1, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2035: ((1, 1, "New Year's Day"), (3, 23, 'Good Friday'), (3, 26, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2036: ((1, 1, "New Year's Day"), (4, 11, 'Good Friday'), (4, 14, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2037: ((1, 1, "New Year's Day"), (4, 3, 'Good Friday'), (4, 6, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    2038: ((1, 1, "New Year's Day"), (4, 23, 'Good Friday'), (4, 26, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    2039: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (4, 8, 'Good Friday'), (4, 11, 'Easter Monday'), (5, 2, 'May Day'), (5, 30, 'Spring Bank Holiday'), (8, 29, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    2040: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (3, 30, 'Good Friday'), (4, 2, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2041: ((1, 1, "New Year's Day"), (4, 19, 'Good Friday'), (4, 22, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2042: ((1, 1, "New Year's Day"), (4, 4, 'Good Friday'), (4, 7, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2043: ((1, 1, "New Year's Day"), (3, 27, 'Good Friday'), (3, 30, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    2044: ((1, 1, "New Year's Day"), (4, 15, 'Good Friday'), (4, 18, 'Easter Monday'), (5, 2, 'May Day'), (5, 30, 'Spring Bank Holiday'), (8, 29, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    2045: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (4, 7, 'Good Friday'), (4, 10, 'Easter Monday'), (5, 1, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2046: ((1, 1, "New Year's Day"), (3, 23, 'Good Friday'), (3, 26, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2047: ((1, 1, "New Year's Day"), (4, 12, 'Good Friday'), (4, 15, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2048: ((1, 1, "New Year's Day"), (4, 3, 'Good Friday'), (4, 6, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    2049: ((1, 1, "New Year's Day"), (4, 16, 'Good Friday'), (4, 19, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    2050: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (4, 8, 'Good Friday'), (4, 11, 'Easter Monday'), (5, 2, 'May Day'), (5, 30, 'Spring Bank Holiday'), (8, 29, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)')),
    2051: ((1, 1, "New Year's Day"), (1, 2, "New Year's Day (observed)"), (3, 31, 'Good Friday'), (4, 3, 'Easter Monday'), (5, 1, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2052: ((1, 1, "New Year's Day"), (4, 19, 'Good Friday'), (4, 22, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2053: ((1, 1, "New Year's Day"), (4, 4, 'Good Friday'), (4, 7, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2054: ((1, 1, "New Year's Day"), (3, 27, 'Good Friday'), (3, 30, 'Easter Monday'), (5, 4, 'May Day'), (5, 25, 'Spring Bank Holiday'), (8, 31, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 28, 'Boxing Day (observed)')),
    2055: ((1, 1, "New Year's Day"), (4, 16, 'Good Friday'), (4, 19, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
    2056: ((1, 1, "New Year's Day"), (1, 3, "New Year's Day (observed)"), (3, 31, 'Good Friday'), (4, 3, 'Easter Monday'), (5, 1, 'May Day'), (5, 29, 'Spring Bank Holiday'), (8, 28, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2057: ((1, 1, "New Year's Day"), (4, 20, 'Good Friday'), (4, 23, 'Easter Monday'), (5, 7, 'May Day'), (5, 28, 'Spring Bank Holiday'), (8, 27, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2058: ((1, 1, "New Year's Day"), (4, 12, 'Good Friday'), (4, 15, 'Easter Monday'), (5, 6, 'May Day'), (5, 27, 'Spring Bank Holiday'), (8, 26, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2059: ((1, 1, "New Year's Day"), (3, 28, 'Good Friday'), (3, 31, 'Easter Monday'), (5, 5, 'May Day'), (5, 26, 'Spring Bank Holiday'), (8, 25, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day')),
    2060: ((1, 1, "New Year's Day"), (4, 16, 'Good Friday'), (4, 19, 'Easter Monday'), (5, 3, 'May Day'), (5, 31, 'Spring Bank Holiday'), (8, 30, 'Late Summer Bank Holiday'), (12, 25, 'Christmas Day'), (12, 26, 'Boxing Day'), (12, 27, 'Christmas Day (observed)'), (12, 28, 'Boxing Day (observed)')),
}


def _write() -> None:
    from pathlib import Path

    import holidays

    days = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    lines = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        found = sorted((d.month, d.day, name) for d, name in days.items() if d.year == year)
        lines.append(f"    {year}: {tuple(found)!r},")
    path = Path(__file__)
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("TABLE: dict[int, tuple[tuple[int, int, str], ...]] = {\n")
    tail = rest[rest.index("}\n"):]
    path.write_text(head + "TABLE: dict[int, tuple[tuple[int, int, str], ...]] = {\n"
                    + "\n".join(lines) + "\n" + tail, encoding="utf-8")


if __name__ == "__main__":
    _write()
