/**
 * 预算执行率 written by hand, in a 部门整体支出 file as in a 项目支出 one: a leaf
 * named 预算执行率 with no 评分, 目标, 实际 or 公式 of its own is scored as the
 * automatic row is — 全年执行数 ÷ 全年预算数 (from the header, data lines or the
 * funding table), proportionally — and its stated 得分 is checked against that.
 * Like the automatic row it is not asked for a 偏差原因.
 */
import { hasField } from "../model/fields";
import type { Indicator, PerfModel } from "../model/types";
import type { ExprNode } from "../syntax/ast";
import { ProportionalRule } from "./rules/simple";
import type { Rule } from "./rules/rule";

const NAME = /^(预算执行率|预算执行情况|执行率)$/;

/** A leaf named 预算执行率 (the automatic row's name and its common variants). */
export function isExecutionName(ind: Indicator): boolean {
  return ind.children.length === 0 && NAME.test(ind.name.replace(/\s/g, ""));
}

/** A hand-written 预算执行率 row to score as the automatic one: no rule or figures of its own, and the file has both amounts. */
export function isAutoExecutionRow(ind: Indicator, model: PerfModel): boolean {
  if (ind.virtual || ind.weight === null || !isExecutionName(ind)) return false;
  if (["评分", "目标", "实际", "公式", "实际完成值", "年度指标值"].some((k) => hasField(ind, k))) return false;
  return model.data.has("全年执行数") && model.data.has("全年预算数");
}

const name = (n: string): ExprNode => ({ kind: "name", name: n, span: [0, 0] });

/** 全年执行数 ÷ 全年预算数, as the automatic row's formula. */
export const EXECUTION_EXPR: ExprNode = { kind: "binary", op: "/", left: name("全年执行数"), right: name("全年预算数"), span: [0, 0] };

export const EXECUTION_RULE: Rule = new ProportionalRule();
