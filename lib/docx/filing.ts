import "server-only";
// A drafted filing as a Word document (lawyers edit in Word), laid out from the same model
// as the preview and the PDF. A value the case could not fill is printed in brackets and
// highlighted, so it cannot be filed by mistake with a blank.
import { AlignmentType, Document, Packer, Paragraph, TextRun, type IRunOptions } from "docx";
import type { FilingDocument, Paragraph as Para, Run } from "../domain/filings";

const FONT = "Times New Roman";
const SIZE = 24; // half-points: 12 pt

function runOf(r: Run): TextRun {
  const base: IRunOptions = { font: FONT, size: SIZE };
  if ("missing" in r) return new TextRun({ ...base, text: `[${r.note}]`, highlight: "yellow", bold: true });
  return new TextRun({ ...base, text: r.text, bold: r.bold, italics: r.italic });
}

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

function paragraphOf(p: Para): Paragraph {
  return new Paragraph({
    children: [...(p.style === "item" ? [new TextRun({ text: "– ", font: FONT, size: SIZE })] : []), ...p.runs.map(runOf)],
    alignment: p.align ? ALIGN[p.align] : AlignmentType.JUSTIFIED,
    indent: p.style === "quote" ? { left: 567 } : p.style === "item" ? { left: 284 } : undefined,
    spacing: { after: 120 },
    keepNext: p.style === "heading",
  });
}

export async function renderFilingDocx(doc: FilingDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [new TextRun({ text: doc.title, font: FONT, size: 28, bold: true })] }),
  ];
  for (const s of doc.sections) {
    if (s.heading) children.push(new Paragraph({ keepNext: true, spacing: { before: 200, after: 120 }, children: [new TextRun({ text: s.heading, font: FONT, size: SIZE, bold: true })] }));
    for (const p of s.paragraphs) children.push(paragraphOf(p));
  }
  const file = new Document({
    creator: "Assembly permit tracker",
    title: doc.title,
    description: doc.draftTitle,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } }, children }],
  });
  return Packer.toBuffer(file);
}
