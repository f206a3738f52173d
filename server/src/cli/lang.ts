/**
 * The CLI's language: Chinese by default; English with `--lang en` (before or
 * after the command), `check --en`, or `PERF_EVAL_LANG=en`. Every message
 * the CLI writes itself (usage errors, file problems, notes) goes through `t`.
 */

let english = false;

/** Decide the language from the arguments and the environment, before parsing (so that parse errors are in it too). */
export function setLanguageFrom(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  let en = (env.PERF_EVAL_LANG ?? "").toLowerCase().startsWith("en");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const lang = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (a === "--en" || lang === "en") en = true;
    else if (lang === "zh") en = false;
  }
  english = en;
}

export function isEnglish(): boolean {
  return english;
}

/** The message in the CLI's language. */
export function t(zh: string, en: string): string {
  return english ? en : zh;
}

/**
 * A bad option value or argument: the CLI prints the message and exits 2.
 * Thrown from option parsers; its code is not a commander code, so commander
 * passes it on unchanged.
 */
export class UsageError extends Error {
  readonly code = "perf-eval.usage";
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
