/**
 * Option values, validated before any work: each parser throws a UsageError
 * whose message (in the CLI's language) says what was expected. Commander's
 * own errors (unknown option, missing argument…) are translated by
 * `usageMessage`. Nothing reaches the user as an internal exception.
 */
import { Option } from "commander";
import { t, UsageError } from "./lang";

/** `-f, --format <format>` and the like: one of `values`. */
export function choiceOption(flags: string, description: string, values: readonly string[], def: string): Option {
  const name = flags.split(/[ ,]+/).find((f) => f.startsWith("--")) ?? flags;
  return new Option(flags, `${description}：${values.join(" | ")}`)
    .default(def)
    .argParser((v) => {
      if (values.includes(v)) return v;
      throw new UsageError(t(`${name} 的值应为 ${values.join("、")} 之一，而不是“${v}”`, `${name} must be one of ${values.join(", ")}, not "${v}"`));
    });
}

/** A whole number in [min, max]. */
export function intParser(name: string, min: number, max: number): (v: string) => number {
  return (v: string) => {
    const s = v.trim();
    if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
      throw new UsageError(t(`${name} 的值应为 ${min}～${max} 的整数，而不是“${v}”`, `${name} must be a whole number from ${min} to ${max}, not "${v}"`));
    }
    return Number(s);
  };
}

/** Text that goes into a file (a unit or project name): not empty, one line, no control characters. */
export function nameParser(name: string): (v: string) => string {
  return (v: string) => {
    const s = v.trim();
    if (!s || /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(s)) {
      throw new UsageError(t(`${name} 的值应为一行非空文字，而不是“${JSON.stringify(v).slice(1, -1)}”`, `${name} must be one non-empty line of text, not "${JSON.stringify(v).slice(1, -1)}"`));
    }
    return s;
  };
}

/** A year such as 2024. */
export function yearParser(v: string): string {
  const s = v.trim();
  if (!/^\d{4}$/.test(s) || Number(s) < 1949 || Number(s) > 2200) throw new UsageError(t(`--year 的值应为四位年份（如 2024），而不是“${v}”`, `--year must be a four-digit year such as 2024, not "${v}"`));
  return s;
}

/** A path or URL: not empty. */
export function nonEmpty(name: string): (v: string) => string {
  return (v: string) => {
    if (!v.trim()) throw new UsageError(t(`${name} 的值不能为空`, `${name} must not be empty`));
    return v;
  };
}

/** Commander's usage errors in the CLI's language (commander writes English; its own output is switched off). */
export function usageMessage(code: string, message: string): string {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const en = message.replace(/^error: /, "");
  switch (code) {
    case "commander.unknownOption":
      return t(`未知选项 ${quoted}（用 --help 查看可用选项）`, en);
    case "commander.unknownCommand":
      return t(`未知命令 ${quoted}（可用命令：check、score、render、new、fmt、textconv、summary、import、lsp）`, en);
    case "commander.missingArgument":
      return t(`缺少参数 ${quoted}`, en);
    case "commander.optionMissingArgument":
      return t(`选项 ${quoted} 缺少值`, en);
    case "commander.missingMandatoryOptionValue":
      return t(`缺少必需的选项 ${quoted}`, en);
    case "commander.excessArguments":
      return t(`参数过多（${en}）`, en);
    case "commander.conflictingOption":
      return t(`选项冲突（${en}）`, en);
    default:
      return en;
  }
}
