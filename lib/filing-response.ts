// The responses of the filing download routes: the file, or a plain message for a refusal.
import { createTranslator } from "use-intl/core";
import { ForbiddenError, NotFoundError } from "./errors";
import { loadMessages } from "./i18n/catalogue";
import type { Locale } from "./i18n/config";

export function fileResponse(bytes: Buffer, fileName: string, mimeType: string): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": mimeType,
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Not found is a 404 (another group's case looks missing); a viewer gets a 403 that says why. */
export function filingErrorResponse(e: unknown, locale: Locale = "en"): Response {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "filings" }) as unknown as (key: string) => string;
  const plain = { "Content-Type": "text/plain; charset=utf-8" };
  if (e instanceof NotFoundError) return new Response(t("notFound"), { status: 404, headers: plain });
  if (e instanceof ForbiddenError) return new Response(t("viewerCannot"), { status: 403, headers: plain });
  throw e;
}
