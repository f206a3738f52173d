/**
 * The Word report's look, per GB/T 9704-2012 (党政机关公文格式), set in one
 * place: the page (A4, margins 37/35/28/26 mm, a 22 × 28 document grid), the
 * paragraph and character styles every paragraph refers to (so a user
 * restyles the whole document in Word or WPS by editing a style), and the
 * font table, where each 公文 font names a fallback that stock Windows has.
 *
 * styles.xml and fontTable.xml are written here whole (the `docx` package
 * cannot write `w:altName` or a paragraph's `w:snapToGrid`) and handed to
 * `Packer` as overrides; document.xml is the package's.
 */
import { escapeHtml as escapeXml } from "./text";

/** Millimetres → twips (1/1440 inch). */
export function mm(v: number): number {
  return Math.round((v / 25.4) * 1440);
}

/** A4 portrait, GB/T 9704 margins. 版心 156 × 225 mm. */
export const PAGE = { width: mm(210), height: mm(297), top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Landscape pages for wide tables: the portrait margins turned with the page, so the 版心 is the same 225 × 156 mm. */
export const LANDSCAPE = { width: mm(297), height: mm(210), top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) };
export const LANDSCAPE_WIDTH = LANDSCAPE.width - LANDSCAPE.left - LANDSCAPE.right;

/**
 * Document grid: 22 lines of 225 mm → a pitch of 12755 / 22 ≈ 579 twips
 * (28.95 pt), as a line grid (`w:docGrid w:type="lines"`). 28 characters of
 * 156 mm are 15.79 pt a character: the 16 pt body text is condensed by
 * `CHAR_SPACING` (in twentieths of a point, −5 = −0.25 pt) so that 28 whole
 * characters fit a line. Word's own 公文 templates get the 28 characters from
 * a character grid with a negative `w:charSpace` instead; LibreOffice lays
 * such a grid out by giving each 16 pt character two cells (14 a line, a
 * third more pages), so one layout that both Word and LibreOffice keep is
 * used for the .docx and the PDF alike.
 */
export const GRID_BASE_HALF_POINTS = 32;
const LINE_PITCH = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) / 22);
export const GRID = { linePitch: LINE_PITCH };
export const CHAR_SPACING = Math.floor((TEXT_WIDTH / 28 / 20 - GRID_BASE_HALF_POINTS / 2) * 20);

/**
 * Page numbers 7 mm below the 版心: the footer's line (15 pt exact, 5.3 mm)
 * starts 35 − 7 = 28 mm above the paper's edge, so the footer ends 22.7 mm
 * above it.
 */
export const FOOTER_DISTANCE = mm(35 - 7 - (15 * 25.4) / 72);

/** The 公文 fonts, each with the name stock Windows has for a fallback. */
export const FONTS = {
  fangsong: { name: "仿宋_GB2312", alt: "仿宋", panose: "02010609030101010101", family: "modern", pitch: "fixed" },
  kaiti: { name: "楷体_GB2312", alt: "楷体", panose: "02010609030101010101", family: "modern", pitch: "fixed" },
  xiaobiaosong: { name: "方正小标宋简体", alt: "宋体", panose: "02000000000000000000", family: "auto", pitch: "variable" },
  heiti: { name: "黑体", alt: "SimHei", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  songti: { name: "宋体", alt: "SimSun", panose: "02010600030101010101", family: "auto", pitch: "variable" },
} as const;

/** Style ids the document refers to. */
export const STYLE = {
  title: "Title",
  body: "BodyText",
  heading: ["Heading1", "Heading2", "Heading3", "Heading4"],
  /** Headings below level 4 and unnumbered sub-headings: body text, bold. */
  minorHeading: "MinorHeading",
  list: "ListText",
  attachmentList: "AttachmentList",
  attachmentLabel: "AttachmentLabel",
  attachmentTitle: "AttachmentTitle",
  signature: "Signature",
  tableText: "TableText",
  tableCenter: "TableCenter",
  /** Long explanations and standards in the 评分表: 五号, as the printed tables set them. */
  tableNote: "TableNote",
  tableHead: "TableHead",
  tableTitle: "TableTitle",
  footerOdd: "FooterOdd",
  footerEven: "FooterEven",
  strong: "Strong",
  code: "CodeChar",
  hyperlink: "Hyperlink",
} as const;

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 };

function rFonts(eastAsia: string, latin = "Times New Roman"): string {
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${escapeXml(eastAsia)}" w:cs="${latin}"/>`;
}

