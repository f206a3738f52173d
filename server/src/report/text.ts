/**
 * Text hygiene for the report: every string that comes from a .perf file goes
 * through `cleanText` once, in the report model, so that every writer (HTML,
 * Markdown, Word) gets text that is safe to show; each writer then escapes for
 * its own syntax (`escapeHtml`, `escapeXmlText` is docx's job, `escapeMdCell`).
 *
 * Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) are the
 * "Trojan Source" characters: they can make a name read differently from what
 * it is. The report never lets them act: each one is replaced by a visible
 * `[U+202E]` marker, so a reviewer sees that the file holds one. C0/C1 control
 * characters (except tab and newline) and non-characters are made visible the
 * same way (Word's XML cannot even hold most of them); lone surrogates become
 * U+FFFD.
 */

/** Characters that are shown as a visible `[U+XXXX]` marker instead of acting. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The bidi controls, for tests and checks. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function marker(ch: string): string {
  return `[U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`;
}

/** Neutralise controls (visible markers) and lone surrogates (U+FFFD). Tabs and newlines are kept. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, marker).replace(LONE_SURROGATE, "\uFFFD");
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escape for HTML text and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Make a value plain text inside inline Markdown: Markdown's inline
 * punctuation is backslash-escaped, and `<`/`>` become `&lt;`/`&gt;` (so no
 * renderer, even one that allows raw HTML, can read a tag).
 */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`));
}

/**
 * What the report prints for 等级: the grade, or, while blanks (待填写) remain,
 * how many are left (an unfinished file has no grade yet); undefined when neither.
 */
export function gradeText(total: { grade?: string; blanks?: number }): string | undefined {
  return total.blanks ? `待填 ${total.blanks} 项` : total.grade;
}
