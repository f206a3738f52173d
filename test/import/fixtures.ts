/**
 * Workbooks and documents shaped like real provincial tables, generated here
 * (nothing copied): the national 项目支出绩效自评表 (财预〔2020〕10号 附件 layout:
 * title rows, the funding block, 年度总体目标, merged 一级 / 二级 cells, a 总分 row),
 * a 部门整体支出 评分表 with a two-row header, spacer rows and rules as printed,
 * and a Word report with headings, paragraphs and a merged-cell table.
 */
import ExcelJS from "exceljs";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from "docx";

export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The national project form, figures of a made-up village-road project. */
export function nationalProjectForm(wb = new ExcelJS.Workbook(), sheetName = "项目支出绩效自评表"): ExcelJS.Workbook {
  const ws = wb.addWorksheet(sheetName);
  ws.getCell("A1").value = "项目支出绩效自评表";
  ws.mergeCells("A1:J1");
  ws.getCell("A2").value = "（ 2023年度 ）";
  ws.mergeCells("A2:J2");
  ws.getRow(3).values = ["项目名称", "村道维修改造", null, null, null, null, null, null, null, null];
  ws.mergeCells("B3:J3");
  ws.getRow(4).values = ["主管部门", "示范县交通运输局", null, null, null, "实施单位", "示范县农村公路管理站", null, null, null];
  ws.mergeCells("B4:E4");
  ws.mergeCells("G4:J4");
  ws.getRow(5).values = ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
  ws.getRow(6).values = [null, "年度资金总额", 120, 120, { formula: "E7+E8+E9", result: 114 } as ExcelJS.CellFormulaValue, 10, 0.95, 9.5];
  ws.getCell("G6").numFmt = "0.00%";
  ws.getRow(7).values = [null, "其中：本年财政拨款", 100, 100, 96];
  ws.getRow(8).values = [null, "上年结转资金", 20, 20, "18"];
  ws.getRow(9).values = [null, "其他资金", 0, 0, 0];
  ws.mergeCells("A5:A9");
  ws.getRow(10).values = ["年度总体目标", "预期目标", null, null, null, "实际完成情况"];
  ws.mergeCells("B10:E10");
  ws.mergeCells("F10:J10");
  ws.getRow(11).values = [null, "完成12公里村道维修，群众出行条件改善。", null, null, null, "完成12.5公里村道维修。"];
  ws.mergeCells("A10:A11");
  ws.mergeCells("B11:E11");
  ws.mergeCells("F11:J11");
  ws.getRow(12).values = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  const rows: (string | number | null)[][] = [
    [null, "产出指标", "数量指标", "维修村道长度", "≥12公里", "12.5公里", 20, 20, ""],
    [null, null, null, "受益人口", "38508人", "38508人", 10, 10, ""],
    [null, null, "质量指标", "验收合格率", "100%", "100%", 10, 10, ""],
    [null, null, "时效指标", "完工时间", "≤11个月", "10个月", 10, 10, ""],
    [null, "效益指标", "社会效益指标", "群众出行条件改善", "达成预期指标", "部分达成预期指标并具有一定效果", 30, 22, "部分路段排水沟未完工，明年春季补齐。"],
    [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "0.93", 10, 10, ""],
  ];
  for (const [i, r] of rows.entries()) ws.getRow(13 + i).values = r;
  ws.mergeCells("B13:B16");
  ws.mergeCells("C13:C14");
  ws.mergeCells("A12:A18");
  ws.getRow(19).values = ["总分", null, null, null, null, null, 100, { formula: "H6+SUM(H13:H18)", result: 91.5 } as ExcelJS.CellFormulaValue];
  ws.mergeCells("A19:F19");
  return wb;
}

/** A county's 部门整体支出 评分表: title rows, a two-row header, spacer rows, rules as printed. */
export function departmentScoreTable(wb = new ExcelJS.Workbook()): ExcelJS.Workbook {
  const ws = wb.addWorksheet("评分表");
  ws.getCell("A1").value = "附件3";
  ws.getCell("A2").value = "示范镇人民政府2022年部门整体支出绩效评价指标体系评分表";
  ws.mergeCells("A2:G2");
  ws.getCell("A3").value = "单位名称：示范镇人民政府    单位负责人：";
  ws.getRow(5).values = ["评价指标", null, null, "分 值", "指标解释", "评分标准", "得分"];
  ws.getRow(6).values = ["一级指标", "二级指标", "三级指标"];
  ws.mergeCells("A5:C5");
  ws.mergeCells("D5:D6");
  ws.mergeCells("E5:E6");
  ws.mergeCells("F5:F6");
  ws.mergeCells("G5:G6");
  const rows: (string | number | null)[][] = [
    ["投入（4分）", "目标设定", "职责明确", 2, "部门职责是否符合三定方案。", "符合 2；不符合 0", 2],
    [null, null, "绩效目标合理性", 2, "目标是否合理。", "1.目标明确得1分；\n2.目标可衡量得1分。", "1.5"],
    [],
    ["过程", "预算执行", "预算完成率", 5, "预算完成数/预算数。", "≥95% 满分；≤85% 0分", { formula: "5*1", result: 5 } as unknown as number],
    [null, null, "结转结余率", "3分", "结转结余总额/预算数。", "结转结余率每超过1个百分点扣0.5分，扣完为止。", 3],
  ];
  for (const [i, r] of rows.entries()) ws.getRow(7 + i).values = r;
  ws.mergeCells("A7:A8");
  ws.mergeCells("B7:B8");
  ws.mergeCells("A10:A11");
  ws.mergeCells("B10:B11");
  ws.getRow(13).values = ["合计", null, null, 12, null, null, { formula: "SUM(G7:G11)", result: 11.5 } as unknown as number];
  ws.getRow(15).values = ["评价人：李四"];
  return wb;
}

