"""Report texts written in the style of real published reports, with the table figures they quote.

Each entry: year, unit, the three texts, and the cells (table.row.column → value) that agree with the texts.
Used by tests/test_text_checks.py: agreeing reports give no text finding; changing one cell gives one.
"""
from __future__ import annotations

from decimal import Decimal

COUNTY_BUREAU_2023 = {
    "year": 2023,
    "unit": "某某县教育局",
    "overview": (
        "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发"
        "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。"
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
        "2023年，某某县教育局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
        "认真落实《2023年某某县政务公开工作要点》，进一步提升政务公开质量。\n"
        "（一）主动公开。全年通过县政府门户网站主动公开政府信息1256条，其中机构职能类信息18条，"
        "教育资助类信息320余条。制发行政规范性文件3件，废止1件，截至2023年12月31日，现行有效行政规范性文件12件。"
        "全年作出行政许可决定326件，行政处罚决定15件，行政强制决定0件。\n"
        "（二）依申请公开。2023年共收到政府信息公开申请28件，较上年增长40%，上年结转2件。"
        "全年办结29件，结转下年度继续办理1件。其中，予以公开12件，部分公开（区分处理的，只计这一情形）5件，"
        "不予公开3件，无法提供7件，不予处理1件，其他处理1件。全部申请均在法定期限内答复。\n"
        "（三）政府信息管理。严格落实保密审查制度，坚持“先审查、后公开”，全年未发生泄密事件。\n"
        "（四）平台建设。优化政府网站教育专栏，开通“政策问答”栏目，累计答复群众咨询560余件。\n"
        "（五）监督保障。全年发生政府信息公开行政复议1件，行政诉讼0件，未发生因政府信息公开工作被追责的情况。"
        "自2019年新修订的《条例》施行以来，我局连续五年将政务公开纳入年度考核。"
    ),
    "problems": (
        "2023年，我局政府信息公开工作取得了一定成效，但仍存在一些不足：一是部分股室对政务公开重视不够，"
        "信息报送不及时；二是政策解读形式较为单一，图解、视频等解读较少。"
        "针对上述问题，2024年，我局将重点做好以下工作：一是强化责任落实，将政务公开纳入股室年度考核；"
        "二是丰富解读形式，力争2024年图文解读占比达到50%以上。"
        "上年度报告中提出的“专栏更新不及时”问题已于2023年3月完成整改。"
    ),
    "other": (
        "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"
        "本报告电子版可在某某县人民政府门户网站下载，将于2024年1月31日前向社会公布。"
    ),
    "cells": {
        "item1.normative.issued": 3, "item1.normative.repealed": 1, "item1.normative.in_force": 12,
        "item1.rules.in_force": 0,
        "item5.licensing.decisions": 326, "item6.penalty.decisions": 15, "item6.coercion.decisions": 0,
        "applications.new.natural": 20, "applications.new.commercial": 8,
        "applications.carried_over.natural": 2,
        "applications.disclosed.natural": 9, "applications.disclosed.commercial": 3,
        "applications.partial.natural": 5,
        "applications.refused_third_party.natural": 2, "applications.refused_process.commercial": 1,
        "applications.unable_not_held.natural": 4, "applications.unable_not_held.commercial": 3,
        "applications.not_processed_repeat.natural": 1,
        "applications.other_no_correction.natural": 1,
        "applications.carry_forward.commercial": 1,
        "review.cases.review_upheld": 1,
    },
}

