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

/** markdown-it's paired style tokens (`strong_open` … `strong_close`) and the run style each sets. */
const STYLE_TOKENS: Record<string, "bold" | "italic" | "strike"> = { strong: "bold", em: "italic", s: "strike" };

/** Inline Markdown → runs of text with their styles. */
export function inlineRuns(markdown: string): InlineRun[] {
  const tokens = md.parseInline(markdown, {});
  const runs: InlineRun[] = [];
  // How deep inside each style the current text is.
  const depth = { bold: 0, italic: 0, strike: 0 };
  let href: string | undefined;
  for (const block of tokens) {
    for (const t of block.children ?? []) {
      const paired = /^(\w+)_(open|close)$/.exec(t.type);
      const style = paired ? STYLE_TOKENS[paired[1]] : undefined;
      if (style) {
        depth[style] = Math.max(0, depth[style] + (paired![2] === "open" ? 1 : -1));
        continue;
      }
      switch (t.type) {
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
          if (t.content) runs.push({ text: t.content, bold: depth.bold > 0 || undefined, italic: depth.italic > 0 || undefined, strike: depth.strike > 0 || undefined, href });
          break;
        default:
          if (t.content) runs.push({ text: t.content });
          break;
      }
    }
  }
  return runs;
}
