// Documents for the OCR tests: a Russian sentence rendered to PNG (sharp, SVG text in the
// DejaVu font), the same as an image-only "scanned" PDF (pdf-lib), a PDF that carries its own
// text (pdfkit), and an Attachment row with its bytes in storage, as the upload would leave it.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";
import PDFKit from "pdfkit";
import type { Db } from "@/lib/db-client";
import { storage } from "@/lib/storage";
import { enqueueOcr } from "@/lib/ocr/queue";

const FONT = path.resolve(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Black text on white, one line per entry, large enough to read at 200 dpi. */
export async function textImage(lines: readonly string[]): Promise<Buffer> {
  const font = fs.readFileSync(FONT).toString("base64");
  const height = 80 + lines.length * 80;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="${height}">
<style>@font-face{font-family:"DV";src:url(data:font/ttf;base64,${font})} text{font-family:"DejaVu Sans";font-size:44px}</style>
<rect width="100%" height="100%" fill="white"/>${lines.map((l, i) => `<text x="40" y="${90 + i * 80}">${esc(l)}</text>`).join("")}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** An image-only PDF: each PNG on a page of its own, no text layer (what a scanner makes). */
export async function scannedPdf(pages: Buffer[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const png of pages) {
    const image = await pdf.embedPng(png);
    const page = pdf.addPage([595, 842]);
    const w = 540;
    const h = (image.height / image.width) * w;
    page.drawImage(image, { x: 28, y: 842 - 40 - h, width: w, height: h });
  }
  return pdf.save();
}

/** A PDF with a real text layer (typed, exported from a word processor). */
export function textPdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font(FONT).fontSize(14);
    for (const l of lines) doc.text(l);
    doc.end();
  });
}

/** An attachment as the upload leaves it: bytes stored, row written, OCR job enqueued together. */
export async function seedAttachment(
  db: Db,
  a: { groupId: string; applicationId: string; bytes: Uint8Array; mimeType: string; subjectType?: string; subjectId?: string; kind?: string; isPublic?: boolean; title?: string },
) {
  const stored = await storage().put(a.bytes);
  return db.$transaction(async (tx) => {
    const row = await tx.attachment.create({
      data: {
        groupId: a.groupId,
        applicationId: a.applicationId,
        subjectType: a.subjectType ?? "application",
        subjectId: a.subjectId ?? a.applicationId,
        kind: a.kind ?? "answer",
        title: a.title ?? "Akimat letter",
        fileName: a.mimeType === "application/pdf" ? "letter.pdf" : "letter.png",
        mimeType: a.mimeType,
        size: stored.size,
        storageKey: stored.key,
        isPublic: a.isPublic ?? false,
      },
    });
    await enqueueOcr(tx, row.id);
    return row;
  });
}
