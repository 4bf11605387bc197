// Reads an uploaded spreadsheet into a header and rows of text cells: CSV with papaparse (the
// delimiter and a UTF-8 BOM are detected; Windows-1251, which Excel in Russian often saves,
// is recognised when the bytes are not UTF-8), XLSX with exceljs (the first worksheet; date
// cells become yyyy-mm-dd). Limits are checked here so that nothing larger is kept.
import Papa from "papaparse";
import ExcelJS from "exceljs";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "../domain/import-values";

export interface Sheet {
  header: string[];
  rows: string[][];
}

export class SheetError extends Error {
  constructor(public readonly code: "too_big" | "too_many_rows" | "unreadable" | "empty" | "unsupported") {
    super(code);
    this.name = "SheetError";
  }
}

const MAX_COLUMNS = 60;
const MAX_CELL = 20_000;

export function sheetKind(fileName: string, bytes: Uint8Array): "csv" | "xlsx" | null {
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip) return /\.xlsx$/i.test(fileName) || !/\.(csv|txt)$/i.test(fileName) ? "xlsx" : null;
  if (/\.(xlsx|xls|ods)$/i.test(fileName)) return null;
  return "csv";
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

function tidy(table: string[][]): Sheet {
  const rows = table.map((r) => r.slice(0, MAX_COLUMNS).map((c) => String(c ?? "").slice(0, MAX_CELL)));
  // Rows above the header that are entirely empty are skipped.
  while (rows.length && rows[0].every((c) => c.trim() === "")) rows.shift();
  if (!rows.length) throw new SheetError("empty");
  const header = rows[0].map((h) => h.trim());
  const body = rows.slice(1);
  while (body.length && body[body.length - 1].every((c) => c.trim() === "")) body.pop();
  if (body.length > MAX_IMPORT_ROWS) throw new SheetError("too_many_rows");
  if (!body.length) throw new SheetError("empty");
  return { header, rows: body };
}

export function readCsv(bytes: Uint8Array): Sheet {
  const text = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t", "|"] });
  if (parsed.errors.some((e) => e.type === "Quotes") && parsed.data.length === 0) throw new SheetError("unreadable");
  return tidy(parsed.data);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("error" in v) return "";
    return "";
  }
  return String(v);
}

export async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new SheetError("unreadable");
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetError("empty");
  if (ws.rowCount > MAX_IMPORT_ROWS + 50) throw new SheetError("too_many_rows");
  const table: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(cellText(row.getCell(c).value));
    table[n - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return tidy(table);
}

export async function readSheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new SheetError("too_big");
  const kind = sheetKind(fileName, bytes);
  if (!kind) throw new SheetError("unsupported");
  return kind === "xlsx" ? readXlsx(bytes) : readCsv(bytes);
}
