"""Words that tell whether a number or a year in the text speaks of the report year (data for the text rules).

model.text_figures skips approximate figures and figures about another period; model.text_years accepts a
year other than the report year only where the sentence plainly speaks of it as past or future. Each entry
is a regular expression; a word missing here costs a missed warning, a word too many a false one.
"""

# ---- numbers (model.text_figures) ----

# right before the number: 约258件, 近300件, 超过20件, 数十件
APPROX_BEFORE = r"约|大约|近|将近|接近|超过|逾|不足|不到|不少于|多于|少于|上百|上千|数"
# right before the phrase: 约收到申请30件
APPROX_CLAUSE_WORDS = ("约", "大约", "将近", "接近", "超过")
# right after the number: 258余件, 二十多件, 二十来件
APPROX_AFTER = r"余|多|来"
# after the unit: 20件左右, 100件以上
APPROX_TAIL = r"左右|以上|以下|上下|之多|有余"
# in the sentence before a figure: it is about another period (a year other than the report year counts too)
OTHER_PERIOD = (
    r"同比|环比|上年|上一年|去年|前年|往年|历年|以往|累计|以来|近[一二两三四五六七八九十\d]+年|"
    r"[一二两三四五六七八九十\d]+年来|上半年|下半年|季度|月份"
)
OTHER_PERIOD_NEEDS = ("年", "同比", "环比", "以往", "累计", "以来", "季度", "月份")  # one is in every match
# months 1–11 are a part of the year (12月 is its end: 截至12月31日); not after another digit (12月)
MONTH = r"(?:1[01]|[1-9]|十一|[一二三四五六七八九十])\s*月"
MONTH_NEEDS = ("月",)  # every month holds it (a text without it needs no pattern: start-up time)
MONTH_NOT_AFTER = "0123456789一二三四五六七八九十"
# in the sentence before a figure: it counts more than this organ (全县各部门共收到申请…)
OTHER_SCOPE = (r"全县|全市|全区|全省|全州|全盟|全旗|全镇|全乡|全系统|系统内|各部门|各单位|各乡镇|各街道|所属|下属|直属|"
               r"所辖|辖区|各村|各社区|村（社区）|村\(社区\)|村级|社区级")
# in the sentence before 收到/办结: the figure counts other matters than applications for disclosure
# (12345热线诉求, 政务服务办件, 投诉举报, 建议提案)
OTHER_MATTER = (r"投诉|举报|热线|12345|12315|诉求|来信|来访|信访|办件|政务服务|审批服务|便民服务|工单|咨询|留言|"
                r"建议|提案|业务")
# this report's own rows named with period words: not another period
NEUTRAL_PERIOD = r"上一?年度?结转|结转(?:至|到)?下一?年度"
NEUTRAL_PERIOD_NEEDS = ("结转",)
# sentences and clauses: the characters that end them (plain characters, not expressions)
SENTENCE_END = "。！？；;!?\n"
FULL_STOP = r"[。！？!?\n]"  # a sentence in the wider sense: 因政府信息公开被申请行政复议4件，…；被提起行政诉讼2件
PARAGRAPH_END = "\n"
HEADING_CHARS = 30  # a line this short above a paragraph is its heading (（二）依申请公开)
CLAUSE_END = "，,：:" + SENTENCE_END

# ---- years (model.text_years) ----

YEAR = r"(?:19|20)\d{2}(?=\s*年)|[〇零一二三四五六七八九]{4}(?=年)"  # not after another digit (model.text_figures)
# a year further than this from the report year is history or a far goal, never a stale copy
NEAR_YEARS = 5
# anywhere in the sentence: it speaks of the past
PAST_WORDS = (r"以来|至今|迄今|同比|环比|相比|相较|对比|比较|上年|上一年|去年|前年|往年|历年|以往|此前|之前|"
              r"曾经|曾|先后|回顾|连续|已|整改")
