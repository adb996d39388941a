"""The 2019 national format (国办公开办函〔2019〕60号), for report years 2019 and 2020."""
from .common import (
    COMMON_RULES, FIGURE_SECTIONS, OTHER, OVERVIEW, PROBLEMS, REVIEW_SECTION, applications_section,
)
from .definition import (
    CellKind, Column, ItemCountRule, ReportFormat, Row, Table, TableSection, TextFiguresRule, TextSection,
)
from .figures import FIGURES_2019

C = CellKind

# the 2019 notice sets no length for 一 and knows no 信息处理费 (its 管理办法 applies from 2021)
OVERVIEW_2019 = TextSection(
    key=OVERVIEW.key, number=OVERVIEW.number, heading=OVERVIEW.heading, short=OVERVIEW.short,
    guidance="重在聚焦主题主线，对本机关贯彻落实《中华人民共和国政府信息公开条例》情况进行综述。围绕主动公开、"
             "依申请公开、政府信息管理、平台建设、监督保障等方面总结本年度工作。",
)
OTHER_2019 = TextSection(
    key=OTHER.key, number=OTHER.number, heading=OTHER.heading, short=OTHER.short,
    guidance="本机关认为需要报告的其他事项，以及其他有关文件专门要求通过年度报告予以报告的事项；没有其他事项可写“无”。",
)

_ITEM_COLUMNS = (
    Column("previous", "上一年项目数量"),
    Column("change", "本年增/减", kind=C.SIGNED),
    Column("decisions", "处理决定数量"),
)

PROACTIVE = TableSection(
    key="proactive", number="二", heading="二、主动公开政府信息情况", short="主动公开",
    tables=(
        Table("item1", "第二十条第（一）项", "信息内容",
              columns=(Column("made", "本年新制作数量"), Column("published", "本年新公开数量"),
                       Column("public_total", "对外公开总数量")),
              rows=(Row("rules", "规章"), Row("normative", "规范性文件"))),
        Table("item5", "第二十条第（五）项", "信息内容", columns=_ITEM_COLUMNS,
              rows=(Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项"))),
        Table("item6", "第二十条第（六）项", "信息内容", columns=_ITEM_COLUMNS,
              rows=(Row("penalty", "行政处罚"), Row("coercion", "行政强制"))),
        Table("item8", "第二十条第（八）项", "信息内容", columns=_ITEM_COLUMNS[:2],
              rows=(Row("fees", "行政事业性收费"),)),
        Table("item9", "第二十条第（九）项", "信息内容",
              columns=(Column("projects", "采购项目数量"),
                       Column("amount", "采购总金额", kind=C.MONEY, units=("元", "万元"))),
              rows=(Row("procurement", "政府集中采购"),)),
    ),
)

FORMAT_2019 = ReportFormat(
    id="2019", name="2019年版格式", issued_by="国办公开办函〔2019〕60号",
    first_year=2019, last_year=2020,
    sections=(OVERVIEW_2019, PROACTIVE, applications_section(Row("other", "（六）其他处理")),
              REVIEW_SECTION, PROBLEMS, OTHER_2019),
    rules=COMMON_RULES + (
        TextFiguresRule("R10", sections=FIGURE_SECTIONS, figures=FIGURES_2019),
        ItemCountRule("R8", "R8.cross-year", tables=("item5", "item6", "item8"),
                      previous="previous", change="change"),
    ),
)
