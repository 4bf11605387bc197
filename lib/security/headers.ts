// The security headers every response carries, built in one pure function so that the
// proxy applies them and a test can pin them. No Next.js imports: runs in the proxy.

export interface HeaderContext {
  /** An attached document (/files/<id>, /s/<token>/files/<id>): someone's scan, never a page of ours. */
  file?: boolean;
  /** A shared case file (/s/…): its own, stricter policy. */
  share?: boolean;
  /** Fresh per request; allows Next.js's own inline scripts (it reads it from the CSP). */
  nonce?: string;
  /**
   * A page served from the anonymous page cache (lib/page-cache): its inline scripts are
   * allowed by their hashes instead of a nonce, which cached HTML cannot carry.
   */
  scriptHashes?: readonly string[];
  /** Served over HTTPS (directly or behind a TLS-terminating proxy). */
  https: boolean;
  /** `next dev`: React needs eval for its debugging stacks, and HMR a websocket. */
  development: boolean;
  /** JSON/CSV/PDF endpoints: no scripts at all. */
  api: boolean;
}

/**
 * Pages: scripts only with this request's nonce ('strict-dynamic' lets those load the
 * chunks they need). Styles allow inline because React and the charts write style
 * attributes, which nonces cannot cover; style injection cannot run code. Nothing may
 * frame the app (clickjacking of a signed-in organizer's session).
 */
export function contentSecurityPolicy(ctx: HeaderContext): string {
  if (ctx.file) return FILE_CSP;
  if (ctx.share) return SHARE_CSP;
  if (ctx.api) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${ctx.scriptHashes ? ctx.scriptHashes.join(" ") : `'nonce-${ctx.nonce}'`} 'strict-dynamic'${ctx.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${ctx.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  // Only over HTTPS: on plain-HTTP localhost it would turn every asset request into a failing https one.
  if (ctx.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(ctx: HeaderContext): Record<string, string> {
  const h: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(ctx),
    // Share links carry their token in the URL: never hand it to a site a case page links to.
    // Pages send it to their own origin only ("same-origin"): with "no-referrer" a browser
    // posts a plain HTML form with `Origin: null`, which Next.js refuses as a cross-site server
    // action, so no form would work before JavaScript loads. A shared case file keeps
    // "no-referrer" (its route, and the proxy for /s/).
    "Referrer-Policy": ctx.share ? "no-referrer" : "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-DNS-Prefetch-Control": "off",
  };
  if (ctx.https) h["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return h;
}

/** 128 random bits, base64: unguessable, and valid in a CSP nonce-source. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Behind a reverse proxy the TLS hop is reported in X-Forwarded-Proto. */
export function isHttps(url: string, forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return first ? first === "https" : url.startsWith("https:");
}

/**
 * A shared case file (/s/<token>, its PDF and passcode form) is a self-contained document:
 * no scripts, no requests anywhere. Its route sends this policy and the proxy sends the same,
 * so the strictest policy is the one the browser gets whichever header wins.
 */
export const SHARE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** What an attached document is served under: sandboxed, nothing loaded, nothing run. */
export const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

export function isFilePath(pathname: string): boolean {
  return /^\/files\/[^/]+(\/thumb)?$/.test(pathname) || /^\/s\/[^/]+\/files\/[^/]+$/.test(pathname);
}

export function isSharePath(pathname: string): boolean {
  return pathname === "/s" || pathname.startsWith("/s/");
}

/**
 * The largest request body any form or endpoint takes (a form is at most a few hundred
 * kilobytes; server actions are held to the same in next.config.js). Larger ones answer
 * 413 before anything reads them.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A declared body above the limit (a body without Content-Length meets Next.js's own limit). */
export function bodyTooLarge(method: string, contentLength: string | null, limit = MAX_BODY_BYTES): boolean {
  if (method === "GET" || method === "HEAD" || !contentLength) return false;
  const n = Number(contentLength);
  return !Number.isFinite(n) || n > limit;
}

/** Paths whose responses are data, not pages. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}
