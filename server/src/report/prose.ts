/**
 * Prose rendering shared by the writers: one markdown-it instance, configured
 * for untrusted input. `html: false` escapes raw HTML written in a .perf file;
 * markdown-it's default link validation refuses javascript:, vbscript:, file:
 * and data: links (they stay text); on top of it only http(s) and mailto links
 * are kept. Images are disabled: the report is
 * self-contained and its CSP loads nothing.
 *
 * Prose is rendered inline (one paragraph per line, lists built by the report
 * model), so a line of text can never turn into a heading, code block or table.
 */
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
md.disable(["image"]);
const defaultValidateLink = md.validateLink.bind(md);
/** Stricter than the default: besides refusing javascript:/vbscript:/file:/data:, only http(s) and mailto schemes are links. */
md.validateLink = (url: string): boolean => {
  if (!defaultValidateLink(url)) return false;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return !scheme || ["http", "https", "mailto"].includes(scheme[1].toLowerCase());
};

/** Inline Markdown → HTML (escaped, links validated). */
export function renderInlineHtml(markdown: string): string {
  return md.renderInline(markdown);
}

/** A styled run of inline text, for writers that are not HTML (Word). */
export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  /** Link target, already validated by markdown-it. */
  href?: string;
}

/** Inline Markdown → runs of text with their styles. */
export function inlineRuns(markdown: string): InlineRun[] {
  const tokens = md.parseInline(markdown, {});
  const runs: InlineRun[] = [];
  let bold = 0;
  let italic = 0;
  let strike = 0;
  let href: string | undefined;
  for (const block of tokens) {
    for (const t of block.children ?? []) {
      switch (t.type) {
        case "strong_open":
          bold++;
          break;
        case "strong_close":
          bold = Math.max(0, bold - 1);
          break;
        case "em_open":
          italic++;
          break;
        case "em_close":
          italic = Math.max(0, italic - 1);
          break;
        case "s_open":
          strike++;
          break;
        case "s_close":
          strike = Math.max(0, strike - 1);
          break;
        case "link_open":
          href = String(t.attrGet("href") ?? "") || undefined;
          break;
        case "link_close":
          href = undefined;
          break;
        case "softbreak":
        case "hardbreak":
          runs.push({ text: "\n" });
          break;
        case "code_inline":
          runs.push({ text: t.content, code: true });
          break;
        case "text":
        case "html_inline":
          if (t.content) runs.push({ text: t.content, bold: bold > 0 || undefined, italic: italic > 0 || undefined, strike: strike > 0 || undefined, href });
          break;
        default:
          if (t.content) runs.push({ text: t.content });
          break;
      }
    }
  }
  return runs;
}
