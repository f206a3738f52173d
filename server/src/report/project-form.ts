/**
 * 项目支出绩效自评表 (财预〔2020〕10号 附件), as units print it: 项目名称 / 主管部门 /
 * 实施单位; 项目资金 (rows 年度资金总额, 其中：本年财政拨款, 上年结转资金, 其他资金 ×
 * columns 年初预算数, 全年预算数, 全年执行数, then 分值 / 执行率 / 得分 from the
 * 预算执行率 row); 年度总体目标 (预期目标 / 实际完成情况); the indicator rows
 * (一级 / 二级 / 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施);
 * 总分.
 *
 * The funding figures come from a `FundingSource`: the file's own funding
 * table when the language has one, else header data items named as the form
 * names them. Cells the file has no figure for stay blank.
 */
import type { Indicator } from "../model/types";
import type { Quantity } from "../quantity/quantity";
import { formatDecimal } from "../quantity/decimal";
import { formatPercent } from "../quantity/quantity";
import { lookupUnit } from "../quantity/units";
import { type ReportContext, formText } from "./context";
import { cleanText } from "./text";
import { tierLabels, walkTiers } from "./score-table";
import type { FundingRow, ProjectColumnKey, ProjectForm, ProjectIndicatorRow } from "./types";

/** The form's funding rows, as it labels them. */
export const FUNDING_ROWS = ["年度资金总额", "本年财政拨款", "上年结转资金", "其他资金"] as const;
export type FundingRowKey = (typeof FUNDING_ROWS)[number];
/** The form's funding columns. */
export const FUNDING_COLUMNS = ["年初预算数", "全年预算数", "全年执行数"] as const;
export type FundingColumn = (typeof FUNDING_COLUMNS)[number];

/** Where the funding figures come from; undefined for a cell the file has no figure for. */
export interface FundingSource {
  cell(row: FundingRowKey, column: FundingColumn): Quantity | undefined;
}

/**
 * Header data items with the form's names: 年初预算数 / 全年预算数 / 全年执行数
 * fill the 年度资金总额 row; a source's own name (本年财政拨款, 上年结转资金,
 * 其他资金; also 财政拨款, 当年财政拨款, 上年结转) fills its 全年预算数 cell, and
 * a source name followed by a column name (本年财政拨款全年执行数, as the
 * importer writes them) fills that cell.
 */
export function headerFundingSource(ctx: ReportContext): FundingSource {
  const { model, evaluation } = ctx.analysis;
  const value = (name: string): Quantity | undefined => {
    const item = model.data.get(name);
    if (!item) return undefined;
    const r = evaluation.data.get(item);
    return r?.value ?? item.stated;
  };
  return {
    cell(row, column) {
      if (row === "年度资金总额") return value(column) ?? value(`年度资金总额${column}`);
      for (const name of ROW_NAMES[row]) {
        const q = value(`${name}${column}`) ?? (column === "全年预算数" ? value(name) : undefined);
        if (q) return q;
      }
      return undefined;
    },
  };
}

/** The names a funding row goes by in files (the importer writes the form's; authors shorten them). */
const ROW_NAMES: Record<Exclude<FundingRowKey, "年度资金总额">, string[]> = {
  本年财政拨款: ["本年财政拨款", "当年财政拨款", "财政拨款"],
  上年结转资金: ["上年结转资金", "上年结转"],
  其他资金: ["其他资金"],
};

/**
 * Funding sources in order of preference. The funding table of the language
 * (rows × columns, addressed 行标签.列标题) plugs in here, ahead of the header.
 */
export const fundingSources: ((ctx: ReportContext) => FundingSource | undefined)[] = [headerFundingSource];

function fundingSource(ctx: ReportContext): FundingSource {
  for (const make of fundingSources) {
    const s = make(ctx);
    if (s) return s;
  }
  return { cell: () => undefined };
}

const WAN_YUAN = lookupUnit("万元");

