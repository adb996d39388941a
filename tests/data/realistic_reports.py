"""Report texts written in the style of real published reports, with the table figures they quote.

Each entry: year, unit, the three texts, and the cells (table.row.column → value) that agree with the texts.
Used by tests/test_text_figures.py: agreeing reports give no text finding; changing one cell gives one.
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

# Written in the audit of issue 14: towns, county bureaus with figures of other matters (政务服务办结, 12345热线,
# 行政复议案件 decided by a 司法局, decisions of one procedure), Chinese and full-width numerals, 同比/累计/约/余件,
# figures of other organs (全县, 所属乡镇, 各村), documents quoted with their years, plans naming next year.
TOWN_2024 = {
    "year": 2024, "unit": "某某县青石镇人民政府",
    "overview": (
        "青石镇人民政府2024年政府信息公开工作年度报告\n"
        "本报告由青石镇人民政府根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求"
        "编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自2024年1月1日起至2024年1"
        "2月31日止。本报告电子版可在某某县人民政府门户网站（www.xxx.gov.cn）查阅或下载。如对本报告有疑问，请与青石镇党政综合办公室联系（地址：某某县青石镇人民路18号，电话：0000-1234567）。\n"
        "一、总体情况\n"
        "2024年，青石镇坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和《某某县2024年政务公开工作要点》（某政办发〔2024〕12号），以公开促落实、以公开强监管、以公开优服务，全镇政务公开工作取得新成"
        "效。\n"
        "（一）主动公开。全年通过县政府门户网站“乡镇信息公开”专栏主动公开政府信息三百二十六条，同比增长15.2%；通过“青石发布”微信公众号发布信息约540条，村务公开栏更新1,200余次。重点公开财政预决算、惠农补贴、低保救"
        "助等信息，发放各类惠农补贴资金共计486.3万元。\n"
        "（二）依申请公开。2024年，我镇共收到政府信息公开申请五件，同比减少两件，均为自然人申请，无上年结转。全部申请均在法定期限内办结，其中予以公开三件，部分公开一件，无法提供一件。\n"
        "（三）政府信息管理。严格落实公文公开属性源头认定和保密审查机制，全年审查拟公开信息400余条，未发生泄密事件。对2021年以前发布的政策文件开展清理，标注失效文件12件。\n"
        "（四）平台建设。持续规范政府网站乡镇专栏，在镇便民服务中心设置政务公开专区，配备查阅终端2台，全年接待群众查询300余人次。\n"
        "（五）监督保障。成立由镇长任组长的政务公开工作领导小组，将政务公开纳入村（社区）年度综合考核，全年组织业务培训3次。全年未发生因政府信息公开引发的行政复议、行政诉讼，未发生责任追究情况。"
    ),
    "problems": (
        "2024年，我镇政府信息公开工作虽取得一定成效，但仍存在一些不足：一是政策解读形式单一，以文字解读为主；二是村级公开内容更新不够及时。\n"
        "下一步，我镇将重点做好以下工作：一是丰富解读形式，2025年力争图解、短视频解读占比达到30%；二是加强对村（社区）的督促指导，每季度开展一次村务公开检查；三是加强业务培训，提升工作人员能力。"
    ),
    "other": "本年度我镇未收取信息处理费。本报告于2025年1月20日在县政府门户网站公布。",
    "cells": {
        "applications.new.natural": 5, "applications.disclosed.natural": 3, "applications.partial.natural": 1,
        "applications.unable_not_held.natural": 1,
    },
}

HRSS_2023 = {
    "year": 2023, "unit": "某某县人力资源和社会保障局",
    "overview": (
        "一、总体情况\n"
        "2023年，县人力资源和社会保障局在县委、县政府的坚强领导下，深入贯彻落实党的二十大精神，严格执行《条例》，围绕就业、社保、人才、劳动关系等重点领域，扎实推进政务公开工作。\n"
        "（一）主动公开。全年在县政府门户网站主动公开政府信息518条，较2022年增加46条。其中，发布就业创业政策信息126条、社会保险信息98条、招聘信息200余条。制发行政规范性文件2件，废止行政规范性文件1件。全年作出行"
        "政许可决定86件，作出行政处罚决定4件，行政强制决定0件。\n"
        "依托县政务服务中心人社窗口，全年共受理各类人社业务12.6万件，办结12.58万件，群众满意率99.8%。12345热线转办人社类诉求1,356件，按时办结率100%。\n"
        "（二）依申请公开。全年新收政府信息公开申请21件，上年结转3件，共计24件，其中自然人申请19件，法人或其他组织申请2件。全年办结22件，结转下年度继续办理2件。从办理结果看：予以公开8件，部分公开2件，不予公开1件（属"
        "于第三方合法权益），无法提供9件，不予处理2件。自2019年以来，我局累计收到政府信息公开申请96件。\n"
        "（三）政府信息管理。建立健全政府信息公开保密审查、动态更新等制度，全年修订完善主动公开基本目录1次。\n"
        "（四）平台建设。优化政府网站人社专栏，新增“社保待遇查询”“就业政策一点通”等栏目。\n"
        "（五）监督保障。将政务公开工作纳入局机关股室年度目标考核。本年度，因政府信息公开被申请行政复议1件，结果维持；未发生行政诉讼。全年办理劳动人事争议仲裁案件212件。"
    ),
    "problems": (
        "一是主动公开的深度和广度有待提升，部分政策文件解读不够通俗；二是依申请公开答复的规范性有待加强。\n"
        "2024年，我局将：一是在2024年6月底前完成主动公开目录的全面梳理；二是组织依申请公开业务培训不少于2次；三是按照《2024年某某县政务公开工作要点》要求，做好人社领域基层政务公开标准化规范化工作。"
    ),
    "other": (
        "1.收取信息处理费情况：本年度未收取信息处理费。\n"
        "2.人大代表建议和政协提案办理情况：2023年，我局共承办县人大代表建议8件、政协提案11件，均已按期办结，办结率100%。"
    ),
    "cells": {
        "item1.normative.issued": 2, "item1.normative.repealed": 1, "item1.normative.in_force": 9,
        "item5.licensing.decisions": 86, "item6.penalty.decisions": 4, "item6.coercion.decisions": 0,
        "applications.new.natural": 19, "applications.new.commercial": 2,
        "applications.carried_over.natural": 3,
        "applications.disclosed.natural": 7, "applications.disclosed.commercial": 1,
        "applications.partial.natural": 2,
        "applications.refused_third_party.natural": 1,
        "applications.unable_not_held.natural": 8, "applications.unable_not_held.commercial": 1,
        "applications.not_processed_petition.natural": 2,
        "applications.carry_forward.natural": 2,
        "review.cases.review_upheld": 1,
    },
}

SAMR_2024 = {
    "year": 2024, "unit": "某某市某某区市场监督管理局",
    "overview": (
        "2024年，区市场监管局全面贯彻《条例》，聚焦市场监管领域群众关切，持续深化政务公开。\n"
        "（一）主动公开情况\n"
        "全年主动公开政府信息1,865条。本年制发行政规范性文件1件，现行有效行政规范性文件5件。全年作出行政许可决定3,412件，其中食品经营许可1,206件；作出行政处罚决定287件，罚没款共计356.8万元；作出行政强制决"
        "定19件。"
        "依法在国家企业信用信息公示系统公示行政处罚决定281件。截至2024年12月31日，辖区实有经营主体4.6万户。\n"
        "（二）依申请公开情况\n"
        "全年共收到政府信息公开申请42件，另有上年结转申请5件。全年办结44件，结转下年度继续办理3件。办理结果中，予以公开15件，部分公开（区分处理的，只计这一情形，不计其他情形）6件，不予公开7件，无法提供12件，不予处理3"
        "件，其他处理1件。"
        "从申请人类型看，自然人申请35件，法人或其他组织申请7件；网上申请30件，当面申请12件。\n"
        "（三）政府信息管理情况\n"
        "严格执行“三审三校”制度，全年未发生信息公开不当事件。\n"
        "（四）政府信息公开平台建设情况\n"
        "依托12315平台，全年受理投诉举报2.3万件，办结2.28万件，为消费者挽回经济损失320余万元。\n"
        "（五）监督保障情况\n"
        "本年度因政府信息公开被申请行政复议2件，其中结果维持1件，结果纠正1件；被提起行政诉讼1件，尚未审结。作为被申请人的行政复议案件（含行政处罚类）共17件。"
    ),
    "problems": (
        "本年度存在的主要问题：一是行政处罚信息公示时效有待提高；二是政策解读的针对性不强。"
        "2025年，我局将建立行政处罚信息公示“日清周结”机制，确保作出决定之日起20个工作日内公示。"
    ),
    "other": "本年度收取信息处理费0元。2024年度政务公开第三方评估中，我局位列全区第3名。",
    "cells": {
        "item1.normative.issued": 1, "item1.normative.in_force": 5,
        "item5.licensing.decisions": 3412, "item6.penalty.decisions": 287, "item6.coercion.decisions": 19,
        "applications.new.natural": 35, "applications.new.commercial": 7,
        "applications.carried_over.natural": 5,
        "applications.disclosed.natural": 13, "applications.disclosed.commercial": 2,
        "applications.partial.natural": 6,
        "applications.refused_third_party.natural": 4, "applications.refused_process.commercial": 3,
        "applications.unable_not_held.natural": 10, "applications.unable_needs_making.commercial": 2,
        "applications.not_processed_repeat.natural": 3,
        "applications.other_no_correction.natural": 1,
        "applications.carry_forward.natural": 3,
        "review.cases.review_upheld": 1, "review.cases.review_corrected": 1,
        "review.cases.direct_pending": 1,
    },
}

FINANCE_2020 = {
    "year": 2020, "unit": "某某县财政局",
    "overview": (
        "某某县财政局2020年政府信息公开工作年度报告\n"
        "（一）总体情况。2020年，县财政局认真贯彻落实新修订的《条例》，以预决算公开为重点，全面推进财政信息公开。全年主动公开政府信息二百一十八条，其中预决算信息86条、政府采购信息102条。\n"
        "（二）主动公开政府信息情况。本年新制作规范性文件3件，新公开规范性文件3件。全年完成政府集中采购项目46个，采购总金额3,526.48万元，节约资金186万元，节约率5.3%。政府集中采购项目较上年增加8个。\n"
        "（三）依申请公开情况。全年收到政府信息公开申请十二件，上年结转一件。办理结果：予以公开五件，部分公开两件，不予公开一件，无法提供三件，不予处理一件，其他处理一件，本年度无结转下年度继续办理的申请。\n"
        "（四）政府信息公开行政复议、行政诉讼情况。本年度因政府信息公开被申请行政复议0件、被提起行政诉讼0件。\n"
        "（五）监督保障。在2019年度全县政务公开考核中获评优秀等次。"
    ),
    "problems": (
        "一是部门预决算公开的细化程度不够；二是政府采购信息公开的及时性有待提高。"
        "针对以上问题，2021年我局将加强对预算单位的指导，力争2021年6月底前实现部门预算项目支出公开到“项”级科目。"
    ),
    "other": "无。",
    "cells": {
        "item1.normative.made": 3, "item1.normative.published": 3, "item1.normative.public_total": 41,
        "item9.procurement.projects": 46,
        "applications.new.natural": 10, "applications.new.commercial": 2,
        "applications.carried_over.natural": 1,
        "applications.disclosed.natural": 5, "applications.partial.natural": 2,
        "applications.refused_process.natural": 1,
        "applications.unable_not_held.natural": 1, "applications.unable_not_held.commercial": 2,
        "applications.not_processed_repeat.natural": 1,
        "applications.other.natural": 1,
    },
    "money": {"item9.procurement.amount": (Decimal("3526.48"), "万元")},
}

COUNTY_GOV_2023 = {
    "year": 2023, "unit": "某某县人民政府办公室",
    "overview": (
        "一、总体情况\n"
        "2023年，县政府办公室认真贯彻落实党中央、国务院关于全面推进政务公开的决策部署，按照省、市政务公开工作要点要求，推动全县政务公开工作提质增效。\n"
        "全县各级行政机关共主动公开政府信息2.1万余条，收到政府信息公开申请356件；县政府各部门共收到政府信息公开申请298件。所属乡镇共收到申请58件。\n"
        "（一）主动公开。县政府办公室全年主动公开政府信息1,024条，制发行政规范性文件六件，废止两件，现行有效行政规范性文件共二十三件。\n"
        "（二）依申请公开。以县政府（含县政府办公室）名义收到政府信息公开申请38件，上年结转4件；办结40件，结转下年度继续办理2件。其中予以公开11件，部分公开4件，不予公开3件，无法提供17件，不予处理3件，其他处理2件。"
        "\n"
        "（三）监督保障。本年度以县政府为被申请人的政府信息公开行政复议案件5件；被提起政府信息公开行政诉讼3件，其中复议后起诉1件。\n"
        "县政府于2023年3月印发《某某县政务公开工作考核办法》，对全县28个部门、12个乡镇开展年度考核。"
    ),
    "problems": (
        "主要问题：一是基层政务公开标准化规范化建设不平衡；二是政策解读质量有待提高。"
        "改进措施：一是2024年组织开展基层政务公开专项督查；二是建立政策解读质量评估机制。"
    ),
    "other": "本机关2023年度未收取信息处理费。",
    "cells": {
        "item1.normative.issued": 6, "item1.normative.repealed": 2, "item1.normative.in_force": 23,
        "applications.new.natural": 33, "applications.new.commercial": 5,
        "applications.carried_over.natural": 4,
        "applications.disclosed.natural": 10, "applications.disclosed.commercial": 1,
        "applications.partial.natural": 4,
        "applications.refused_process.natural": 3,
        "applications.unable_not_held.natural": 15, "applications.unable_not_held.commercial": 2,
        "applications.not_processed_repeat.natural": 3,
        "applications.other_no_correction.natural": 2,
        "applications.carry_forward.commercial": 2,
        "review.cases.review_upheld": 3, "review.cases.review_corrected": 1, "review.cases.review_pending": 1,
        "review.cases.direct_upheld": 2, "review.cases.after_review_upheld": 1,
    },
}

STREET_2022 = {
    "year": 2022, "unit": "某某市某某区东风街道办事处",
    "overview": (
        "２０２２年，东风街道办事处深入贯彻《条例》，扎实推进基层政务公开标准化规范化建设。\n"
        "（一）主动公开情况。全年主动公开政府信息２１６条。\n"
        "（二）依申请公开情况。本年度共收到政府信息公开申请８件，较去年同期减少３件；均已按期答复，予以公开５件，无法提供２件，不予处理１件。\n"
        "（三）政府信息管理情况。建立健全信息发布审核制度。\n"
        "（四）平台建设情况。街道便民服务中心全年办理各类事项8,600余件，办结8,566件。\n"
        "（五）监督保障情况。全年未发生政府信息公开行政复议、行政诉讼案件。"
    ),
    "problems": (
        "一是信息发布及时性不够；二是公开内容与群众需求契合度不高。"
        "下一步，街道将于２０２３年上半年完成政务公开专区升级改造，并持续开展“政府开放日”活动。"
    ),
    "other": "２０２２年度未收取信息处理费。",
    "cells": {
        "applications.new.natural": 8, "applications.disclosed.natural": 5,
        "applications.unable_not_held.natural": 2, "applications.not_processed_repeat.natural": 1,
    },
}

JUSTICE_2023 = {
    "year": 2023, "unit": "某某县司法局",
    "overview": (
        "2023年，县司法局坚持把政务公开作为建设法治政府的重要抓手。\n"
        "（一）主动公开。全年主动公开政府信息312条。\n"
        "（二）依申请公开。全年收到政府信息公开申请4件，予以公开2件，无法提供2件。\n"
        "（三）行政复议工作。全年共收到行政复议申请126件，受理118件，审结110件，其中维持78件，撤销12件；办理行政应诉案件45件。全年作出行政处罚决定9件。\n"
        "（四）监督保障。本年度未发生因政府信息公开引起的行政复议和行政诉讼。"
    ),
    "problems": "一是政府信息公开专栏内容更新不及时；二是依申请公开办理人员业务水平有待提高。下一步，我局将加强培训，2024年一季度完成专栏内容梳理。",
    "other": "本年度未收取信息处理费。",
    "cells": {
        "item6.penalty.decisions": 9,
        "applications.new.natural": 4, "applications.disclosed.natural": 2, "applications.unable_not_held.natural": 2,
    },
}

REPORTS = {"county-bureau-2023": COUNTY_BUREAU_2023, "town-2020": TOWN_2020, "district-2022": DISTRICT_2022,
           "town-2024": TOWN_2024, "hrss-2023": HRSS_2023, "samr-2024": SAMR_2024, "finance-2020": FINANCE_2020,
           "county-government-2023": COUNTY_GOV_2023, "street-2022": STREET_2022, "justice-2023": JUSTICE_2023}
