/** Inline .perf fixtures for the report tests. */

/** A three-level scoring table inside a section, prose around it, a measure and placeholders. */
export const THREE_LEVEL = `单位：巨鹿县小吕寨镇人民政府
年度：2021
类型：部门整体支出
主管部门：巨鹿县人民政府
负责人：张三
评价日期：2022年3月1日
自评总分：96
等级：优
年初预算数：1049.6 万元
年中追加数：159.94 万元

# 一、基本情况
2021 年，小吕寨镇本年收入 1209.54 万元，全部为**财政拨款**。
// 这是注释，不进报告
本年支出：1209.54 万元

- 第一项工作
- 第二项工作

# 二、评分表

## 投入（20分）
### 目标设定（10分）
#### 职责明确（4分）
说明：职责是否符合“三定”方案。
评分：符合 4；不符合 0
结果：符合
#### 活动合规性（6分）
- [x] 要点一
- [ ] 要点二
评分：全部符合 6；其中一项不符合 0
偏差原因：要点二未落实。
### 预算配置（10分）
#### 在职人员控制率（10分）
公式：在职人员数 ÷ 编制数
在职人员数：55 人
编制数：56 人
评分：≤100% 满分；≥115% 0分

## 过程（80分）
### 预算执行（80分）
#### 预算调整率（30分）
公式：年中追加数 ÷ 年初预算数
评分：=0% 满分；≥10% 0分
得分：30
#### 履职完成情况（50分）
得分：45
理由：基本完成。

# 三、目标完成情况
## 绿化面积
目标：≥100 亩
实际：80 亩
偏差原因：天气原因。

# 四、结论
自评得分 {{总分}} 分，等级 {{等级}}，预算调整率得分 {{预算调整率.得分}} 分。
`;

const RLO = "\u202E";
const LRI = "\u2066";
const RLI = "\u2067";
const FSI = "\u2068";
const PDI = "\u2069";

/** A data name with every HTML/XML/Markdown special character a key may hold, and a bidi override. */
export const DATA_NAME = `"预算'数&[x](y)|*_${RLO}`;

/** A data line written in a prose section. */
export const PROSE_DATA_NAME = `"说明'数&[x](y)|${RLO}`;

/** Hostile text everywhere a .perf file can put text: names, prose, options, data names, placeholders, bidi controls. */
export const HOSTILE = `单位：<script>alert(1)</script>镇${RLO}府
年度：2021
项目：<img src=x onerror=alert(1)>
负责人：[x](javascript:alert(1))
主管部门：${LRI}甲${PDI}${RLI}乙${PDI}${FSI}丙${PDI}
${DATA_NAME}：100 万元
执行数：90 万元

# <script>alert(1)</script> 一、基本情况
正文 <script>alert(1)</script> 与 <img src=x onerror=alert(1)> 以及 [点我](javascript:alert(1)) 和 [也点我](JAVASCRIPT:alert(1)) 和 <javascript:alert(1)> 和 {{<script>}} 还有 ${RLO}反转${LRI}隔离${PDI}。
${PROSE_DATA_NAME}：5 个
- <img src=x onerror=alert(1)> 列表项 [x](vbscript:msgbox(1))
<b onmouseover=alert(1)>粗</b> & "引号" 'single'

# 评分表

## <script>alert(1)</script>投入（60分）
### 二级<img src=x onerror=alert(1)>（60分）
#### 三级${RLO}指标[x](javascript:alert(1))（60分）
说明：<script>alert(1)</script>${RLO}
评分：<script>符合 60；不符合 0
结果：<script>符合
偏差原因：<img src=x onerror=alert(1)>

## 过程（40分）
### 执行（40分）
#### 执行率<img src=x onerror=alert(1)>（40分）
公式：执行数 ÷ 「${DATA_NAME}」
评分：≥95% 满分；≤85% 0分
偏差原因：${RLO}<script>alert(1)</script>

# 目标
## <script>alert(1)</script>目标
目标：≥100 亩
实际：<img src=x onerror=alert(1)>
偏差原因：[x](javascript:alert(1))

# 结论
总分 {{总分}}，预算 {{${DATA_NAME}}}，{{<script>alert(1)</script>}}，{{<img src=x onerror=alert(1)>}}。
`;
