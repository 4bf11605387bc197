import "server-only";
// The case file as a PDF, laid out from the same data as the HTML view. Generated on the
// server with no network: pdfkit and the DejaVu fonts (which cover Cyrillic) ship in
// node_modules. The text stays extractable (fonts carry a ToUnicode map).
import path from "node:path";
import PDFDocument from "pdfkit";
import sharp from "sharp";
import { PDFDocument as PdfLibDocument } from "pdf-lib";
import { storage } from "../storage";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "../i18n/catalogue";
import type { Block, CaseFile, DocumentExhibit, Entry } from "../data/case-file";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONTS = {
  regular: path.join(FONT_DIR, "DejaVuSans.ttf"),
  bold: path.join(FONT_DIR, "DejaVuSans-Bold.ttf"),
  oblique: path.join(FONT_DIR, "DejaVuSans-Oblique.ttf"),
};
const INK = "#1c1917";
const MUTED = "#57534e";
const BRAND = "#6b1238";
const MARGIN = 56;

type Doc = PDFKit.PDFDocument;

/** Starts a new page when fewer than `needed` points are left, so a heading is not orphaned. */
function keepRoom(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function label(doc: Doc, text: string | undefined): void {
  if (!text) return;
  keepRoom(doc, 30);
  doc.font("bold").fontSize(9.5).fillColor(MUTED).text(text, { paragraphGap: 1 });
}

function block(doc: Doc, b: Block): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  switch (b.type) {
    case "facts":
      for (const r of b.rows) {
        doc.font("bold").fontSize(10).fillColor(MUTED).text(`${r.label}: `, { continued: true, width });
        doc.font("regular").fillColor(INK).text(r.value, { paragraphGap: 2, width, ...(/^https?:\/\/\S+$/.test(r.value) ? { link: r.value } : {}) });
      }
      doc.moveDown(0.3);
      return;
    case "text":
      label(doc, b.label);
      doc.font("regular").fontSize(10).fillColor(INK).text(b.text, { paragraphGap: 4, width });
      return;
    case "quote":
      label(doc, b.label);
      doc.font("oblique").fontSize(10).fillColor(INK).text(b.text, { indent: 14, indentAllLines: true, paragraphGap: 2, width: width - 14 });
      if (b.cite) doc.font("regular").fontSize(8.5).fillColor(MUTED).text(b.cite, { indent: 14, paragraphGap: 4 });
      doc.moveDown(0.2);
      return;
    case "list":
      label(doc, b.label);
      for (const item of b.items) doc.font("regular").fontSize(10).fillColor(INK).text(`•  ${item}`, { indent: 8, paragraphGap: 2, width: width - 8 });
      doc.moveDown(0.3);
      return;
  }
}

function entry(doc: Doc, e: Entry): void {
  if (e.heading) {
    keepRoom(doc, 50);
    doc.font("bold").fontSize(11).fillColor(INK).text(e.heading, { paragraphGap: 3 });
  }
  for (const b of e.blocks) block(doc, b);
  if (e.refs) doc.font("regular").fontSize(8.5).fillColor(MUTED).text(e.refs, { paragraphGap: 2 });
  doc.moveDown(0.6);
}

/** The exhibit's cover line at the top of its first page. */
function exhibitHeading(doc: Doc, e: DocumentExhibit, note?: string): void {
  doc.font("bold").fontSize(12).fillColor(BRAND).text(`${e.label}: ${e.title}`, MARGIN, MARGIN, { width: doc.page.width - 2 * MARGIN, paragraphGap: 2 });
  doc.font("regular").fontSize(8.5).fillColor(MUTED).text(note ? `${e.fileName} — ${note}` : e.fileName, { width: doc.page.width - 2 * MARGIN, paragraphGap: 6 });
}

/**
 * The attached documents, after the case file's own pages: an image on a page of its own
 * under its exhibit heading; a PDF gets a heading page here and its own pages are merged in
 * after it (mergePdfExhibits). Returns, for each PDF exhibit, the index of its heading page.
 */
