// How a stored document goes back to a browser. It is someone's scan, not part of the app:
// it must never run as a page of this origin (sandbox, nosniff, its sniffed type only) and
// must not sit in a shared cache.
import { FILE_CSP } from "../security/headers";

/** RFC 6266 / RFC 5987: an ASCII fallback name and the real one, UTF-8 percent-encoded. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_") || "document";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const SAFE_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": FILE_CSP,
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow, noarchive",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Referrer-Policy": "no-referrer",
};

export function documentResponse(bytes: Uint8Array, file: { mimeType: string; fileName: string }, download: boolean): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(download ? "attachment" : "inline", file.fileName),
      ...SAFE_HEADERS,
    },
  });
}

/** The generic icon when no preview can be made (no pdftoppm, an unreadable file). */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="120" viewBox="0 0 96 120"><path d="M8 4h56l24 24v88H8z" fill="#f5f5f4" stroke="#78716c" stroke-width="4"/><path d="M64 4v24h24" fill="none" stroke="#78716c" stroke-width="4"/><path d="M22 52h52M22 68h52M22 84h36" stroke="#a8a29e" stroke-width="6"/></svg>`;

export function previewResponse(preview: Buffer | null): Response {
  const body = preview ? new Uint8Array(preview) : new TextEncoder().encode(ICON);
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": preview ? "image/webp" : "image/svg+xml", "Content-Length": String(body.byteLength), ...SAFE_HEADERS },
  });
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...SAFE_HEADERS } });
}
