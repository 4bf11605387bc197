// The template spreadsheet offered for download: the fields' names in the reader's language
// (the import recognises them in every language) and two example rows.
import ExcelJS from "exceljs";
import { toCsv } from "../csv";

export function templateCsv(header: string[], rows: string[][]): string {
  // A BOM, so that Excel opens the Cyrillic as UTF-8.
  return `\uFEFF${toCsv([header, ...rows])}`;
}

export async function templateXlsx(header: string[], rows: string[][], sheetName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31) || "Import");
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 22));
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
