// Metadata out before anything is stored. A photo of a protest carries the phone's GPS
// position, its owner's name and serial numbers in EXIF and maker notes; a scanned letter's
// PDF carries the author and the software of whoever made it. Images are decoded and
// re-encoded by sharp (which writes no metadata unless asked; the EXIF orientation is applied
// to the pixels first so the picture still stands the right way up); PDFs lose their document
// information dictionary and every XMP metadata stream (pdf-lib).
import sharp from "sharp";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from "pdf-lib";
import type { AcceptedType } from "./sniff";

export class UnreadableFileError extends Error {
  constructor(public readonly reason: "unreadable" | "encrypted") {
    super(reason);
  }
}

export interface Stripped {
  bytes: Buffer;
  pageCount: number | null;
}

export async function stripMetadata(bytes: Uint8Array, mime: AcceptedType): Promise<Stripped> {
  if (mime === "application/pdf") return stripPdf(bytes);
  try {
    const image = sharp(bytes, { failOn: "error" }).rotate();
    const out =
      mime === "image/jpeg" ? image.jpeg({ quality: 92, mozjpeg: true })
      : mime === "image/png" ? image.png()
      : mime === "image/webp" ? image.webp({ quality: 92 })
      : image.tiff({ compression: "lzw" });
    return { bytes: await out.toBuffer(), pageCount: 1 };
  } catch {
    throw new UnreadableFileError("unreadable");
  }
}

async function stripPdf(bytes: Uint8Array): Promise<Stripped> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (e) {
    throw new UnreadableFileError(/encrypt/i.test(String(e)) ? "encrypted" : "unreadable");
  }
  const ctx = doc.context;
  // The information dictionary (Author, Creator, Producer, Title, Subject, Keywords, dates).
  const info = ctx.trailerInfo.Info;
  if (info instanceof PDFRef) ctx.delete(info);
  ctx.trailerInfo.Info = undefined;
  // XMP: the catalogue's, and any other metadata stream (pages, images and fonts may carry one).
  for (const [ref, object] of ctx.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    if (dict.has(PDFName.of("Metadata"))) dict.delete(PDFName.of("Metadata"));
    if (dict.get(PDFName.of("Type")) === PDFName.of("Metadata") || (object instanceof PDFRawStream && dict.get(PDFName.of("Subtype")) === PDFName.of("XML"))) ctx.delete(ref);
  }
  doc.catalog.delete(PDFName.of("Metadata"));
  // No object streams: what is left stays plain, and no new Producer is written.
  const out = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { bytes: Buffer.from(out), pageCount: doc.getPageCount() };
}
