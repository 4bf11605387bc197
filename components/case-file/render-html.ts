// The one HTML view of a case file, as a string: a share link is served by a route handler
// (so that an invalid link can answer 410, which an App Router page cannot), and React's
// HTML renderer is not available there. The members' print page shows the same string.
// Every value is escaped here (lib/html); nothing else writes case data into HTML.
import type { Block, CaseFile, Entry, Section } from "@/lib/data/case-file";
import { escapeHtml } from "@/lib/html";

const URL_ONLY = /^https?:\/\/[^\s"'<>]+$/i;

function value(v: string): string {
  // Source addresses become links; the page's referrer policy keeps the share URL out of them.
  return URL_ONLY.test(v) ? `<a href="${escapeHtml(v)}" rel="noopener noreferrer nofollow">${escapeHtml(v)}</a>` : escapeHtml(v);
}

function label(text: string | undefined): string {
  return text ? `<p class="cf-label">${escapeHtml(text)}</p>` : "";
}

function block(b: Block): string {
  switch (b.type) {
    case "facts":
      return `<dl class="cf-facts">${b.rows.map((r) => `<div><dt>${escapeHtml(r.label)}</dt><dd>${value(r.value)}</dd></div>`).join("")}</dl>`;
    case "text":
      return `<div class="cf-text">${label(b.label)}<p>${escapeHtml(b.text)}</p></div>`;
    case "quote":
      return `<figure class="cf-quote">${b.label ? `<figcaption class="cf-label">${escapeHtml(b.label)}</figcaption>` : ""}<blockquote>${escapeHtml(b.text)}</blockquote>${
        b.cite ? `<figcaption class="cf-cite">${escapeHtml(b.cite)}</figcaption>` : ""
      }</figure>`;
    case "list":
      return `<div class="cf-list">${label(b.label)}<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul></div>`;
  }
}

function fileLinks(f: NonNullable<Entry["file"]>, base: string): string {
  const href = `${base}${encodeURIComponent(f.id)}`;
  return `<p class="cf-file"><a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(f.open)}</a> · <a href="${escapeHtml(`${href}?download=1`)}" rel="noopener noreferrer">${escapeHtml(f.download)}</a></p>`;
}

function entry(e: Entry, fileBase: string): string {
  return `<div class="cf-entry">${e.heading ? `<h3>${escapeHtml(e.heading)}</h3>` : ""}${e.blocks.map(block).join("")}${e.file ? fileLinks(e.file, fileBase) : ""}${e.refs ? `<p class="cf-refs">${escapeHtml(e.refs)}</p>` : ""}</div>`;
}

function section(s: Section, fileBase: string): string {
  const id = `cf-${s.id}`;
  const body = s.entries.length ? s.entries.map((e) => entry(e, fileBase)).join("") : s.empty ? `<p class="cf-empty">${escapeHtml(s.empty)}</p>` : "";
  return `<section class="cf-section" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(s.title)}</h2>${s.intro ? `<p class="cf-intro">${escapeHtml(s.intro)}</p>` : ""}${body}</section>`;
}

/**
 * The case file as an <article>. `fileBase` is where its documents are opened: /files/ for a
 * member, the share link's own /s/<token>/files/ for a lawyer (each route checks the reader).
 */
export function renderCaseFileHtml(file: CaseFile, fileBase = "/files/"): string {
  return [
    `<article class="case-file" lang="${escapeHtml(file.locale)}">`,
    `<header class="cf-head"><p class="cf-kind">${escapeHtml(file.kind)}</p><h1>${escapeHtml(file.title)}</h1><p class="cf-prepared">${escapeHtml(file.prepared)}</p>`,
    file.notice ? `<p class="cf-notice">${escapeHtml(file.notice)}</p>` : "",
    `</header>`,
    file.sections.map((s) => section(s, fileBase)).join(""),
    `</article>`,
  ].join("");
}

/** Styles for the case file, scoped to .case-file so they sit inside the app's pages too. */
export const CASE_FILE_CSS = `
.case-file{font-family:ui-sans-serif,system-ui,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1c1917;line-height:1.5;max-width:52rem;margin:0 auto;overflow-wrap:anywhere}
.case-file h1{font-size:1.6rem;font-weight:700;margin:.2rem 0 .4rem;line-height:1.25}
.case-file h2{font-size:1.2rem;font-weight:700;margin:0 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid #831843;color:#6b1238}
.case-file h3{font-size:1rem;font-weight:600;margin:0 0 .4rem}
.case-file .cf-head{margin-bottom:1.25rem}
.case-file .cf-kind{text-transform:uppercase;letter-spacing:.06em;font-size:.75rem;color:#57534e;margin:0}
.case-file .cf-prepared{font-size:.85rem;color:#57534e;margin:0}
.case-file .cf-notice{margin:.6rem 0 0;padding:.5rem .75rem;background:#fef3c7;border-left:4px solid #b45309;font-size:.9rem}
.case-file .cf-section{margin:0 0 1.5rem}
.case-file .cf-intro,.case-file .cf-empty{color:#57534e;font-size:.9rem;margin:0 0 .6rem}
.case-file .cf-entry{margin:0 0 1rem;padding:0 0 .75rem;border-bottom:1px solid #e7e5e4;break-inside:avoid-page}
.case-file .cf-entry:last-child{border-bottom:0}
.case-file .cf-facts{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.15rem 1rem;margin:0 0 .5rem}
.case-file .cf-facts>div{display:contents}
.case-file .cf-facts dt{font-weight:600;color:#44403c}
.case-file .cf-facts dd{margin:0;white-space:pre-line}
.case-file .cf-label{font-weight:600;color:#44403c;margin:.4rem 0 .1rem}
.case-file .cf-text p:not(.cf-label){margin:0 0 .4rem;white-space:pre-line}
.case-file .cf-quote{margin:.4rem 0 .6rem}
.case-file .cf-quote blockquote{margin:0;padding:.35rem .75rem;border-left:3px solid #a8a29e;background:#fafaf9;font-style:italic;white-space:pre-line}
.case-file .cf-cite{font-size:.8rem;color:#57534e;margin-top:.15rem}
.case-file .cf-list ul{margin:0 0 .5rem 1.25rem;padding:0;list-style:disc}
.case-file .cf-file{margin:.25rem 0 0;font-size:.9rem}
.case-file .cf-refs{font-size:.8rem;color:#57534e;margin:.25rem 0 0}
.case-file a{color:#831843}
@media (max-width:640px){.case-file .cf-facts{grid-template-columns:1fr}.case-file .cf-facts dd{margin-bottom:.35rem}}
@media print{.case-file{max-width:none;font-size:11pt}.case-file h2{break-after:avoid-page}.case-file h3{break-after:avoid-page}.case-file a{color:inherit}.case-file .cf-quote blockquote{background:none}}
`;
