// The page cache in front of the renderer, run by the proxy (proxy.ts). A visitor without a
// session asking for a public page gets the copy rendered at the current data version; on a
// miss the page is rendered once, without a nonce, through a loopback request that only this
// process can make (a random token per process), and kept with the SHA-256 of its inline
// scripts, which the response's CSP lists instead of a nonce.
//
// A signed-in member gets copies of their own: their session is checked first, exactly as every
// page checks it (actorForSessionToken: the token, its session row, the session version, a
// locked account), and a copy is kept per member, per account state, rendered with their own
// cookie — the page the renderer made for them — and served to nobody else. A write anywhere
// moves the data version, so their next request renders afresh, as a visitor's does.
import { createHash, randomBytes } from "node:crypto";
import { requestLocale } from "../api/i18n";
import type { Actor } from "../auth/access";
import { sessionCookie } from "../auth/cookies";
import { actorForSessionToken } from "../auth/session-token";
import { LOCALE_COOKIE, type Locale } from "../i18n/config";
import { securityHeaders } from "../security/headers";
import { prepareForCache } from "./html";
import { cacheableRequest, cacheKey, cookieNames, memberCacheKey } from "./policy";
import { PageCache, type CachedPage } from "./store";
import { currentDataVersion } from "./version";
import { RECOMPUTE_PACE_MS, recomputeGeneration } from "../recompute-generation";

/** Marks the loopback render: the proxy lets it through without a nonce. */
export const RENDER_HEADER = "x-tracker-page-render";
const token = randomBytes(24).toString("base64url");
const anonymousCache = new PageCache(Number(process.env.TRACKER_PAGE_CACHE_ENTRIES) || 500);
// Members' copies apart, so that members' many pages never push the public ones out.
const memberCache = new PageCache(Number(process.env.TRACKER_MEMBER_PAGE_CACHE_ENTRIES) || 300);

/** TRACKER_PAGE_CACHE=off renders every page per request; =anonymous keeps visitors' copies only. */
export function pageCacheEnabled(): boolean {
  return process.env.TRACKER_PAGE_CACHE !== "off";
}
function memberPageCacheEnabled(): boolean {
  return pageCacheEnabled() && process.env.TRACKER_PAGE_CACHE !== "anonymous";
}

/** A digest of everything the app knows of a member, once per account state (the account cache hands out one object until a write). */
const digests = new WeakMap<Actor, string>();
function accountDigest(actor: Actor): string {
  let d = digests.get(actor);
  if (!d) digests.set(actor, (d = createHash("sha256").update(JSON.stringify(actor)).digest("base64url").slice(0, 22)));
  return d;
}

export function isCacheRender(headers: Headers): boolean {
  return headers.get(RENDER_HEADER) === token;
}

/** Repeated from the render: what the browser needs to read the page. */
const KEPT_HEADERS = ["content-type", "content-language", "link"];

async function render(origin: string, path: string, cookie: string, version: string): Promise<{ page: Omit<CachedPage, "status"> | null; status: number }> {
  const res = await fetch(`${origin}${path}`, {
    // Uncompressed: the copy is read here, not sent on (a gzip made to be unmade at once).
    headers: { accept: "text/html", "accept-encoding": "identity", cookie, [RENDER_HEADER]: token },
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

/** Where a request's copy is kept and how it is rendered: for nobody, or for one member with their own cookie. */
async function copyFor(request: Request, url: URL, locale: Locale): Promise<{ cache: PageCache; key: string; cookie: string; version: string } | null> {
  const kind = cacheableRequest({ method: request.method, pathname: url.pathname, search: url.search, headers: request.headers });
  if (kind === "anonymous") {
    const version = await currentDataVersion("replica");
    return version ? { cache: anonymousCache, key: cacheKey(url.pathname, url.search, locale), cookie: `${LOCALE_COOKIE}=${locale}`, version } : null;
  }
  if (kind !== "session" || !memberPageCacheEnabled()) return null;
  // An ended, forged or expired session gets no copy: the renderer answers it as it always did.
  const name = sessionCookie().name;
  const raw = cookieNames(request.headers.get("cookie")).get(name);
  const actor = await actorForSessionToken(raw);
  if (!actor) return null;
  // Members read the primary (lib/db.ts readerFor): their copies follow its version.
  const version = await currentDataVersion("primary");
  if (!version) return null;
  return { cache: memberCache, key: memberCacheKey(actor.userId, accountDigest(actor), url.pathname, url.search, locale), cookie: `${LOCALE_COOKIE}=${locale}; ${name}=${raw}`, version };
}

/**
 * The response for a cacheable request, or null when the renderer should answer it as usual
 * (not cacheable, a session that is not current, the data version unreadable, or a page the
 * cache cannot vouch for).
 */
export async function answerFromCache(request: Request, ctx: CacheContext): Promise<Response | null> {
  if (!pageCacheEnabled()) return null;
  const url = new URL(request.url);
  const locale = requestLocale(request);
  const target = await copyFor(request, url, locale);
  if (!target) return null;
  const { cache, key, version } = target;
  // Read before the render starts: a recompute ending during the render makes its copy old at once.
  const generation = recomputeGeneration();
  const kept = cache.get(key, version, generation);
  // Rendered once for everyone asking at this version; a 404 (a private or unknown record) is
  // served the same way but never kept, and a page with figures a recompute old is kept until
  // that recompute ends.
  const fill = () =>
    cache.fill(key, version, async () => {
      // Whatever goes wrong here (the server shutting down), the renderer answers as usual.
      const out = await render(ctx.origin, `${url.pathname}${url.search}`, target.cookie, version).catch(() => ({ page: null, status: 0 }));
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
  return new Response(bodyOf(page.body), { status, headers });
}

/**
 * The kept bytes as a body, handed over as they are: `new Response(bytes)` copies the whole
 * page on every request (undici's extractBody), which was 6% of the server's time serving the
 * statistics page (246 KiB) at 50 clients, and as much again in garbage collection.
 */
function bodyOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** For tests: forget every cached page. */
export function clearPageCache(): void {
  anonymousCache.clear();
  memberCache.clear();
}
