// Reads the text of one document: a PDF that already carries text gives it through pdftotext;
// its pages without enough text (scans) are rendered with pdftoppm and read by Tesseract, as
// are images. Everything happens in a private temporary folder that is removed afterwards,
// whatever happens.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ocrTools, run, type OcrTools } from "./tools";

/** What OCR reads; anything else is marked "none" (not a document OCR reads). */
export const OCR_MIME_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/tiff", "image/webp", "image/heic", "image/heif", "image/gif", "image/bmp"] as const;
const TESSERACT_READS = new Set(["image/png", "image/jpeg", "image/tiff", "image/bmp"]);

export function isOcrReadable(mimeType: string): boolean {
  return (OCR_MIME_TYPES as readonly string[]).includes(mimeType);
}

/** A page that pdftotext gives fewer letters than this is treated as a scan. */
const MIN_LETTERS_PER_PAGE = 20;

export function maxOcrPages(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TRACKER_OCR_MAX_PAGES);
  return Number.isInteger(n) && n > 0 ? n : 50;
}

export interface ReadResult {
  text: string;
  pageCount: number;
  /** Pages read by Tesseract (the rest came from the PDF's own text). */
  ocrPages: number;
}

export interface ReadOptions {
  /** Tesseract languages, e.g. "rus+kaz+eng". */
  languages: string;
  tools?: OcrTools;
  /** Called before each page is read (progress, keeping a job's lease). */
  onPage?: (page: number, of: number) => Promise<void> | void;
}

export async function readDocument(bytes: Uint8Array, mimeType: string, options: ReadOptions): Promise<ReadResult> {
  const tools = options.tools ?? ocrTools();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tracker-ocr-"));
  try {
    await fs.chmod(dir, 0o700);
    if (mimeType === "application/pdf") return await readPdf(bytes, dir, tools, options);
    const image = await imageFile(bytes, mimeType, dir);
    await options.onPage?.(1, 1);
    const text = await tesseract(tools, image, options.languages, dir);
    return { text: tidy(text), pageCount: 1, ocrPages: 1 };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function imageFile(bytes: Uint8Array, mimeType: string, dir: string): Promise<string> {
  if (TESSERACT_READS.has(mimeType)) {
    const file = path.join(dir, "page");
    await fs.writeFile(file, bytes, { mode: 0o600 });
    return file;
  }
  // WebP, HEIC, GIF: Tesseract's image library may not read them; sharp turns them into PNG.
  const { default: sharp } = await import("sharp");
  const file = path.join(dir, "page.png");
  await sharp(bytes, { limitInputPixels: 100_000_000 }).rotate().png().toFile(file);
  await fs.chmod(file, 0o600);
  return file;
}

async function tesseract(tools: OcrTools, image: string, languages: string, dir: string): Promise<string> {
  return run(tools.tesseract, [image, "stdout", "-l", languages], { cwd: dir });
}

async function readPdf(bytes: Uint8Array, dir: string, tools: OcrTools, options: ReadOptions): Promise<ReadResult> {
  const pdf = path.join(dir, "document.pdf");
  await fs.writeFile(pdf, bytes, { mode: 0o600 });
  // pdftotext ends every page with a form feed: the pages' own text, in order.
  const own = await run(tools.pdftotext, ["-enc", "UTF-8", pdf, "-"], { cwd: dir });
  const pages = own.split("\f");
  if (pages.length > 1 && pages[pages.length - 1].trim() === "") pages.pop();
  const pageCount = Math.max(1, pages.length);
  const limit = maxOcrPages();
  const out: string[] = [];
  let ocrPages = 0;
  for (let i = 0; i < pageCount; i++) {
    const text = pages[i] ?? "";
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    if (letters >= MIN_LETTERS_PER_PAGE || ocrPages >= limit) {
      out.push(text);
      continue;
    }
    await options.onPage?.(i + 1, pageCount);
    const n = String(i + 1);
    const prefix = path.join(dir, `p${n}`);
    // One page at a time, 200 dpi: enough for Tesseract, bounded in size.
    await run(tools.pdftoppm, ["-r", "200", "-png", "-f", n, "-l", n, "-singlefile", pdf, prefix], { cwd: dir });
    const image = `${prefix}.png`;
    const read = await tesseract(tools, image, options.languages, dir);
    await fs.rm(image, { force: true });
    out.push(read);
    ocrPages++;
  }
  return { text: tidy(out.join("\n\n")), pageCount, ocrPages };
}

/** Trailing spaces and runs of blank lines go; the line breaks a reader needs stay. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