async function appendExhibits(doc: Doc, exhibits: readonly DocumentExhibit[], missing: string): Promise<{ exhibit: DocumentExhibit; bytes: Buffer; after: number }[]> {
  const pdfs: { exhibit: DocumentExhibit; bytes: Buffer; after: number }[] = [];
  for (const e of exhibits) {
    const bytes = await storage().get(e.storageKey);
    doc.addPage();
    if (!bytes) {
      exhibitHeading(doc, e, missing);
      continue;
    }
    if (e.mimeType === "application/pdf") {
      exhibitHeading(doc, e);
      const range = doc.bufferedPageRange();
      pdfs.push({ exhibit: e, bytes, after: range.start + range.count - 1 });
      continue;
    }
    exhibitHeading(doc, e);
    try {
      // pdfkit places JPEG and PNG: any other accepted image (WebP, TIFF) is converted first.
      const jpeg = await sharp(bytes).rotate().flatten({ background: "#ffffff" }).jpeg({ quality: 88 }).toBuffer();
      const top = doc.y + 4;
      doc.image(jpeg, MARGIN, top, { fit: [doc.page.width - 2 * MARGIN, doc.page.height - top - MARGIN], align: "center" });
    } catch {
      doc.font("regular").fontSize(10).fillColor(MUTED).text(missing);
    }
  }
  return pdfs;
}

/** Merges each PDF exhibit's pages in after its heading page (pdf-lib). */
async function mergePdfExhibits(bundle: Buffer, pdfs: { bytes: Buffer; after: number }[]): Promise<Buffer> {
  if (!pdfs.length) return bundle;
  const out = await PdfLibDocument.load(bundle, { updateMetadata: false });
  // From the last exhibit back, so the indices of the earlier heading pages stay right.
  for (const p of [...pdfs].sort((a, b) => b.after - a.after)) {
    try {
      const src = await PdfLibDocument.load(p.bytes, { updateMetadata: false });
      const pages = await out.copyPages(src, src.getPageIndices());
      pages.forEach((page, i) => out.insertPage(p.after + 1 + i, page));
    } catch {
      // A file pdf-lib cannot read again stays represented by its heading page.
    }
  }
  return Buffer.from(await out.save());
}

export async function renderCaseFilePdf(file: CaseFile): Promise<Buffer> {
  const body = await renderBody(file);
  return body.pdfs.length ? mergePdfExhibits(body.bytes, body.pdfs) : body.bytes;
}

async function renderBody(file: CaseFile): Promise<{ bytes: Buffer; pdfs: { bytes: Buffer; after: number }[] }> {
  const t = createTranslator({ locale: file.locale, messages: loadMessages(file.locale), namespace: "casefile" }) as unknown as (key: string, values: Record<string, number>) => string;
  const pageLabel = (page: number, total: number) => t("pageOf", { page, total });
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    font: FONTS.regular,
    bufferPages: true,
    lang: file.locale,
    displayTitle: true,
    info: { Title: `${file.kind}: ${file.title}`, Creator: "Assembly permit tracker", Producer: "pdfkit" },
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("oblique", FONTS.oblique);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("regular").fontSize(8.5).fillColor(MUTED).text(file.kind.toUpperCase(), { characterSpacing: 0.5 });
  doc.font("bold").fontSize(18).fillColor(INK).text(file.title, { paragraphGap: 4 });
  doc.font("regular").fontSize(9).fillColor(MUTED).text(file.prepared);
  if (file.notice) {
    doc.moveDown(0.5);
    doc.font("bold").fontSize(9.5).fillColor("#92400e").text(file.notice);
  }
  doc.moveDown(1);

  for (const s of file.sections) {
    keepRoom(doc, 90);
    doc.font("bold").fontSize(14).fillColor(BRAND).text(s.title, { paragraphGap: 2 });
    const y = doc.y;
    doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(1).strokeColor(BRAND).stroke();
    doc.moveDown(0.5);
    if (s.intro) doc.font("regular").fontSize(9).fillColor(MUTED).text(s.intro, { paragraphGap: 6 });
    if (!s.entries.length && s.empty) doc.font("regular").fontSize(10).fillColor(MUTED).text(s.empty, { paragraphGap: 6 });
    for (const e of s.entries) entry(doc, e);
    doc.moveDown(0.6);
  }

  // Page numbers go into the bottom margin; lifting the margin stops pdfkit adding a page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${file.title.length > 80 ? `${file.title.slice(0, 79)}…` : file.title} · ${pageLabel(i + 1, range.count)}`, MARGIN, doc.page.height - MARGIN / 2 - 4, {
        width: doc.page.width - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  const missing = (createTranslator({ locale: file.locale, messages: loadMessages(file.locale), namespace: "documents" }) as unknown as (key: string) => string)("missingInBundle");
  const pdfs = await appendExhibits(doc, file.exhibits ?? [], missing);
  doc.end();
  return { bytes: await done, pdfs };
}
