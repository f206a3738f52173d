/**
 * Whether a new name can replace a data item's or an indicator's name without
 * changing what the file means. Refused, with a message that says why:
 *
 * - a clash: another data item or indicator already has the name (a formula
 *   `甲 ÷ 乙` renamed to `甲 ÷ 甲` would silently compute something else);
 * - a reserved key (单位, 得分, 评分, 理由…): the line would become that field;
 * - a malformed name: empty, whitespace or a line break inside, a colon (the
 *   line would split into another key and value), `{{`/`}}`, `「」`, a leading
 *   `#`, `-` or `*` (a heading or a list item), or a weight such as `（5分）`.
 */
import type { Analysis } from "../analysis";
import { HEADER_KEYS, TEXT_KEYS, VALUE_KEYS } from "../model/keys";
import { foldWidth } from "../text/normalize";

export interface NameProblem {
  zh: string;
  en: string;
}

const BAD_CHARS = /[\s:：{}「」\u2028\u2029]/u;
const BAD_START = /^[#＃\-－*＊>]/;
const WEIGHT = /[（(]\s*[\d０-９.．]+\s*分\s*[）)]/;

/** Why `newName` cannot replace `oldName` in this file, or undefined when it can. */
export function newNameProblem(a: Analysis, oldName: string, newName: string): NameProblem | undefined {
  const name = newName.trim();
  if (!name) return { zh: "新名称不能为空。", en: "The new name must not be empty." };
  if (BAD_CHARS.test(name)) {
    return { zh: `新名称“${name}”含有空格、换行、冒号或 {{ }}、「」：这样的名称会改变该行的结构，请去掉这些字符。`, en: `The new name "${name}" holds a space, line break, colon, {{ }} or 「」, which would change the line's structure; remove them.` };
  }
  if (BAD_START.test(name)) return { zh: `新名称“${name}”不能以 #、-、*、> 开头（会变成标题或列表）。`, en: `The new name "${name}" must not start with #, -, * or > (it would become a heading or a list item).` };
  if (WEIGHT.test(name)) return { zh: `新名称“${name}”含有分值写法（如“（5分）”），会改变指标的分值。`, en: `The new name "${name}" holds a weight such as "（5分）", which would change the indicator's weight.` };
  const folded = foldWidth(name);
  if (HEADER_KEYS.has(folded) || TEXT_KEYS.has(folded) || VALUE_KEYS.has(folded)) {
    return { zh: `“${name}”是保留字段名，不能用作数据或指标名称。`, en: `"${name}" is a reserved key and cannot name a data item or an indicator.` };
  }
  if (folded === foldWidth(oldName)) return undefined;
  const taken = [...a.model.allData.map((d) => d.name), ...a.model.indicators.map((i) => i.name), ...a.model.measures.map((m) => m.name)];
  if (taken.some((n) => foldWidth(n) === folded)) {
    return { zh: `名称“${name}”已被本文件中的其他数据或指标使用：重命名会让公式和引用指向另一个对象，请换一个名称。`, en: `"${name}" already names another data item or indicator in this file: renaming would make formulas and references point elsewhere; choose another name.` };
  }
  return undefined;
}
