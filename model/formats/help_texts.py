"""Help for every section, row and column, quoted from the official texts; and a hint per finding of where to look first.

Each entry is a tuple of (source, words). The notices (国办公开办函〔2019〕60号 and 〔2021〕30号) are quoted
verbatim (tests/test_help.py checks every quote against tests/data/official/); the 条例 articles that a row's
label refers to are quoted as promulgated (国务院令第711号). Entries marked 填写提示 are this application's
own notes on filling in, never presented as official.
"""
from __future__ import annotations

from .definition import tree_path

NOTICE_2019 = "《政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）"
NOTICE_2021 = "《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
NOTICE = "格式通知"  # words both notices say alike: shown as the notice of the report's own format
NOTICES = {"2019": NOTICE_2019, "2021": NOTICE_2021}
REGULATION = "《中华人民共和国政府信息公开条例》"
TEMPLATE = "格式模板"
TIP = "填写提示"

Help = tuple[tuple[str, str], ...]

BALANCE_NOTE = (TEMPLATE, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
APPLICATIONS_2019 = (NOTICE_2019, "这一项主要报告两方面情况：一是申请人的类别；二是政府信息公开申请的最终处理结果。"
                                  "此项内容重在数据准确、要素齐备，全面客观反映政府信息公开申请接收和办理情况，"
                                  "便于政府信息公开工作主管部门全面掌握工作动态，使社会各界了解政府公开透明进程。")
APPLICATIONS_2021 = (NOTICE_2021, APPLICATIONS_2019[1])
OTHER_HANDLING = (NOTICE_2019, "需要说明的是，行政机关处理政府信息公开申请的情况中，设置了“其他处理”项目，"
                               "主要是考虑新旧条例执行衔接以及极少数特殊情况。原则上，所有的政府信息公开申请，"
                               "都应当按照法定的处理方式做出处理。各政府信息公开工作主管部门要高度关注这一项目的数据，"
                               "对“其他处理”数量偏高的行政机关，要了解情况，及时发现并解决相关问题。")
REVIEW_TEXT = ("这一项主要报告两方面情况：一是政府信息公开行政复议处理结果情况；二是政府信息公开行政诉讼处理结果情况。"
               "根据行政复议法和行政诉讼法有关规定，行政诉讼处理结果需进一步区分两类情形，"
               "分别是“未经复议直接起诉”和“复议后起诉”。")
CO_DEFENDANT = "行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量，不计算行政复议机关的案件数量。"
PROBLEMS_TEXT = ("此项内容重在实事求是、明确具体，避免笼统模糊、泛泛而谈。查找问题要有针对性，改进举措要有实效性，"
                 "不得出现敷衍了事甚至年年雷同现象。")
DATA_DATE = (NOTICE_2021, "各项数据核定时间点为报告年度的12月31日。")
ALL_DECISIONS = (NOTICE_2021, "第（五）项的行政许可数量、第（六）项的行政处罚和行政强制数量，包括已公开和依法未公开的全部处理决定。")
PROACTIVE_2019 = (NOTICE_2019, "要突出重点，注重用数据反映情况，将人民群众较为关注、对社会影响较大的政府信息主动公开情况进行报告。"
                               "在此基础上，进一步反映本机关制发文件、开展行政执法活动等重要工作开展情况，"
                               "更好发挥政府信息公开制度功能。")


def _art(number: str, text: str) -> tuple[str, str]:
    return (f"{REGULATION}{number}", text)


ART14 = _art("第十四条", "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、"
                      "公共安全、经济安全、社会稳定的政府信息，不予公开。")
ART16_2 = _art("第十六条第二款", "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商函、请示报告等过程性信息"
                           "以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。")
ART20_1 = _art("第二十条第（一）项", "行政法规、规章和规范性文件；")
ART20_5 = _art("第二十条第（五）项", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；")
ART20_6 = _art("第二十条第（六）项", "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定；")
ART30 = _art("第三十条", "政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内"
                     "一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。"
                     "申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。")
ART39 = _art("第三十九条", "申请人以政府信息公开申请的形式进行信访、投诉、举报等活动，行政机关应当告知申请人不作为政府信息公开"
                       "申请处理并可以告知通过相应渠道提出。申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等"
                       "公开出版物的，行政机关可以告知获取的途径。")

# section key → help; a format's own entries (FORMAT_HELP) come first
SECTION_HELP: dict[str, Help] = {
    "review": ((NOTICE, REVIEW_TEXT), (NOTICE, CO_DEFENDANT)),
}
FORMAT_SECTION_HELP: dict[str, dict[str, Help]] = {
    "2019": {
        "overview": ((NOTICE_2019, "这一项主要报告本机关上一年度政府信息公开工作总体情况，重在聚焦主题主线，"
                                   "对本机关贯彻落实《中华人民共和国政府信息公开条例》情况进行综述，主要包括主动公开、"
                                   "依申请公开、政府信息管理、平台建设、监督保障（含《中华人民共和国政府信息公开条例》"
                                   "第五十条第四项规定的各级人民政府“工作考核、社会评议和责任追究结果情况”）等方面。"),),
        "proactive": ((NOTICE_2019, "这一项主要报告《中华人民共和国政府信息公开条例》第二十条规定的法定主动公开内容中，"
                                    "适宜以数据方式呈现且具备统计汇总价值的内容，包括（一）（五）（六）（八）（九）共五项。"
                                    "其他法定主动公开内容的公开情况，在“总体情况”部分综合体现。"), PROACTIVE_2019),
        "applications": (APPLICATIONS_2019, BALANCE_NOTE, OTHER_HANDLING),
        "problems": ((NOTICE_2019, "这一项主要报告本机关上一年度政府信息公开工作中存在的主要问题及改进情况。"
                                   + PROBLEMS_TEXT),),
        "other": ((NOTICE_2019, "这一项主要报告本机关认为需要报告的其他事项，以及其他有关文件专门要求通过"
                                "政府信息公开工作年度报告予以报告的事项。"),),
    },
    "2021": {
        "overview": ((NOTICE_2021, "这一项报告本机关政府信息公开工作总体情况，对本机关贯彻落实《中华人民共和国政府信息公开条例》"
                                   "情况进行综述，主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障"
                                   "（含《中华人民共和国政府信息公开条例》第五十条第四项规定的各级人民政府“工作考核、社会评议"
                                   "和责任追究结果情况”）等方面，重在聚焦主题、简明客观，篇幅原则上不超过一千字。"),),
        "proactive": ((NOTICE_2021, "这一项主要报告《中华人民共和国政府信息公开条例》第二十条规定的法定主动公开内容中，"
                                    "适宜以数据方式呈现且具备统计汇总价值的内容，包括（一）（五）（六）（八）共四项，其中，"
                                    "第（五）项的行政许可数量、第（六）项的行政处罚和行政强制数量，包括已公开和依法未公开的"
                                    "全部处理决定。各项数据核定时间点为报告年度的12月31日。"),),
        "applications": (APPLICATIONS_2021, BALANCE_NOTE),
        "problems": ((NOTICE_2021, "这一项主要报告本机关政府信息公开工作中存在的主要问题及改进情况。" + PROBLEMS_TEXT),),
        "other": ((NOTICE_2021, "这一项主要报告本机关认为需要报告的其他事项，以及其他有关文件专门要求通过年度报告予以报告的事项。"),
                  (NOTICE_2021, "各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告。")),
    },
}

# "table.row" → help for a row label (group rows included)
ROW_HELP: dict[str, Help] = {
    "item1.rules": (ART20_1,),
    "item1.normative": (ART20_1,),
    "item5.licensing": (ART20_5,),
    "item5.other_services": (ART20_5,),
    "item6.penalty": (ART20_6,),
    "item6.coercion": (ART20_6,),
    "item8.fees": (_art("第二十条第（八）项", "行政事业性收费项目及其依据、标准；"),),
    "item9.procurement": (_art("第二十条第（九）项", "政府集中采购项目的目录、标准及实施情况；"),),
    "applications.new": (BALANCE_NOTE,),
    "applications.carried_over": (BALANCE_NOTE, (TIP, "应与上年报告“四、结转下年度继续办理”逐列相同。")),
    "applications.results": ((NOTICE, "二是政府信息公开申请的最终处理结果。"), BALANCE_NOTE),
    "applications.disclosed": (_art("第三十六条第（一）、（二）项", "所申请公开信息已经主动公开的，告知申请人获取该政府信息的"
                                                        "方式、途径；所申请公开信息可以公开的，向申请人提供该政府信息，"
                                                        "或者告知申请人获取该政府信息的方式、途径和时间；"),),
    "applications.partial": ((TEMPLATE, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
                             _art("第三十七条", "申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，"
                                             "行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。")),
    "applications.refused": (_art("第三十六条第（三）项", "行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；"),),
    "applications.refused_secret": (ART14,),
    "applications.refused_law": (ART14,),
    "applications.refused_safety": (ART14,),
    "applications.refused_third_party": (_art("第十五条", "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，"
                                                       "行政机关不得公开。但是，第三方同意公开或者行政机关认为不公开会对"
                                                       "公共利益造成重大影响的，予以公开。"),),
    "applications.refused_internal": (_art("第十六条第一款", "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等"
                                                       "方面的信息，可以不予公开。"),),
    "applications.refused_process": (ART16_2,),
    "applications.refused_enforcement": (ART16_2,),
    "applications.refused_query": (_art("第三十六条第（七）项", "所申请公开信息属于工商、不动产登记资料等信息，有关法律、"
                                                          "行政法规对信息的获取有特别规定的，告知申请人依照有关法律、"
                                                          "行政法规的规定办理。"),),
    "applications.unable": (_art("第三十六条第（四）、（五）项", "经检索没有所申请公开信息的，告知申请人该政府信息不存在；"
                                                       "所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；"
                                                       "能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的"
                                                       "名称、联系方式；"),),
    "applications.unable_not_held": (_art("第三十六条第（四）项", "经检索没有所申请公开信息的，告知申请人该政府信息不存在；"),
                                     _art("第三十六条第（五）项", "所申请公开信息不属于本行政机关负责公开的，告知申请人并说明"
                                                              "理由；能够确定负责公开该政府信息的行政机关的，告知申请人该"
                                                              "行政机关的名称、联系方式；")),
    "applications.unable_needs_making": (_art("第三十八条", "行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。"
                                                       "除依照本条例第三十七条的规定能够作区分处理的外，需要行政机关对"
                                                       "现有政府信息进行加工、分析的，行政机关可以不予提供。"),),
    "applications.unable_unclear": (ART30,),
    "applications.not_processed_petition": (ART39,),
    "applications.not_processed_repeat": (_art("第三十六条第（六）项", "行政机关已就申请人提出的政府信息公开申请作出答复、"
                                                               "申请人重复申请公开相同政府信息的，告知申请人不予重复处理；"),),
    "applications.not_processed_publication": (ART39,),
    "applications.not_processed_mass": (_art("第三十五条", "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以"
                                                       "要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予"
                                                       "处理；行政机关认为申请理由合理，但是无法在本条例第三十三条规定的"
                                                       "期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。"),),
    "applications.other": (OTHER_HANDLING,),
    "applications.other_no_correction": (ART30,),
    "applications.other_no_fee": (_art("第四十二条第一款", "行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开"
                                                        "政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费。"),),
    "applications.other_other": (OTHER_HANDLING,),
    "applications.results_total": (BALANCE_NOTE, (TIP, "由（一）至（六）各项自动相加，不能填写。")),
    "applications.carry_forward": (BALANCE_NOTE,),
}
FORMAT_ROW_HELP: dict[str, dict[str, Help]] = {
    "2021": {
        "item5.licensing": (ART20_5, ALL_DECISIONS),
        "item6.penalty": (ART20_6, ALL_DECISIONS),
        "item6.coercion": (ART20_6, ALL_DECISIONS),
    },
}

# "table.column" → help for a column label (group columns included)
CHANGE_TIP = (TIP, "本年增加的填正数，减少的填负数（可输入“减2”）。")
COLUMN_HELP: dict[str, Help] = {
    "item5.change": (PROACTIVE_2019, CHANGE_TIP),
    "item6.change": (PROACTIVE_2019, CHANGE_TIP),
    "item8.change": (PROACTIVE_2019, CHANGE_TIP),
    "item9.amount": (_art("第二十条第（九）项", "政府集中采购项目的目录、标准及实施情况；"),
                     (TIP, "金额可带单位输入，如“251000元”或“25.1万元”，打印时连同单位一起印出。")),
    "applications.applicant": ((NOTICE, "一是申请人的类别；"),),
    "applications.total": (BALANCE_NOTE, (TIP, "各类申请人之和，自动计算，不能填写。")),
    "review.review": ((NOTICE, "一是政府信息公开行政复议处理结果情况；"),),
    "review.litigation": ((NOTICE, "二是政府信息公开行政诉讼处理结果情况。根据行政复议法和行政诉讼法有关规定，"
                                   "行政诉讼处理结果需进一步区分两类情形，分别是“未经复议直接起诉”和“复议后起诉”。"),
                          (NOTICE, CO_DEFENDANT)),
}
FORMAT_COLUMN_HELP: dict[str, dict[str, Help]] = {
    "2019": {
        "item1.made": (PROACTIVE_2019,), "item1.published": (PROACTIVE_2019,), "item1.public_total": (PROACTIVE_2019,),
    },
    "2021": {
        "item1.issued": (DATA_DATE,), "item1.repealed": (DATA_DATE,), "item1.in_force": (DATA_DATE,),
        "item5.decisions": (ALL_DECISIONS, DATA_DATE), "item6.decisions": (ALL_DECISIONS, DATA_DATE),
        "item8.amount": ((TEMPLATE, "本年收费金额（单位：万元）"), DATA_DATE),
    },
}

# where to look first, per rule id (R1 by direction: one plus two more, or less, than three plus four)
RULE_HINTS: dict[str, str] = {
    "R1.more": "先查“三、本年度办理结果”各项和“四、结转下年度继续办理”是否漏填。",
    "R1.less": "先查“一、本年新收”“二、上年结转”是否漏填，再查有无申请被计入两种办理结果（区分处理的只计“部分公开”）。",
    "R2": "先查（一）至（六）各分项是否照原表抄全，再核对原表的（七）总计。",
    "R3": "先查各类申请人的数字是否照原表抄全，再核对原表的总计。",
    "R4": "先查结果维持、结果纠正、其他结果、尚未审结是否照原表抄全，再核对原表的总计。",
    "R6": "先查上年报告的“四、结转下年度继续办理”：本年“二、上年结转”应与之逐列相同。",
    "R7": "先查上年报告的现行有效件数，再查本年制发件数、本年废止件数是否填全。",
    "R8": "先查“本年增/减”的正负：减少的应填负数（如“减2”）。",
    "R8.cross-year": "先查上年报告的“上一年项目数量”和“本年增/减”。",
    "R9.overview-length": "可精简叙述，详细数据见各表。",
    "R9.fee-silent": "没有收取信息处理费的，写明“本年度未收取信息处理费”。",
    "R9.problems-empty": "写明本年度的具体问题和改进措施。",
    "R9.problems-repeat": "按本年度实际情况重写问题和改进措施。",
    "R10": "先核对表中数字；正文若指另一口径（如含上年结转），可在句中写明，或标为已说明。",
    "R11": "沿用上年报告的文字时请改为本年度；确指往年或来年的，可写明“上年”“以来”“将”等。",
    "R11.title-year": "核对正文中的报告标题与基本信息的报告年度。",
    "R11.title-unit": "核对正文中的报告标题与基本信息的填报单位。",
    "R12.unit_name": "在“基本信息”页填写填报单位全称。",
    "R12.overview": "按主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面写明本年度总体情况。",
    "R12.problems": "写明本年度存在的主要问题和改进情况。",
    "R12.report_date": "在“基本信息”页填写报告日期（年-月-日）。",
}


def _lookup(by_format: dict[str, dict[str, Help]], common: dict[str, Help], format_id: str, key: str) -> Help:
    entries = by_format.get(format_id, {}).get(key) or common.get(key, ())
    return tuple((NOTICES.get(format_id, NOTICE_2021) if source == NOTICE else source, text)
                 for source, text in entries)


def section_help(format_id: str, section_key: str) -> Help:
    return _lookup(FORMAT_SECTION_HELP, SECTION_HELP, format_id, section_key)


def row_help(format_id: str, table_key: str, row_key: str) -> Help:
    return _lookup(FORMAT_ROW_HELP, ROW_HELP, format_id, f"{table_key}.{row_key}")


def column_help(format_id: str, table_key: str, column_key: str) -> Help:
    return _lookup(FORMAT_COLUMN_HELP, COLUMN_HELP, format_id, f"{table_key}.{column_key}")


def label_help(format_id: str, section_key: str, table, key: str, column: bool) -> Help:
    """Help for a row or column label: its own entry, else its group's, else the section's."""
    lookup = column_help if column else row_help
    for node in reversed(tree_path(table.columns if column else table.rows, key)):
        found = lookup(format_id, table.key, node.key)
        if found:
            return found
    return section_help(format_id, section_key)


def help_outline(fmt) -> list[tuple[int, str, str, Help]]:
    """The 填报说明 of a format, in printed order: (level, anchor, title, help) for each section (level 1),
    table block (2), column (3) and row (3)."""
    out: list[tuple[int, str, str, Help]] = []
    for section in fmt.sections:
        out.append((1, section.key, section.heading, section_help(fmt.id, section.key)))
        for table in getattr(section, "tables", ()):
            if table.title:
                out.append((2, f"{section.key}.{table.key}", table.title, ()))
            for kind, nodes in (("column", table.columns), ("row", table.rows)):
                lookup = column_help if kind == "column" else row_help
                stack = list(reversed(nodes))
                while stack:
                    node = stack.pop()
                    stack.extend(reversed(node.children))
                    entries = lookup(fmt.id, table.key, node.key)  # a node without its own shares its group's
                    if entries:
                        label = f"（列）{table.column_label(node.key)}" if kind == "column" and not node.children \
                            else (f"（列）{node.label}" if kind == "column" else node.label)
                        out.append((3, f"{section.key}.{table.key}.{kind}.{node.key}", label, entries))
    return out
