"""Parts shared by both official formats: text sections, section 三's rows and columns, section 四."""
from __future__ import annotations

from .definition import (
    BalanceRule, CarryOverRule, CellKind, Column, RequiredRule, Row, StaleYearRule, Table, TableSection,
    TextRepeatRule, TextSection, TextSubstanceRule,
)

C = CellKind

OVERVIEW = TextSection(
    key="overview", number="一", heading="一、总体情况", short="总体情况",
    guidance=(
        "重在聚焦主题、简明客观，篇幅原则上不超过一千字。围绕主动公开、依申请公开、政府信息管理、"
        "平台建设、监督保障等方面总结本年度工作。"
    ),
)
PROBLEMS = TextSection(
    key="problems", number="五", heading="五、存在的主要问题及改进情况", short="问题及改进",
    guidance="问题和改进措施要具体，不得出现敷衍了事甚至年年雷同现象。",
)
OTHER = TextSection(
    key="other", number="六", heading="六、其他需要报告的事项", short="其他事项",
    guidance="依据《政府信息公开信息处理费管理办法》收取信息处理费的情况在此处报告；没有其他事项可写“无”。",
)

APPLICATIONS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

APPLICANT_KEYS = ("natural", "commercial", "research", "public_welfare", "legal_service", "other_org")

APPLICANT_COLUMNS = (
    Column("applicant", "申请人情况", children=(
        Column("natural", "自然人"),
        Column("legal", "法人或其他组织", children=(
            Column("commercial", "商业企业"),
            Column("research", "科研机构"),
            Column("public_welfare", "社会公益组织"),
            Column("legal_service", "法律服务机构"),
            Column("other_org", "其他"),
        )),
        Column("total", "总计", kind=C.TOTAL, total_of=APPLICANT_KEYS, total_rule="R3"),
    )),
)

REFUSED = Row("refused", "（三）不予公开", children=(
    Row("refused_secret", "1.属于国家秘密"),
    Row("refused_law", "2.其他法律行政法规禁止公开"),
    Row("refused_safety", "3.危及“三安全一稳定”"),
    Row("refused_third_party", "4.保护第三方合法权益"),
    Row("refused_internal", "5.属于三类内部事务信息"),
    Row("refused_process", "6.属于四类过程性信息"),
    Row("refused_enforcement", "7.属于行政执法案卷"),
    Row("refused_query", "8.属于行政查询事项"),
))
UNABLE = Row("unable", "（四）无法提供", children=(
    Row("unable_not_held", "1.本机关不掌握相关政府信息"),
    Row("unable_needs_making", "2.没有现成信息需要另行制作"),
    Row("unable_unclear", "3.补正后申请内容仍不明确"),
))
NOT_PROCESSED = Row("not_processed", "（五）不予处理", children=(
    Row("not_processed_petition", "1.信访举报投诉类申请"),
    Row("not_processed_repeat", "2.重复申请"),
    Row("not_processed_publication", "3.要求提供公开出版物"),
    Row("not_processed_mass", "4.无正当理由大量反复申请"),
    Row("not_processed_confirm", "5.要求行政机关确认或重新出具已获取信息"),
))


def applications_table(other: Row) -> Table:
    """Section 三's table; the formats differ only in the （六）其他处理 row."""
    parts = (
        Row("disclosed", "（一）予以公开"),
        Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        REFUSED, UNABLE, NOT_PROCESSED, other,
    )
    summed = tuple(leaf.key for part in parts for leaf in part.leaves())
    return Table(
        key="applications", title="", corner=APPLICATIONS_NOTE, columns=APPLICANT_COLUMNS,
        rows=(
            Row("new", "一、本年新收政府信息公开申请数量"),
            Row("carried_over", "二、上年结转政府信息公开申请数量"),
            Row("results", "三、本年度办理结果", children=parts + (
                Row("results_total", "（七）总计", total_of=summed, total_rule="R2"),
            )),
            Row("carry_forward", "四、结转下年度继续办理"),
        ),
    )


def applications_section(other: Row) -> TableSection:
    return TableSection(
        key="applications", number="三", heading="三、收到和处理政府信息公开申请情况",
        short="依申请公开", tables=(applications_table(other),),
    )


def _review_group(prefix: str, label: str) -> Column:
    keys = tuple(f"{prefix}_{k}" for k in ("upheld", "corrected", "other", "pending"))
    return Column(prefix, label, children=(
        Column(keys[0], "结果维持"),
        Column(keys[1], "结果纠正"),
        Column(keys[2], "其他结果"),
        Column(keys[3], "尚未审结"),
        Column(f"{prefix}_total", "总计", kind=C.TOTAL, total_of=keys, total_rule="R4"),
    ))


REVIEW_SECTION = TableSection(
    key="review", number="四", heading="四、政府信息公开行政复议、行政诉讼情况", short="复议诉讼",
    tables=(Table(
        key="review", title="", corner="",
        columns=(
            _review_group("review", "行政复议"),
            Column("litigation", "行政诉讼", children=(
                _review_group("direct", "未经复议直接起诉"),
                _review_group("after_review", "复议后起诉"),
            )),
        ),
        rows=(Row("cases", ""),),
        show_row_labels=False,
    ),),
)

COMMON_RULES = (
    RequiredRule("R12", fields=("unit_name",), texts=("overview", "problems")),
    BalanceRule("R1", "applications", lhs=("new", "carried_over"),
                rhs=("results_total", "carry_forward"), lhs_text="一+二", rhs_text="三（七）总计+四"),
    CarryOverRule("R6", "applications", this_row="carried_over", last_row="carry_forward"),
    TextSubstanceRule("R9.problems-empty", "problems", min_chars=10),
    TextRepeatRule("R9.problems-repeat", "problems", max_ratio=0.5),
    StaleYearRule("R11", sections=("overview", "problems", "other")),
)
FIGURE_SECTIONS = ("overview", "other")  # where the text quotes figures of the tables
