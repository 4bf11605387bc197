// The anonymous page cache in front of the renderer, run by the proxy (proxy.ts). A visitor
// without a session asking for a public page gets the copy rendered at the current data
// version; on a miss the page is rendered once, without a nonce, through a loopback request
// that only this process can make (a random token per process), and kept with the SHA-256 of
// its inline scripts, which the response's CSP lists instead of a nonce.
import { createHash, randomBytes } from "node:crypto";
import { requestLocale } from "../api/i18n";
import { LOCALE_COOKIE, type Locale } from "../i18n/config";
import { securityHeaders } from "../security/headers";
import { prepareForCache } from "./html";
import { cacheKey, isCacheableRequest } from "./policy";
import { PageCache, type CachedPage } from "./store";
import { currentDataVersion } from "./version";
import { RECOMPUTE_PACE_MS, recomputeGeneration } from "../recompute-generation";

/** Marks the loopback render: the proxy lets it through without a nonce. */
export const RENDER_HEADER = "x-tracker-page-render";
const token = randomBytes(24).toString("base64url");
const cache = new PageCache(Number(process.env.TRACKER_PAGE_CACHE_ENTRIES) || 500);

/** TRACKER_PAGE_CACHE=off renders every page per request, as for members. */
export function pageCacheEnabled(): boolean {
  return process.env.TRACKER_PAGE_CACHE !== "off";
}

export function isCacheRender(headers: Headers): boolean {
  return headers.get(RENDER_HEADER) === token;
}

/** Repeated from the render: what the browser needs to read the page. */
const KEPT_HEADERS = ["content-type", "content-language", "link"];

async function render(origin: string, path: string, locale: Locale, version: string): Promise<{ page: Omit<CachedPage, "status"> | null; status: number }> {
  const res = await fetch(`${origin}${path}`, {
    // Uncompressed: the copy is read here, not sent on (a gzip made to be unmade at once).
    headers: { accept: "text/html", "accept-encoding": "identity", cookie: `${LOCALE_COOKIE}=${locale}`, [RENDER_HEADER]: token },
    redirect: "manual",
    cache: "no-store",
  });
  const html = await res.text();
  // Only a plain page: no redirect, no cookie set for this visitor, HTML.
  if ((res.status !== 200 && res.status !== 404) || res.headers.has("set-cookie") || !(res.headers.get("content-type") ?? "").includes("text/html")) return { page: null, status: res.status };
  const prepared = prepareForCache(html);
  if (!prepared) return { page: null, status: res.status };
  const headers = KEPT_HEADERS.flatMap((h) => (res.headers.has(h) ? [[h, res.headers.get(h)!] as [string, string]] : []));
  const etag = `"${createHash("sha256").update(version).update(prepared.html).digest("base64url").slice(0, 27)}"`;
  return { page: { ...prepared, version, headers, etag }, status: res.status };
}

export interface CacheContext {
  origin: string;
  https: boolean;
}

/**
 * The response for a cacheable request, or null when the renderer should answer it as usual
 * (not cacheable, a member, the data version unreadable, or a page the cache cannot vouch for).
 */
export async function answerFromCache(request: Request, ctx: CacheContext): Promise<Response | null> {
  if (!pageCacheEnabled()) return null;
  const url = new URL(request.url);
  if (!isCacheableRequest({ method: request.method, pathname: url.pathname, search: url.search, headers: request.headers })) return null;
  const version = await currentDataVersion();
  if (!version) return null;
  const locale = requestLocale(request);
  const key = cacheKey(url.pathname, url.search, locale);
  // Read before the render starts: a recompute ending during the render makes its copy old at once.
  const generation = recomputeGeneration();
  const kept = cache.get(key, version, generation);
  // Rendered once for everyone asking at this version; a 404 (a private or unknown record) is
  // served the same way but never kept, and a page with figures a recompute old is kept until
  // that recompute ends.
  const fill = () =>
    cache.fill(key, version, async () => {
      // Whatever goes wrong here (the server shutting down), the renderer answers as usual.
      const out = await render(ctx.origin, `${url.pathname}${url.search}`, locale, version).catch(() => ({ page: null, status: 0 }));
      return out.page ? { ...out.page, status: out.status, generation: out.page.stale ? generation : undefined, renderedGeneration: generation, renderedAt: Date.now() } : null;
    });
  let page: CachedPage;
  let state = "hit";
  let status = 200;
  if (kept?.current) page = kept.page;
  else if (kept) {
    // Background figures only (the statistics): a render now would show the same figures, one
    // recompute old, so the last copy answers while the next is rendered for the visitors after.
    page = kept.page;
    state = "refresh";
    // Rendered again at once when a recompute has ended since (new figures to show); else, with
    // only writes since, at most once per RECOMPUTE_PACE_MS: such a render shows the same figures
    // (and starts their recompute), and with a write a second it would run every second.
    const due = !page.refreshing && (page.renderedGeneration !== generation || Date.now() - (page.renderedAt ?? 0) >= RECOMPUTE_PACE_MS);
    if (due) {
      const old = page;
      old.refreshing = true;
      // A copy whose next render failed is not served again: the visitor after gets the renderer.
      void fill()
        .then(
          (r) => (r?.status === 200 ? undefined : cache.drop(key)),
          () => cache.drop(key),
        )
        .finally(() => (old.refreshing = false));
    }
  } else {
    state = "miss";
    const r = await fill();
    if (!r) return null;
    page = r;
    status = r.status;
    if (status !== 200) state = "pass";
  }
  const scheme = ctx.https ? "https" : "http";
  const answerHeaders = (page.answerHeaders ??= {});
  const base = (answerHeaders[scheme] ??= [
    ...page.headers,
    ...Object.entries(securityHeaders({ scriptHashes: page.scriptHashes, https: ctx.https, development: false, api: false })),
    // The browser may keep it but asks every time; a shared cache must not (a member's request
    // for the same address gets another page).
    ["cache-control", "private, no-cache"],
    ["vary", "Cookie, Accept-Language"],
  ]);
  const headers = new Headers(base);
  headers.set("x-tracker-cache", state);
  if (status === 200) {
    headers.set("etag", page.etag);
    const inm = request.headers.get("if-none-match");
    if (inm && inm.split(",").some((t) => t.trim() === page.etag)) return new Response(null, { status: 304, headers });
  }
  page.body ??= new TextEncoder().encode(page.html);
  return new Response(page.body as BodyInit, { status, headers });
}

/** For tests: forget every cached page. */
export function clearPageCache(): void {
  cache.clear();
}
