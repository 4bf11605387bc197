// Turns a page rendered without a nonce into a copy that runs under a hash-based strict CSP
// (web.dev, "Strict CSP" for cached pages): every inline script is allowed by its SHA-256,
// and the framework's own <script src> tags — which a hash cannot cover in every browser —
// are loaded by one inline loader script, which 'strict-dynamic' lets load them. Anything a
// record's text injects is escaped by React, so a script written into a record is text, and
// a script that slipped through would have no hash in the policy and be refused.
import { createHash } from "node:crypto";

/** An attribute a page renders when it shows figures a recompute old (components/perf/StaleMarker): kept only until the recompute ends. */
export const STALE_MARKER = "data-stale-figures";
/** An attribute a page renders when it shows nothing but background figures (components/perf/StaleMarker): answered from its last copy while the next renders. */
export const FIGURES_ONLY_MARKER = "data-figures-only";

export interface CacheablePage {
  html: string;
  /** True for a page showing figures a recompute old: kept only until the next recompute ends (lib/recompute-generation). */
  stale: boolean;
  /** True for a page whose data is background figures only: after a write, its last copy answers while the next renders. */
  figuresOnly: boolean;
  /** 'sha256-…' sources for every inline script of `html`. */
  scriptHashes: string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script")[^>]*>|<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi;

export function sha256Source(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}(?:="([^"]*)")?(?=[\\s/>]|$)`, "i").exec(attrs);
  return m ? (m[1] ?? "") : null;
}

/**
 * Script sources become a loader (order does not matter: Next.js marks them all async); script
 * preloads go too (under 'strict-dynamic' a preload without a nonce is refused and logged).
 * Returns null for a page that already carries a nonce (rendered for CSP by nonce).
 */
export function prepareForCache(rendered: string): CacheablePage | null {
  if (/\snonce="/.test(rendered)) return null;
  const sources: string[] = [];
  let loaderAt = -1;
  let html = rendered.replace(SCRIPT, (whole, attrs: string, body: string, offset: number) => {
    const src = attr(attrs, "src");
    if (src === null) return whole;
    if (attr(attrs, "nomodule") !== null) return ""; // the legacy polyfills: no browser that runs 'strict-dynamic' needs them
    if (body.trim()) return whole; // not a tag Next.js writes: left alone, and refused by the policy
    sources.push(src.replace(/&amp;/g, "&"));
    if (loaderAt < 0) loaderAt = offset;
    return "\u0000LOADER\u0000";
  });
  html = html.replace(SCRIPT_PRELOAD, "");
  const loader = sources.length
    ? `<script>(function(d){${JSON.stringify(sources).replace(/</g, "\\u003c")}.forEach(function(s){var e=d.createElement("script");e.src=s;e.async=true;d.head.appendChild(e)})})(document)</script>`
    : "";
  let first = true;
  html = html.replace(/\u0000LOADER\u0000/g, () => {
    const out = first ? loader : "";
    first = false;
    return out;
  });
  const scriptHashes = new Set<string>();
  for (const m of html.matchAll(SCRIPT)) {
    if (attr(m[1], "src") !== null) continue;
    // Only scripts the framework writes are vouched for: a page with any other inline script
    // is not cached at all (its visitors get it rendered with a nonce, as members do).
    if (!isFrameworkScript(m[1], m[2]) && m[2] !== loader.slice(8, -9)) return null;
    scriptHashes.add(sha256Source(m[2]));
  }
  return { html, scriptHashes: [...scriptHashes], stale: rendered.includes(` ${STALE_MARKER}=`), figuresOnly: rendered.includes(` ${FIGURES_ONLY_MARKER}=`) };
}

/**
 * What Next.js and React write inline: the RSC payload chunks (self.__next_f), Next's own
 * head scripts (self.__next_s), Turbopack's chunk list (globalThis.TURBOPACK), React's streaming helpers ($RC, $RS, $RX, $RT…) and non-script
 * JSON blocks. Checked on the script's attributes and the start of its text.
 */
export function isFrameworkScript(attrs: string, body: string): boolean {
  const type = attr(attrs, "type");
  if (type && type !== "text/javascript" && type !== "module") return type === "application/json" || type === "application/ld+json";
  const b = body.trimStart();
  return /^\(?self\.__next_[fs]\b/.test(b) || /^\(globalThis\["TURBOPACK"\]/.test(b) || /^(?:\$R[A-Z]\b|\$R[A-Z]=|requestAnimationFrame\(function\(\)\{\$R)/.test(b);
}
