/**
 * The language the server speaks to the user at run time (perf.locale):
 * Chinese by default, English on request. A value passed to the features
 * (hints, hover, traces, labels), never a global: the author's own text
 * (indicator names, prose, units, grade names) stays as written.
 */
export type Locale = "zh-cn" | "en";

export const DEFAULT_LOCALE: Locale = "zh-cn";

/** A locale tag (perf.locale, VS Code's display language: `en`, `en-US`, `zh-cn`…) as a Locale; Chinese unless it says English. */
export function localeOf(tag: string | null | undefined): Locale {
  return typeof tag === "string" && tag.toLowerCase().startsWith("en") ? "en" : "zh-cn";
}

/** The text of `locale` from its two wordings. */
export function say(locale: Locale, zh: string, en: string): string {
  return locale === "en" ? en : zh;
}
