// The pages a share link answers with, as complete HTML documents: the shared case file,
// the passcode form, "no longer valid" (410) and "too many attempts" (429). They are served
// by a route handler, which alone can choose the status; none of them loads a script.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";
import type { CaseFile } from "@/lib/data/case-file";
import { CASE_FILE_CSS, renderCaseFileHtml } from "@/components/case-file/render-html";
import { escapeHtml } from "@/lib/html";

type Translate = (key: string, values?: Record<string, string | number>) => string;

function share(locale: Locale): Translate {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "share" }) as unknown as Translate;
}

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#fafaf9;color:#1c1917;font-family:ui-sans-serif,system-ui,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;line-height:1.5}
main{max-width:54rem;margin:0 auto;padding:1.25rem 1rem 3rem;background:#fff;min-height:100vh}
.share-bar{max-width:52rem;margin:0 auto 1.25rem;padding:.6rem .8rem;border:1px solid #e7e5e4;border-radius:.5rem;background:#fdf2f8;font-size:.9rem}
.share-bar p{margin:.15rem 0}
.share-actions a{display:inline-block;margin-top:.35rem;padding:.4rem .8rem;border-radius:.375rem;background:#831843;color:#fff;text-decoration:none;font-weight:600}
.share-actions a:focus-visible,button:focus-visible,input:focus-visible{outline:2px solid #9d174d;outline-offset:2px}
.notice{max-width:32rem;margin:3rem auto;padding:0 1rem}
.notice h1{font-size:1.5rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=password]{width:100%;padding:.5rem .6rem;border:1px solid #a8a29e;border-radius:.375rem;font-size:1rem}
button{margin-top:.75rem;padding:.5rem 1rem;border:0;border-radius:.375rem;background:#831843;color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
.error{color:#991b1b;background:#fef2f2;padding:.4rem .6rem;border-radius:.375rem}
@media print{body,main{background:#fff}.no-print{display:none!important}main{padding:0}.share-bar{border:0;background:none;padding:0}}
`;

function documentHtml(locale: Locale, title: string, body: string): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow, noarchive">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}${CASE_FILE_CSS}</style>`,
    `</head><body>${body}</body></html>`,
  ].join("");
}

/** The shared case file, with who shared it and until when. */
export function sharedCaseDocument(
  locale: Locale,
  file: CaseFile,
  link: { token: string; createdByName: string; groupName: string; createdAt: string; expiresAt: string },
): string {
  const t = share(locale);
  const bar = [
    '<div class="share-bar" role="note">',
    `<p>${escapeHtml(t("view.sharedBy", { name: link.createdByName || "—", group: link.groupName, date: link.createdAt, until: link.expiresAt }))}</p>`,
    `<p>${escapeHtml(t("view.readOnly"))}</p>`,
    `<p class="share-actions no-print"><a href="/s/${escapeHtml(link.token)}/pdf">${escapeHtml(t("view.downloadPdf"))}</a></p>`,
    "</div>",
  ].join("");
  return documentHtml(locale, `${file.kind}: ${file.title}`, `<main>${bar}${renderCaseFileHtml(file, `/s/${link.token}/files/`)}</main>`);
}

export function goneDocument(locale: Locale): string {
  const t = share(locale);
  return documentHtml(locale, t("gone.title"), `<main class="notice"><h1>${escapeHtml(t("gone.title"))}</h1><p>${escapeHtml(t("gone.text"))}</p></main>`);
}

export function rateLimitedDocument(locale: Locale, retryAfterSeconds: number): string {
  const t = share(locale);
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return documentHtml(locale, t("limited.title"), `<main class="notice"><h1>${escapeHtml(t("limited.title"))}</h1><p>${escapeHtml(t("limited.text", { minutes }))}</p></main>`);
}

export function passcodeDocument(locale: Locale, token: string, wrong: boolean): string {
  const t = share(locale);
  const error = wrong ? `<p class="error" id="passcode-error" role="alert">${escapeHtml(t("passcode.wrong"))}</p>` : "";
  return documentHtml(
    locale,
    t("passcode.title"),
    [
      `<main class="notice"><h1>${escapeHtml(t("passcode.title"))}</h1><p>${escapeHtml(t("passcode.text"))}</p>`,
      `<form method="post" action="/s/${escapeHtml(token)}">`,
      `<label for="passcode">${escapeHtml(t("passcode.label"))}</label>`,
      `<input id="passcode" name="passcode" type="password" required autocomplete="off" autofocus${wrong ? ' aria-invalid="true" aria-describedby="passcode-error"' : ""}>`,
      error,
      `<button type="submit">${escapeHtml(t("passcode.submit"))}</button>`,
      "</form></main>",
    ].join(""),
  );
}