# right before the year: 自2019年, 较2022年, 与2022年相比
PAST_BEFORE = r"(?:自|从|早在|较|比|与|同)\s*$"
# right after the year: 2019年以来, 2019年5月起, 2022年同期
_DATE_TAIL = r"^\s*年(?:度)?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?\s*"
PAST_AFTER = (_DATE_TAIL + r"(?:以来|起|开始|至今|以前|之前|前|同期|相比|相较)"
              # a dated event (2022年12月，…出台) and last year's assessment, published this year (2022年度考核)
              r"|^\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月|^\s*年\s*(?:底|末)(?!\s*前)"
              r"|^\s*年度?[^，,。；;]{0,12}(?:考核|考评|评估|评议|测评|评比)")
# right before the year: a statistics date (截至2023年底) is never a dated event of the past
DATE_OF_DATA_BEFORE = r"(?:截至|截止|截止到|截至到)\s*$"
# anywhere in the sentence: it speaks of the future
FUTURE_WORDS = r"将|拟|计划|力争|争取|预计|确保|目标|规划|展望|下一步|下步|明年|来年|今后|未来|届时|以后|之后"
# before a later year in its paragraph (or the heading line above): the paragraph lists plans
# (改进措施：一是2024年组织…；二是2024年建立…)
PLAN_WORDS = FUTURE_WORDS + r"|改进措施|改进举措|改进情况|整改措施|工作打算|工作计划|工作安排|工作思路|下一年度|新的一年"
FUTURE_AFTER = _DATE_TAIL + r"(?:前|以前|之前|起|开始|底前|年底前|末前)"
# the year after the report year with a month of its first half: filing and publication dates
FILING_AFTER = r"^\s*年\s*(?:0?[1-6]|[一二三四五六])\s*月"
# a year naming a document, not a time: 2019年修订, 2023年版, 2023年第5号
DOCUMENT_AFTER = (r"^\s*年?\s*(?:第\s*\d+\s*号|第[一二三四五六七八九十百]+号|版|新?修订|新?修正|修改)"
                  r"|^\s*年度?\s*(?:工作)?(?:年度)?报告(?!期)")  # 针对2023年度报告中指出的问题: last year's report
# a span of years: 2019—2023年, 2019年至2023年
RANGE_BEFORE = r"[\d〇零一二三四五六七八九]\s*年?度?\s*(?:—|–|-|~|～|至|到)\s*$"
RANGE_AFTER = _DATE_TAIL + r"(?:—|–|-|~|～|至|到)"
# openers and closers of names and quotations: a year inside is part of a name
NAME_BRACKETS = ("《》", "〔〕", "“”", "「」", "[]", "【】")
# a sentence stating the statistics period: every year in it must be the report year
STATISTICS = r"统计期限|统计时限|统计期间|统计时间|统计区间|统计时段|统计周期|数据统计"

# ---- the report's title quoted in the text ----

TITLE = r"政府信息公开(?:工作)?年度报告"
TITLE_NEEDS = ("政府信息公开年度报告", "政府信息公开工作年度报告")  # TITLE as written
# the sentence cites last year's report: 2022年政府信息公开工作年度报告中提出的问题已整改
TITLE_PAST = r"上年|去年|上一年|以来|已|整改|提出的|反映的|指出的"
# words before a unit name in the title: 现将火花镇人民政府2019年…
TITLE_STOPS = (r"现将|现予|特将|特此|本报告|根据|按照|依据|编制|编写|编印|制作|形成|发布|公布|公开|由|是|为|"
               r"的|将|和|及|与|在|对|了|本|我")  # 我局, 本镇: the unit speaking of itself, not its name
# after the title: the text cites another organ's requirements for the reports, not this report
# (按照市政府办公室2024年度政府信息公开工作年度报告编制工作要求): the organ named is not this report's unit
TITLE_REQUIREMENTS_AFTER = r"^\s*(?:的)?(?:编制|编写|编报|报送|发布工作|格式|模板|培训|工作要求|要求|通知)"
# a unit name ends like the name of an organ
ORGAN_SUFFIX = (r"(?:人民政府|政府|办事处|委员会|管委会|局|委|办公室|办|厅|署|院|所|中心|站|队|镇|乡|街道|"
                r"区|县|市|省|州|旗|盟)$")
