/**
 * Display hygiene for what the CLI prints. Bidi controls (the “Trojan Source”
 * characters), zero-width characters and C0/C1 controls in a file's names or
 * values could make a line of the score sheet or a CSV cell read differently
 * from what it holds (“总分 100” while it is 0). In text and CSV output each one
 * is shown as a visible `[U+202E]` marker, as the reports do; JSON and SARIF
 * escape them as `\u202e` (the same string for a JSON reader, inert on a terminal).
 */

// Bidi controls, zero-width characters (space, non-joiner, joiner, word joiner, invisible operators, BOM),
// C0 and C1 controls, non-characters. Tab and line feed are kept (the output's own layout).
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;

/** The characters `visible` marks, for tests. */
export const INVISIBLE_CHARS = new RegExp(INVISIBLE.source);

function marker(ch: string): string {
  return `[U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}]`;
}

/** Text for a terminal or a text file: each invisible or control character as a visible marker. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, marker);
}

/** JSON text with the same characters escaped as `\uXXXX` (JSON.stringify leaves most of them raw). */
export function escapeJsonInvisible(json: string): string {
  return json.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