function rPr(font: string, size: number, bold = false, latin?: string): string {
  return `<w:rPr>${rFonts(font, latin)}${bold ? "<w:b/><w:bCs/>" : "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>"}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
}

interface ParaStyle {
  id: string;
  name: string;
  basedOn?: string;
  pPr: string;
  rPr: string;
  outline?: number;
}

function paragraphStyle(s: ParaStyle): string {
  const based = s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : "";
  const outline = s.outline !== undefined ? `<w:outlineLvl w:val="${s.outline}"/>` : "";
  const pPr = s.pPr.replace("</w:pPr>", `${outline}</w:pPr>`);
  return `<w:style w:type="paragraph" w:customStyle="${/^(Title|Heading\d)$/.test(s.id) ? 0 : 1}" w:styleId="${s.id}"><w:name w:val="${s.name}"/>${based}<w:next w:val="Normal"/><w:qFormat/>${pPr}${s.rPr}</w:style>`;
}

/** Table text: not on the document grid, exact line height, so a table is as compact as offices print it. */
const TABLE_PPR = (jc: string, line = 300) => `<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="exact"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="${jc}"/></w:pPr>`;

/** styles.xml: the whole look of the report. `boldLevel3`: 三级标题 in bold. */
export function stylesXml(boldLevel3: boolean): string {
  const fs = FONTS.fangsong.name;
  const body = `<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>`;
  const heading = `<w:pPr><w:keepNext/><w:keepLines/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>`;
  const styles: ParaStyle[] = [
    { id: STYLE.body, name: "Body Text", basedOn: "Normal", pPr: body, rPr: rPr(fs, SIZE.sanhao) },
    { id: STYLE.title, name: "Title", pPr: `<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="579" w:line="700" w:lineRule="exact"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>`, rPr: rPr(FONTS.xiaobiaosong.name, SIZE.erhao) },
    { id: STYLE.heading[0], name: "heading 1", basedOn: STYLE.body, pPr: heading, rPr: rPr(FONTS.heiti.name, SIZE.sanhao), outline: 0 },
    { id: STYLE.heading[1], name: "heading 2", basedOn: STYLE.body, pPr: heading, rPr: rPr(FONTS.kaiti.name, SIZE.sanhao), outline: 1 },
    { id: STYLE.heading[2], name: "heading 3", basedOn: STYLE.body, pPr: heading, rPr: rPr(fs, SIZE.sanhao, boldLevel3), outline: 2 },
    { id: STYLE.heading[3], name: "heading 4", basedOn: STYLE.body, pPr: heading, rPr: rPr(fs, SIZE.sanhao), outline: 3 },
    { id: STYLE.minorHeading, name: "Minor Heading", basedOn: STYLE.body, pPr: heading, rPr: rPr(fs, SIZE.sanhao) },
    { id: STYLE.list, name: "List Text", basedOn: STYLE.body, pPr: body, rPr: "" },
    { id: STYLE.attachmentList, name: "Attachment List", basedOn: STYLE.body, pPr: `<w:pPr><w:keepNext/><w:ind w:left="1600" w:hanging="960" w:firstLineChars="0"/></w:pPr>`, rPr: "" },
    { id: STYLE.attachmentLabel, name: "Attachment Label", basedOn: STYLE.body, pPr: `<w:pPr><w:keepNext/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr>`, rPr: rPr(FONTS.heiti.name, SIZE.sanhao) },
    { id: STYLE.attachmentTitle, name: "Attachment Title", basedOn: "Title", pPr: `<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="289" w:line="640" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>`, rPr: rPr(FONTS.xiaobiaosong.name, SIZE.erhao) },
    { id: STYLE.signature, name: "Signature", basedOn: STYLE.body, pPr: `<w:pPr><w:keepNext/><w:keepLines/><w:ind w:firstLine="0" w:firstLineChars="0" w:right="640"/><w:jc w:val="right"/></w:pPr>`, rPr: "" },
    { id: STYLE.tableText, name: "Table Text", pPr: TABLE_PPR("left"), rPr: rPr(fs, SIZE.xiaosi) },
    { id: STYLE.tableNote, name: "Table Note", basedOn: STYLE.tableText, pPr: TABLE_PPR("left", 260), rPr: rPr(fs, SIZE.wuhao) },
    { id: STYLE.tableCenter, name: "Table Text Centred", basedOn: STYLE.tableText, pPr: TABLE_PPR("center"), rPr: rPr(fs, SIZE.xiaosi) },
    { id: STYLE.tableHead, name: "Table Heading", basedOn: STYLE.tableText, pPr: TABLE_PPR("center"), rPr: rPr(FONTS.heiti.name, SIZE.xiaosi) },
    {
      id: STYLE.tableTitle,
      name: "Table Title",
      pPr: `<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="120" w:line="360" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>`,
      rPr: rPr(FONTS.fangsong.name, SIZE.sihao),
    },
    { id: STYLE.footerOdd, name: "Footer Odd", pPr: `<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="300" w:lineRule="exact"/><w:ind w:right="280"/><w:jc w:val="right"/></w:pPr>`, rPr: rPr(FONTS.songti.name, SIZE.sihao, false, FONTS.songti.name) },
    { id: STYLE.footerEven, name: "Footer Even", pPr: `<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="300" w:lineRule="exact"/><w:ind w:left="280"/><w:jc w:val="left"/></w:pPr>`, rPr: rPr(FONTS.songti.name, SIZE.sihao, false, FONTS.songti.name) },
  ];
  const characters = [
    `<w:style w:type="character" w:styleId="${STYLE.strong}"><w:name w:val="Strong"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>`,
    `<w:style w:type="character" w:styleId="${STYLE.code}"><w:name w:val="Code Char"/><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/></w:rPr></w:style>`,
    `<w:style w:type="character" w:styleId="${STYLE.hyperlink}"><w:name w:val="Hyperlink"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>`,
  ];
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
    `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`,
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts(fs)}<w:spacing w:val="${CHAR_SPACING}"/><w:kern w:val="2"/><w:sz w:val="${GRID_BASE_HALF_POINTS}"/><w:szCs w:val="${GRID_BASE_HALF_POINTS}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`,
    `<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`,
    // Normal carries the grid's base size; text uses BodyText and the other styles.
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr>${rPr(fs, GRID_BASE_HALF_POINTS)}</w:style>`,
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>`,
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
    ...styles.map(paragraphStyle),
    ...characters,
    `</w:styles>`,
  ].join("");
}

/** fontTable.xml: every font used, the 公文 ones with their fallback (`w:altName`). */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS).map(
    (f) => `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.alt)}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  );
  const latin = [`<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`, `<w:font w:name="Consolas"><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`];
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
    ...fonts,
    ...latin,
    `</w:fonts>`,
  ].join("");
}
