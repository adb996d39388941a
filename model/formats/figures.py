"""Figures the text sections quote, as data: per figure the phrases that quote it and the cells it must equal.

Each phrase is literal anchor words plus a short regex up to the number; model.text_figures adds the number
(Arabic, full-width or Chinese numerals and a unit) and leaves out approximate figures (约/近/超过/余/多/左右)
and figures about another period (同比/上年/去年/累计/以来, another year, part of a year). The words allowed
between anchor and number are few on purpose: a sentence that does not read exactly like one of these
phrases is not compared (a false warning on a correct report is worse than a missed one).
"""
from __future__ import annotations

from .definition import Phrase as P
from .definition import Target as T
from .definition import TextFigure
from . import text_words as W

# words between a phrase and its number: 收到申请（数量）（共计）258件
LINK = r"(?:为|是|共计|共|合计|总计|达到|达|计)?"
FILL = r"(?:数量|总数|总量)?" + LINK
# after a result word: 予以公开（的）（申请）12件
RESULT_FILL = r"(?:的)?(?:申请)?" + FILL
# the kind of application, optional: 收到（政府信息公开）申请
KIND = r"(?:政府信息公开|信息公开|依申请公开|公开)"
# a figure for one channel or one kind of applicant is a part, not the whole
CHANNEL_OR_APPLICANT = r"网上|网络|在线|信函|邮寄|当面|现场|传真|电子邮件|电话|自然人|法人|企业|个人"
PART_BEFORE = r"其中|" + CHANNEL_OR_APPLICANT
# before a result: a part of it (the carried-over applications, one reason, one kind of request)
RESULT_PART_BEFORE = (CHANNEL_OR_APPLICANT + r"|结转|因|由于|属于|涉及|信访|举报|投诉|重复申请|出版物|反复|确认|补正|缴纳|"
                      r"国家秘密|第三方|内部事务|过程性|执法案卷|查询|不掌握|另行制作")
# 公开行政处罚决定30件: the decisions published, a part of all decisions
PUBLISHED_BEFORE = r"(?:公开|公示|发布|上网)(?:了|的)?$"
# a review or lawsuit figure followed by its result is one result, not the total (matched right after it)
CASE_RESULT_AFTER = r"[，,、]?\s*(?:尚未审结|已审结|审结|结果|维持|纠正|被纠正|撤销|驳回)"
CASE_PART_BEFORE = r"复议后$|直接$|纠正$|维持$|其中"

# words saying a paragraph is about applications for disclosure (办结, 收到申请 and 行政复议 are said of other
# matters too: 政务服务办结1200件, a 司法局's 行政复议案件35件)
DISCLOSURE = r"信息公开|政务公开|依申请公开|公开申请|申请公开"
OTHER_MATTER = W.OTHER_MATTER  # 12345热线诉求…办结1356件: in the sentence before 收到/办结, another matter
# a decision of one kind or procedure is a part of all decisions: 准予行政许可决定, 简易程序行政处罚决定
DECISION_PART_BEFORE = r"准予|不予|简易程序|一般程序|送达|变更|撤销|撤回|延续|注销|听证|涉企|公示|公开"

RECEIVED = TextFigure(
    "received", "收到的政府信息公开申请",
    (P("收到", f"{KIND}?申请{FILL}", before_not=PART_BEFORE, context=DISCLOSURE, sentence_not=OTHER_MATTER),
     P("新收", f"{KIND}?申请{FILL}", before_not=PART_BEFORE, context=DISCLOSURE, sentence_not=OTHER_MATTER),
     P("受理", f"{KIND}申请{FILL}", before_not=PART_BEFORE)),
    (T(("applications.new.total",), "本年新收申请数（表三第一项）"),
     T(("applications.new.total", "applications.carried_over.total"), "本年新收与上年结转之和（表三第一、二项）")),
)
CARRIED_OVER = TextFigure(
    "carried_over", "上年结转的申请",
    tuple(P(anchor, f"(?:至本年度?|到本年度?)?(?:的)?{KIND}?(?:申请)?{FILL}", before_not=PART_BEFORE)
          for anchor in ("上年结转", "上年度结转", "上一年度结转", "上一年结转")),
    (T(("applications.carried_over.total",), "上年结转申请数（表三第二项）"),),
)
CONCLUDED = TextFigure(
    "concluded", "办结的申请",
    (P("办结", f"{KIND}?(?:申请)?{FILL}", before_not=PART_BEFORE + r"|按时$|当年$|上年", context=DISCLOSURE,
       sentence_not=OTHER_MATTER),),
    (T(("applications.results_total.total",), "本年度办理结果总计（表三第三项（七））"),),
)


