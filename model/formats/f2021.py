"""The 2021 national format (国办公开办函〔2021〕30号), for report years 2021 onward."""
from .common import (
    COMMON_RULES, FIGURE_SECTIONS, OTHER, OVERVIEW, PROBLEMS, REVIEW_SECTION, applications_section,
)
from .definition import (
    CellKind, Column, ReportFormat, Row, StockRule, Table, TableSection, TextLengthRule,
    TextFiguresRule, TextMentionRule,
)
from .figures import FIGURES_2021

C = CellKind

_DECISIONS = (Column("decisions", "本年处理决定数量"),)

PROACTIVE = TableSection(
    key="proactive", number="二", heading="二、主动公开政府信息情况", short="主动公开",
    tables=(
        Table("item1", "第二十条第（一）项", "信息内容",
              columns=(Column("issued", "本年制发件数"), Column("repealed", "本年废止件数"),
                       Column("in_force", "现行有效件数")),
              rows=(Row("rules", "规章"), Row("normative", "行政规范性文件"))),
        Table("item5", "第二十条第（五）项", "信息内容", columns=_DECISIONS,
              rows=(Row("licensing", "行政许可"),)),
        Table("item6", "第二十条第（六）项", "信息内容", columns=_DECISIONS,
              rows=(Row("penalty", "行政处罚"), Row("coercion", "行政强制"))),
        Table("item8", "第二十条第（八）项", "信息内容",
              columns=(Column("amount", "本年收费金额（单位：万元）", kind=C.MONEY, units=("万元",),
                              unit_in_label=True),),
              rows=(Row("fees", "行政事业性收费"),)),
    ),
)

OTHER_HANDLING = Row("other", "（六）其他处理", children=(
    Row("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    Row("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    Row("other_other", "3.其他"),
))

FORMAT_2021 = ReportFormat(
    id="2021", name="2021年版格式", issued_by="国办公开办函〔2021〕30号",
    first_year=2021, last_year=None,
    sections=(OVERVIEW, PROACTIVE, applications_section(OTHER_HANDLING), REVIEW_SECTION,
              PROBLEMS, OTHER),
    rules=COMMON_RULES + (
        TextFiguresRule("R10", sections=FIGURE_SECTIONS, figures=FIGURES_2021),
        StockRule("R7", "item1", stock="in_force", added="issued", removed="repealed"),
        TextLengthRule("R9.overview-length", "overview", max_chars=1000),
        TextMentionRule("R9.fee-silent", "other", keyword="信息处理费",
                        message="2021年版格式要求在这一部分报告收取信息处理费情况，本部分未提及“信息处理费”"),
    ),
)