TOWN_2020 = {
    "year": 2020,
    "unit": "火花镇人民政府",
    "overview": (
        "(一)总体情况：2020年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开的工作要求，"
        "将政务公开工作列入重要议事日程。一年来，主动公开政府信息105条，召开政府信息公开工作会议4次。\n"
        "（二）主动公开信息情况：一是在县人民政府网站公开机关职能、机构设置、办公地址等信息；\n"
        "二是制定扶贫、教育、医疗等方面实施意见、措施等规范性文件５个，通过政府网站、政务公开栏全面公开；\n"
        "三是公开政府集中采购项目２个，采购总金额251000元；\n"
        "四是2020年度，我镇共收到政府信息公开申请三件，予以公开两件，部分公开一件，未发生因政府信息公开引起的行政复议、"
        "行政诉讼。\n"
        "五是通过政务公开宣传栏公开社会救助信息12条、疫情防控信息40余条。"
    ),
    "problems": (
        "2020年，我镇政务公开工作虽然取得了一定成效，但也存在不足：一是公开内容不够全面，更新不够及时；"
        "二是工作人员业务水平有待提高。\n下一步，我镇将按照上级要求，加强业务培训，2021年内完成政务公开栏改造。"
    ),
    "other": "无",
    "cells": {
        "item1.normative.made": 5, "item1.normative.published": 5, "item1.normative.public_total": 198,
        "item5.other_services.previous": 48,
        "item9.procurement.projects": 2,
        "applications.new.natural": 3,
        "applications.disclosed.natural": 2, "applications.partial.natural": 1,
    },
    "money": {"item9.procurement.amount": (Decimal("251000"), "元")},
}

DISTRICT_2022 = {
    "year": 2022,
    "unit": "某某市某某区人民政府办公室",
    "overview": (
        "现将某某市某某区人民政府办公室2022年政府信息公开工作年度报告公布如下。\n"
        "一、总体情况\n2022年，区政府办公室深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，"
        "围绕“六稳”“六保”重点任务，扎实做好政府信息公开工作。\n"
        "（一）主动公开。全年主动公开政府信息3,126条。截至2022年底，现行有效规章0件，"
        "现行有效行政规范性文件48件，其中本年制发6件、废止2件。\n"
        "（二）依申请公开。全年新收政府信息公开申请１１５件，上年结转的申请6件，共计121件；"
        "已办结118件，结转下年度3件。从申请人类型看，自然人申请102件，法人或其他组织申请13件。"
        "从办理结果看，予以公开45件，部分公开18件，不予公开9件，无法提供37件，不予处理6件，其他处理3件。"
        "其中网上收到申请80件，信函申请35件。与2021年相比，申请数量增长约12%。\n"
        "（三）行政复议和行政诉讼。本年度因政府信息公开被申请行政复议4件，其中结果维持3件、尚未审结1件；"
        "被提起行政诉讼2件，均为未经复议直接起诉。\n"
        "（四）本年度收取行政事业性收费0.85万元。"
    ),
    "problems": (
        "2022年工作中还存在以下问题：依申请公开答复的规范性有待提高，个别答复书法律依据引用不够准确。"
        "2023年，我办将组织依申请公开专题培训，修订答复文书模板。"
    ),
    "other": "2022年度本机关未收取信息处理费。",
    "cells": {
        "item1.normative.issued": 6, "item1.normative.repealed": 2, "item1.normative.in_force": 48,
        "applications.new.natural": 102, "applications.new.commercial": 13,
        "applications.carried_over.natural": 6,
        "applications.disclosed.natural": 40, "applications.disclosed.commercial": 5,
        "applications.partial.natural": 18,
        "applications.refused_internal.natural": 4, "applications.refused_process.natural": 5,
        "applications.unable_not_held.natural": 30, "applications.unable_needs_making.commercial": 7,
        "applications.not_processed_repeat.natural": 6,
        "applications.other_no_correction.natural": 2, "applications.other_other.commercial": 1,
        "applications.carry_forward.natural": 3,
        "review.cases.review_upheld": 3, "review.cases.review_pending": 1, "review.cases.direct_upheld": 2,
    },
    "money": {"item8.fees.amount": (Decimal("0.85"), "万元")},
}

REPORTS = {"county-bureau-2023": COUNTY_BUREAU_2023, "town-2020": TOWN_2020, "district-2022": DISTRICT_2022}
