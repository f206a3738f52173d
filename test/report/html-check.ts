/**
 * Small HTML checks for the tests: the tags and attributes a rendered report
 * may contain, tag balance, and the grid of a table with row/col spans.
 */

export const ALLOWED_TAGS = new Set([
  "!doctype", "html", "head", "meta", "title", "style", "body", "article", "section", "header",
  "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "li", "strong", "em", "code", "s", "a", "b", "span", "div", "br",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "dl", "dt", "dd",
  "figure", "figcaption", "svg", "g", "text", "rect",
]);

export const ALLOWED_ATTRS = new Set([
  "lang", "charset", "name", "content", "http-equiv", "class", "nonce", "href", "scope", "rowspan", "colspan",
  "aria-label", "aria-labelledby", "role", "id", "xmlns", "viewbox", "width", "height", "x", "y", "text-anchor",
]);

const VOID = new Set(["!doctype", "meta", "br", "rect"]);

export interface Tag {
  name: string;
  closing: boolean;
  attrs: { name: string; value: string }[];
  raw: string;
}

/** Every tag, outside the contents of <style> (which holds no tags). */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const re = /<(\/?)([!a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs: { name: string; value: string }[] = [];
    const are = /([a-zA-Z-:]+)(?:="([^"]*)")?/g;
    const body = m[3].replace(/\/$/, "");
    if (m[2].toLowerCase() !== "!doctype") for (let a = are.exec(body); a; a = are.exec(body)) attrs.push({ name: a[1].toLowerCase(), value: a[2] ?? "" });
    out.push({ name: m[2].toLowerCase(), closing: m[1] === "/", attrs, raw: m[0] });
  }
  return out;
}

/** Throws when tags are not balanced. */
export function assertBalanced(html: string): void {
  const stack: string[] = [];
  for (const t of tags(html)) {
    if (VOID.has(t.name) || t.raw.endsWith("/>")) continue;
    if (!t.closing) stack.push(t.name);
    else {
      const top = stack.pop();
      if (top !== t.name) throw new Error(`unbalanced: </${t.name}> closes <${top}>`);
    }
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(", ")}`);
}

/** The first <table class="…cls…"> … </table> in the html. */
export function tableHtml(html: string, cls: string): string {
  const start = html.indexOf(`<table class="${cls}"`);
  if (start < 0) throw new Error(`no table ${cls}`);
  return html.slice(start, html.indexOf("</table>", start) + 8);
}

/** Column count of every row of a table's grid, with rowspans carried down. */
export function gridWidths(table: string): number[] {
  const rows = table.split(/<tr[^>]*>/).slice(1).map((r) => r.split("</tr>")[0]);
  const carry: number[] = []; // remaining rows a column is covered for
  const widths: number[] = [];
  for (const row of rows) {
    const cells = [...row.matchAll(/<t[hd]\b([^>]*)>/g)].map((m) => ({
      rowspan: Number(/rowspan="(\d+)"/.exec(m[1])?.[1] ?? 1),
      colspan: Number(/colspan="(\d+)"/.exec(m[1])?.[1] ?? 1),
    }));
    let col = 0;
    const next: number[] = [];
    let ci = 0;
    while (ci < cells.length || (carry[col] ?? 0) > 0) {
      if ((carry[col] ?? 0) > 0) {
        next[col] = carry[col] - 1;
        col++;
        continue;
      }
      const c = cells[ci++];
      for (let k = 0; k < c.colspan; k++) next[col + k] = c.rowspan - 1;
      col += c.colspan;
    }
    widths.push(col);
    carry.length = 0;
    next.forEach((v, i) => {
      carry[i] = v ?? 0;
    });
  }
  return widths;
}
