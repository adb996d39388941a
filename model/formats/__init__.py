"""Registry of the official formats and the choice of format by report year."""
from ..errors import InputError
from .definition import ReportFormat
from .f2019 import FORMAT_2019
from .f2021 import FORMAT_2021

FORMATS: tuple[ReportFormat, ...] = (FORMAT_2019, FORMAT_2021)
FIRST_YEAR = min(f.first_year for f in FORMATS)
LAST_YEAR = 2100


def format_by_id(format_id: str) -> ReportFormat:
    for f in FORMATS:
        if f.id == format_id:
            return f
    known = "、".join(f.id for f in FORMATS)
    raise InputError(f"未知的报告格式“{format_id}”（已知格式：{known}）")


def format_for_year(year: int) -> ReportFormat:
    for f in FORMATS:
        if f.covers(year):
            return f
    raise InputError(f"{year}年没有适用的报告格式：年度报告格式从{FIRST_YEAR}年起适用")