/** A money figure in 万元 (the form's unit): as written when written in 万元. */
function money(q: Quantity | undefined): string {
  if (!q) return "";
  if (!WAN_YUAN || q.dim !== WAN_YUAN.dim) return q.format();
  if (q.unit === "万元") return formatDecimal(q.inUnit(), q.writtenDecimals ?? 2);
  return formatDecimal(q.inUnit("万元"), 6).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

function fundingRows(ctx: ReportContext): FundingRow[] {
  const source = fundingSource(ctx);
  return FUNDING_ROWS.map((row) => ({
    label: row === "本年财政拨款" ? `其中：${row}` : row,
    initial: money(source.cell(row, "年初预算数")),
    annual: money(source.cell(row, "全年预算数")),
    spent: money(source.cell(row, "全年执行数")),
  }));
}

/** 年度指标值: the form's own names first, then 目标 (the adjusted value is the year's target). */
const TARGET_KEYS = ["年度指标值", "调整指标值", "年初指标值", "目标"];
const ACTUAL_KEYS = ["实际完成值", "实际"];

/** The first of `keys` the indicator writes: as a field, or as a line the model keeps as the indicator's own data item. */
function firstField(ctx: ReportContext, ind: Indicator, keys: string[]): string {
  for (const k of keys) {
    const v = ctx.field(ind, k) ?? written(ind, k);
    if (v) return v;
  }
  return "";
}

function written(ind: Indicator, key: string): string | undefined {
  const v = ind.data.get(key)?.field.value.trim();
  return v ? cleanText(v) : undefined;
}

/** Each column: its label, whether it is centred, and the value of one leaf. */
const COLUMNS: Record<ProjectColumnKey, { label: string; centred: boolean; value: (ctx: ReportContext, ind: Indicator) => string }> = {
  target: { label: "年度指标值", centred: true, value: (ctx, ind) => formText(firstField(ctx, ind, TARGET_KEYS)) },
  initialTarget: { label: "年初指标值", centred: true, value: (ctx, ind) => formText(firstField(ctx, ind, ["年初指标值", "年度指标值", "目标"])) },
  adjustedTarget: { label: "调整指标值", centred: true, value: (ctx, ind) => formText(firstField(ctx, ind, ["调整指标值"])) },
  actual: { label: "实际完成值", centred: true, value: (ctx, ind) => formText(firstField(ctx, ind, ACTUAL_KEYS)) },
  nature: { label: "指标性质", centred: true, value: (ctx, ind) => firstField(ctx, ind, ["指标性质", "指标方向"]) },
  weight: { label: "分值", centred: true, value: (ctx, ind) => ctx.num(ind.weight) },
  coefficient: { label: "得分系数", centred: true, value: (ctx, ind) => firstField(ctx, ind, ["得分系数"]) },
  score: { label: "得分", centred: true, value: (ctx, ind) => ctx.score(ind) },
  reason: {
    label: "偏差原因分析及改进措施",
    centred: false,
    value: (ctx, ind) => [ctx.field(ind, "偏差原因"), ctx.field(ind, "改进措施")].filter((x): x is string => !!x).join("\n"),
  },
  core: { label: "是否核心指标", centred: true, value: (ctx, ind) => firstField(ctx, ind, ["核心指标", "是否核心指标"]) },
};

/** The columns this file needs: the national ones, and a province's when some leaf has them. */
function projectColumns(ctx: ReportContext, leaves: Indicator[]): ProjectColumnKey[] {
  const has = (...keys: string[]): boolean => leaves.some((ind) => keys.some((k) => ctx.field(ind, k) !== undefined || written(ind, k) !== undefined));
  const keys: ProjectColumnKey[] = has("年初指标值", "调整指标值") ? ["initialTarget", "adjustedTarget"] : ["target"];
  keys.push("actual");
  if (has("指标性质", "指标方向")) keys.push("nature");
  keys.push("weight");
  if (has("得分系数")) keys.push("coefficient");
  keys.push("score", "reason");
  if (has("核心指标", "是否核心指标")) keys.push("core");
  return keys;
}

export function buildProjectForm(ctx: ReportContext): ProjectForm {
  const { model, evaluation } = ctx.analysis;
  const execution = model.roots.find((r) => r.virtual && r.name === "预算执行率") ?? model.roots.find((r) => r.name === "预算执行率" && !r.children.length);
  const roots = model.roots.filter((r) => r !== execution);
  // The form always has three level columns; a shallower leaf spans the rest.
  const tierCount = 3;
  const walked: { leaf: Indicator; tiers: ProjectIndicatorRow["tiers"] }[] = [];
  walkTiers(ctx, roots, tierCount, (leaf, tiers) => walked.push({ leaf, tiers }));
  const keys = projectColumns(ctx, walked.map((w) => w.leaf));
  const rows: ProjectIndicatorRow[] = walked.map(({ leaf, tiers }) => ({ tiers, values: keys.map((k) => COLUMNS[k].value(ctx, leaf)), line: leaf.virtual ? undefined : leaf.line }));
  const er = execution ? ctx.result(execution) : undefined;
  const rate = er?.rate ?? (er?.measured && er.measured.dim === "" ? er.measured.value : undefined);
  const header = (k: string): string => ctx.header(k) ?? "";
  const goalText = (k: string): string => {
    const f = model.header.get(k);
    return f ? ctx.plain(f.line, f.valueSpan[0], f.valueSpan[1]) : "";
  };
  return {
    project: header("项目") || header("项目名称"),
    department: header("主管部门"),
    unit: header("实施单位") || header("单位"),
    funding: fundingRows(ctx),
    execution: { weight: ctx.num(execution?.weight), rate: rate !== undefined ? formatPercent(rate, ctx.dp) : "", score: execution ? ctx.score(execution) : "" },
    goal: { expected: goalText("预期目标"), achieved: goalText("实际完成情况") },
    tierLabels: tierLabels(tierCount),
    columns: keys.map((key) => ({ key, label: COLUMNS[key].label, centred: COLUMNS[key].centred })),
    rows,
    total: ctx.num(evaluation.total),
    fullScore: ctx.num(model.policy.fullScore),
  };
}