export async function wordReport(): Promise<Buffer> {
  const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ children: [new Paragraph(text)], ...extra });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "示范镇人民政府2022年度部门整体支出绩效自评报告", alignment: AlignmentType.CENTER }),
          new Paragraph({ text: "一、基本情况", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("本年收入1209.54万元，全部为财政拨款。"),
          new Paragraph("（一）人员情况"),
          new Paragraph("编制数56名，在职55人。"),
          new Paragraph("二、自评结论"),
          new Paragraph("# 这一行以井号开头，不是标题。"),
          new Table({
            rows: [
              new TableRow({ children: [cell("一级指标"), cell("二级指标"), cell("三级指标"), cell("分值"), cell("评分标准"), cell("得分")] }),
              new TableRow({ children: [cell("投入", { verticalMerge: VerticalMergeType.RESTART }), cell("预算配置"), cell("在职人员控制率"), cell("2"), cell("≤100% 满分；≥115% 0分"), cell("2")] }),
              new TableRow({ children: [cell("", { verticalMerge: VerticalMergeType.CONTINUE }), cell("预算执行"), cell("预算完成率"), cell("3"), cell("比例"), cell("2.85")] }),
            ],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/**
 * A layout seen in provincial 部门整体支出 indicator systems: a 分值 column after
 * every level column, 评价标准 sentences with lead-ins and deductions, a 备注 column.
 */
export function weightPerLevelTable(wb = new ExcelJS.Workbook()): ExcelJS.Workbook {
  const ws = wb.addWorksheet("指标体系");
  ws.getRow(1).values = ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "指标解释", "评价标准", "得分", "备注"];
  const rows: (string | number | null)[][] = [
    ["投入", 19, "预算配置", 4, "在职人员控制率", 1, "在职人员数/编制数。", "以100%为标准。在职人员控制率≤100%，计1分；每超过一个百分点扣0.1分，扣完为止。", 1, ""],
    [null, null, null, null, "“三公经费”变动率", 3, "三公经费变动比率。", "“三公经费”变动率≤0，计3分；每超过一个百分点扣0.3分，扣完为止。", 3, "无变动"],
    [null, null, "公务用车", 15, "公务用车购置运行费变动率", 15, "", "≤0% 满分；≥10% 0分", 12, ""],
  ];
  for (const [i, r] of rows.entries()) ws.getRow(2 + i).values = r;
  ws.mergeCells("A2:A4");
  ws.mergeCells("B2:B4");
  ws.mergeCells("C2:C3");
  ws.mergeCells("D2:D3");
  return wb;
}

/**
 * A provincial variant of the project form: 年初指标值 and 调整指标值, 指标性质,
 * a 计量单位 column with bare numbers, 得分系数, 是否核心指标, a 序号 column,
 * a unit line above the table; on a second sheet, after a cover sheet.
 */
export function provincialVariantForm(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("封面").getCell("B3").value = "2024年度项目支出绩效自评材料";
  const ws = wb.addWorksheet("绩效指标");
  ws.getCell("A1").value = "2024年度项目支出绩效自评表（绩效指标部分）";
  ws.mergeCells("A1:N1");
  ws.getCell("A2").value = "项目名称：农村公路养护";
  ws.getCell("H2").value = "实施单位：示范县公路养护中心";
  ws.getRow(3).values = ["序号", "一级指标", "二级指标", "三级指标", "指标性质", "计量单位", "年初指标值", "调整指标值", "实际完成值", "分值", "得分系数", "得分", "是否核心指标", "偏差原因"];
  const rows: (string | number | null | ExcelJS.CellFormulaValue)[][] = [
    [1, "产出指标", "数量指标", "养护里程", "正向", "公里", 10, 12, 12.5, 20, 1, 20, "是", ""],
    [2, null, null, "培训人次", "正向", "人次", 300, 300, "280", 10, 0.93, { formula: "J5*K5", result: 9.33 }, "否", "部分村民外出务工，参训人数不足。"],
    [3, null, "时效指标", "完工时间", "反向", "个月", 11, 11, 10, 10, 1, 10, "否", ""],
    [4, "效益指标", "社会效益指标", "群众满意率", "正向", "%", 90, 90, 93, 20, 1, 20, "是", ""],
  ];
  for (const [i, r] of rows.entries()) ws.getRow(4 + i).values = r as ExcelJS.CellValue[];
  ws.mergeCells("B4:B6");
  ws.mergeCells("C4:C5");
  return wb;
}

/** A worksheet as a Word table with the same merges (gridSpan / vMerge), in a document of its own. */
export async function worksheetAsWord(ws: ExcelJS.Worksheet, before: string[] = []): Promise<Buffer> {
  const ranges = ws.model.merges.map((m) => {
    const [a, b] = m.split(":").map((ref) => ws.getCell(ref));
    return { r1: Number(a.row), c1: Number(a.col), r2: Number(b.row), c2: Number(b.col) };
  });
  const width = ws.columnCount;
  const rows: TableRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: TableCell[] = [];
    for (let c = 1; c <= width; c++) {
      const m = ranges.find((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
      if (m && c !== m.c1) continue;
      const span = m ? m.c2 - m.c1 + 1 : 1;
      const text = m && r !== m.r1 ? "" : ws.getCell(r, c).text;
      const verticalMerge = m && m.r2 > m.r1 ? (r === m.r1 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined;
      cells.push(new TableCell({ children: [new Paragraph(text)], columnSpan: span, verticalMerge }));
    }
    rows.push(new TableRow({ children: cells }));
  }
  const doc = new Document({ sections: [{ children: [...before.map((t) => new Paragraph(t)), new Table({ rows })] }] });
  return Buffer.from(await Packer.toBuffer(doc));
}
