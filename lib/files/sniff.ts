// What an uploaded file really is, read from its bytes (file-type), never from its name or
// the type the browser claims. A closed list: scans and photos, and PDFs.
import { fileTypeFromBuffer } from "file-type";

export const ACCEPTED_TYPES = {
  "image/jpeg": { ext: "jpg", kind: "image" },
  "image/png": { ext: "png", kind: "image" },
  "image/webp": { ext: "webp", kind: "image" },
  "image/tiff": { ext: "tif", kind: "image" },
  "application/pdf": { ext: "pdf", kind: "pdf" },
} as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

/** For the file input: what the picker offers (the server still checks the bytes). */
export const ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/tiff,application/pdf";

export function isAccepted(mime: string): mime is AcceptedType {
  return Object.hasOwn(ACCEPTED_TYPES, mime);
}

export function isImage(mime: string): boolean {
  return isAccepted(mime) && ACCEPTED_TYPES[mime].kind === "image";
}

export function isPdf(mime: string): boolean {
  return mime === "application/pdf";
}

/** The accepted type of these bytes, or null (an HTML page named ".pdf" is null). */
export async function sniffType(bytes: Uint8Array): Promise<AcceptedType | null> {
  const found = await fileTypeFromBuffer(bytes);
  return found && isAccepted(found.mime) ? found.mime : null;
}