# a result is of applications when its paragraph (or heading) speaks of them: not 经审查予以公开1200件 of 主动公开
APPLICATION = r"申请"
# nor when its sentence counts documents: 全年审查公文326件，其中予以公开215件、依申请公开58件、不予公开53件
DOCUMENTS = r"公文|发文|属性"
# nor when its sentence narrows the applications first: 上年结转的2件申请中，予以公开1件; 涉及征地拆迁类申请12件，…
RESULT_SUBSET = r"结转的|涉及|类申请"


def _result(key: str, word: str, row: str, label: str, tail: str = "", before_not: str = "") -> TextFigure:
    """A result of 三（一）…（六）: 予以公开12件, 部分公开（区分处理）5件."""
    return TextFigure(key, f"{word}的申请", (P(word, tail + RESULT_FILL, before_not=before_not + RESULT_PART_BEFORE,
                                            context=APPLICATION,
                                            sentence_not=DOCUMENTS + "|" + RESULT_SUBSET),),
                      (T((f"applications.{row}.total",), label),))


DISCLOSED = _result("disclosed", "予以公开", "disclosed", "予以公开（表三（一））", before_not=r"不$|不予$|")
PARTIAL = _result("partial", "部分公开", "partial", "部分公开（表三（二））",
                  tail=r"(?:（[^（）]{0,30}）|\([^()]{0,30}\))?")
REFUSED = _result("refused", "不予公开", "refused", "不予公开（表三（三）各项之和）")
UNABLE = _result("unable", "无法提供", "unable", "无法提供（表三（四）各项之和）")
NOT_PROCESSED = _result("not_processed", "不予处理", "not_processed", "不予处理（表三（五）各项之和）")
OTHER_HANDLING = _result("other_handling", "其他处理", "other", "其他处理（表三（六））")
CARRY_FORWARD = TextFigure(
    "carry_forward", "结转下年度继续办理的申请",
    tuple(P(anchor, r"(?:继续办理|办理)?(?:的)?(?:申请)?" + FILL, before_not=PART_BEFORE)
          for anchor in ("结转下年度", "结转下一年度", "结转至下年度", "结转到下年度", "结转至下一年度")),
    (T(("applications.carry_forward.total",), "结转下年度继续办理（表三第四项）"),),
)
REVIEW = TextFigure(
    "review", "政府信息公开行政复议",
    (P("行政复议", r"(?:案件|申请)?" + FILL, before_not=CASE_PART_BEFORE, after_not=CASE_RESULT_AFTER,
       context=DISCLOSURE, context_near=True),),
    (T(("review.cases.review_total",), "行政复议总计（表四）"),),
)
LITIGATION = TextFigure(
    "litigation", "政府信息公开行政诉讼",
    (P("行政诉讼", r"(?:案件)?" + FILL, before_not=CASE_PART_BEFORE, after_not=CASE_RESULT_AFTER,
       context=DISCLOSURE, context_near=True),),
    (T(("review.cases.direct_total", "review.cases.after_review_total"),
       "行政诉讼总计（表四，未经复议直接起诉与复议后起诉之和）"),),
)


def _decisions(key: str, name: str, row: str, table: str, item: str) -> TextFigure:
    anchors = (f"{name}决定", f"{name}处理决定", f"{name}决定书")
    return TextFigure(
        key, f"{name}决定",
        tuple(P(a, FILL, before_not=PUBLISHED_BEFORE + "|" + PART_BEFORE + "|" + DECISION_PART_BEFORE)
              for a in anchors),
        (T((f"{table}.{row}.decisions",), f"{name}处理决定数量（表二第二十条第（{item}）项）"),),
    )


LICENSING = _decisions("licensing", "行政许可", "licensing", "item5", "五")
PENALTY = _decisions("penalty", "行政处罚", "penalty", "item6", "六")
COERCION = _decisions("coercion", "行政强制", "coercion", "item6", "六")

COMMON_FIGURES = (RECEIVED, CARRIED_OVER, CONCLUDED, DISCLOSED, PARTIAL, REFUSED, UNABLE, NOT_PROCESSED,
                  OTHER_HANDLING, CARRY_FORWARD, REVIEW, LITIGATION, LICENSING, PENALTY, COERCION)

