import "server-only";
// A drafted filing as a PDF, laid out from the same model as the preview and the DOCX, with
// the DejaVu fonts the case file uses (they cover Cyrillic and Kazakh letters). A value the
// case could not fill is printed in brackets on a yellow mark.
import path from "node:path";
import PDFDocument from "pdfkit";
import type { FilingDocument, Paragraph, Run } from "../domain/filings";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONTS = {
  regular: path.join(FONT_DIR, "DejaVuSerif.ttf"),
  bold: path.join(FONT_DIR, "DejaVuSerif-Bold.ttf"),
  italic: path.join(FONT_DIR, "DejaVuSerif-Italic.ttf"),
  boldItalic: path.join(FONT_DIR, "DejaVuSerif-BoldItalic.ttf"),
};
const INK = "#111111";
const MISSING = "#b45309";
const MARGIN = 64;

type Doc = PDFKit.PDFDocument;

function fontOf(r: Run): string {
  if ("missing" in r) return "bold";
  return r.bold && r.italic ? "boldItalic" : r.bold ? "bold" : r.italic ? "italic" : "regular";
}

function paragraph(doc: Doc, p: Paragraph): void {
  const indent = p.style === "quote" ? 28 : p.style === "item" ? 14 : 0;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right - indent;
  const runs: Run[] = p.style === "item" ? [{ text: "– " }, ...p.runs] : p.runs;
  if (p.style === "heading" && doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  runs.forEach((r, i) => {
    const last = i === runs.length - 1;
    const missing = "missing" in r;
    doc.font(fontOf(r)).fontSize(11).fillColor(missing ? MISSING : INK);
    doc.text(missing ? `[${r.note}]` : r.text, doc.page.margins.left + indent, undefined, {
      width,
      align: p.align === "right" ? "right" : p.align === "center" ? "center" : "justify",
      continued: !last,
      paragraphGap: last ? 5 : 0,
    });
  });
}

export function renderFilingPdf(file: FilingDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    font: FONTS.regular,
    lang: file.locale,
    displayTitle: true,
    info: { Title: file.title, Subject: file.draftTitle, Creator: "Assembly permit tracker", Producer: "pdfkit" },
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("italic", FONTS.italic);
  doc.registerFont("boldItalic", FONTS.boldItalic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("bold").fontSize(13).fillColor(INK).text(file.title, { align: "center", paragraphGap: 12 });
  for (const s of file.sections) {
    if (s.heading) {
      doc.moveDown(0.4);
      doc.font("bold").fontSize(11.5).fillColor(INK).text(s.heading, doc.page.margins.left, undefined, { paragraphGap: 4 });
    }
    for (const p of s.paragraphs) paragraph(doc, p);
  }
  doc.end();
  return done;
}
