// Small previews for the lists: a thumbnail of a photo, the first page of a PDF (poppler's
// pdftoppm, when the server has it). Made on request from the stored bytes; nothing is kept.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { isImage, isPdf } from "./sniff";

const run = promisify(execFile);
const SIZE = 320;

export const PDFTOPPM = process.env.PDFTOPPM_PATH || "/usr/bin/pdftoppm";

export function hasPdftoppm(): boolean {
  try {
    fs.accessSync(PDFTOPPM, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A PNG rendering of page `page` (1-based) at `dpi`, or null without pdftoppm or on failure. */
export async function renderPdfPage(bytes: Uint8Array, page = 1, opts: { scaleTo?: number; dpi?: number } = {}): Promise<Buffer | null> {
  if (!hasPdftoppm()) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-preview-"));
  try {
    const input = path.join(dir, "in.pdf");
    fs.writeFileSync(input, bytes, { mode: 0o600 });
    const size = opts.scaleTo ? ["-scale-to", String(opts.scaleTo)] : ["-r", String(opts.dpi ?? 100)];
    await run(PDFTOPPM, ["-png", "-f", String(page), "-l", String(page), "-singlefile", ...size, input, path.join(dir, "out")], { timeout: 20_000 });
    return fs.readFileSync(path.join(dir, "out.png"));
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A WebP thumbnail, or null when none can be made (the list shows a generic icon). */
export async function thumbnail(bytes: Uint8Array, mime: string): Promise<Buffer | null> {
  try {
    if (isImage(mime)) return await sharp(bytes).rotate().resize(SIZE, SIZE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
    if (isPdf(mime)) {
      const png = await renderPdfPage(bytes, 1, { scaleTo: SIZE });
      return png ? await sharp(png).webp({ quality: 75 }).toBuffer() : null;
    }
  } catch {
    // A preview is a convenience: a file sharp cannot read still opens and downloads.
  }
  return null;
}