# 制定……规范性文件12件: the verb earlier in the clause, with no 公开/清理/废止 after it
MADE_BEFORE = r"(?:制定|制发|印发|出台|新制作)(?:(?!公开|发布|清理|废止|备案|审查|审核|修订|修改|评估)[^，,。；;：:]){0,40}$"
PUBLISHED_VERB = r"(?:公开|发布)(?:了)?$"


def _not_longer(anchor: str, anchors: tuple[str, ...]) -> str:
    """规范性文件 inside 行政规范性文件 is found by the longer anchor already."""
    return r"行政$" if anchor == "规范性文件" and len(anchors) > 1 else ""


def normative_figures(made_column: str, made_label: str, public_columns: tuple[tuple[str, str], ...],
                      label: str) -> tuple[TextFigure, ...]:
    """规范性文件 made this year, and published (the formats name the columns differently)."""
    anchors = ("行政规范性文件", "规范性文件") if label == "行政规范性文件" else ("规范性文件",)
    made = TextFigure(
        "normative_made", f"本年制发的{label}",
        tuple(P(a, FILL, before_needs=MADE_BEFORE, before_not=_not_longer(a, anchors))
              for a in anchors),
        (T((f"item1.normative.{made_column}",), f"{label}{made_label}（表二第二十条第（一）项）"),),
        units="件|个|份|部",
    )
    published = TextFigure(
        "normative_published", f"公开的{label}",
        tuple(P(a, FILL, before_needs=PUBLISHED_VERB, before_not=_not_longer(a, anchors))
              for a in anchors),
        tuple(T((f"item1.normative.{col}",), f"{label}{text}（表二第二十条第（一）项）") for col, text in public_columns),
        units="件|个|份|部",
    )
    return made, published


# a part of the purchases: one kind, one channel, the budget or the savings (其中，货物类采购金额1200万元)
PROCUREMENT_PART_BEFORE = r"其中|货物|工程|服务类|分散|电子卖场|网上商城|协议供货|定点|预算|节约|中小企业|框架"
# an amount that is not the fees collected: 减免行政事业性收费5万元, 涉企, 本级 (a government's, not the organ's)
FEE_PART_BEFORE = r"减免|免征|免收|减征|缓征|停征|取消|降低|减少|退还|退付|涉企|本级|代收|全口径"

FIGURES_2019 = COMMON_FIGURES + normative_figures(
    "made", "本年新制作数量", (("published", "本年新公开数量"), ("public_total", "对外公开总数量")), "规范性文件",
) + (
    TextFigure("procurement_projects", "政府集中采购项目",
               (P("政府集中采购项目", FILL, before_not=PROCUREMENT_PART_BEFORE),
                P("集中采购项目", FILL, before_not=r"政府$|" + PROCUREMENT_PART_BEFORE)),
               (T(("item9.procurement.projects",), "政府集中采购项目数量（表二第二十条第（九）项）"),),
               units="个|项|件"),
    TextFigure("procurement_amount", "政府集中采购金额",
               tuple(P(a, FILL, before_not=PROCUREMENT_PART_BEFORE) for a in ("采购总金额", "采购金额", "采购总额")),
               (T(("item9.procurement.amount",), "政府集中采购总金额（表二第二十条第（九）项）"),),
               money=True),
)

FIGURES_2021 = COMMON_FIGURES + normative_figures(
    "issued", "本年制发件数", (("issued", "本年制发件数"), ("in_force", "现行有效件数")), "行政规范性文件",
) + (
    TextFigure("normative_repealed", "本年废止的行政规范性文件",
               (P("废止", r"(?:了)?(?:行政)?规范性文件" + FILL),),
               (T(("item1.normative.repealed",), "行政规范性文件本年废止件数（表二第二十条第（一）项）"),),
               units="件|个|份|部"),
    TextFigure("normative_in_force", "现行有效的行政规范性文件",
               (P("现行有效", r"(?:的)?(?:行政)?规范性文件" + FILL),),
               (T(("item1.normative.in_force",), "行政规范性文件现行有效件数（表二第二十条第（一）项）"),),
               units="件|个|份|部"),
    TextFigure("rules_in_force", "现行有效的规章",
               (P("现行有效", r"(?:的)?规章" + FILL),),
               (T(("item1.rules.in_force",), "规章现行有效件数（表二第二十条第（一）项）"),),
               units="件|个|份|部"),
    TextFigure("fees", "行政事业性收费金额",
               (P("行政事业性收费", r"(?:收入|金额|总额|总金额)?" + LINK, before_not=FEE_PART_BEFORE),),
               (T(("item8.fees.amount",), "行政事业性收费本年收费金额（表二第二十条第（八）项）"),),
               money=True),
)
