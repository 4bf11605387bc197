// The service worker (built into /sw.js by app/sw.js/route.ts with esbuild; Serwist does the
// routing and caching). What it keeps, all of it only in this browser:
// - the app's own scripts and styles (/_next/static: content-hashed, public);
// - pages this browser has opened (HTML only, status 200), to read them again offline — a
//   member's pages too, on their own device, which is their choice; sign-out deletes every
//   cache and draft (lib/offline/drafts.ts forgetThisDevice).
// Never kept: /api, attached files (/files), share links (/s/…), sign-in, password reset,
// invitations, account and settings pages, anything that is not an HTML page (PDFs, CSV,
// calendars), and any response marked `Cache-Control: no-store` by us rather than by Next.js
// (see KEEP_OUT below). Nothing here is a shared cache: no other browser or user sees it.
import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate, type SerwistPlugin } from "serwist";

const PAGES = "tracker-pages";
const STATIC = "tracker-static";

/** Paths never cached: data, secrets in the URL, one-time pages, account pages. */
const NEVER = /^\/(?:api|files|s|signin|password-reset|invite|account|settings|sw\.js|bench)(?:\/|$)/;

export function keepable(url: URL, origin: string): boolean {
  return url.origin === origin && !NEVER.test(url.pathname) && !url.searchParams.has("_rsc");
}

/**
 * Next.js marks every dynamically rendered page `private, no-store` by default, so that header
 * cannot be the rule here (nothing would be kept). A route that must never be kept offline says
 * so with `X-Offline: never`.
 */
const htmlOnly: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => {
    if (response.status !== 200 || response.headers.get("x-offline") === "never") return null;
    return (response.headers.get("content-type") ?? "").startsWith("text/html") ? response : null;
  },
};

const pages = new NetworkFirst({
  cacheName: PAGES,
  // A connection too slow to answer in 10 s gets the kept copy (marked as one, see fromCache).
  networkTimeoutSeconds: 10,
  // Next.js varies its pages on its router headers, which a page load never sends.
  matchOptions: { ignoreVary: true },
  plugins: [htmlOnly, new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 })],
});

const OFFLINE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<p lang="en">You are offline, and this page was not opened on this device before.</p>
<p lang="ru">Нет соединения, а эта страница ещё не открывалась на этом устройстве.</p>
<p lang="kk">Байланыс жоқ, ал бұл бет осы құрылғыда бұрын ашылмаған.</p>
<p><a href="/">⌂</a></p></body></html>`;

const sw = self as unknown as {
  location: Location;
  addEventListener(type: "message", listener: (event: { data: unknown; source?: { id?: string; postMessage(m: unknown): void } | null; waitUntil?: (p: Promise<unknown>) => void }) => void): void;
};

/** The pages (their window clients) answered from the cache: each asks once it has loaded, to say so. */
const fromCache = new Set<string>();

/** The response came from the cache, not the network: NetworkFirst keeps no flag, the Date header is older than the request. */
function servedFromCache(response: Response, started: number): boolean {
  const date = Date.parse(response.headers.get("date") ?? "");
  return Number.isFinite(date) && date < started - 2000;
}

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    { matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"), handler: new CacheFirst({ cacheName: STATIC, plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 300 })] }) },
    { matcher: ({ url, sameOrigin }) => sameOrigin && /^\/(?:favicon\.ico|icon\.svg|manifest\.webmanifest)$/.test(url.pathname), handler: new StaleWhileRevalidate({ cacheName: STATIC }) },
    {
      matcher: ({ request, url }) => request.mode === "navigate" && keepable(url, sw.location.origin),
      handler: {
        handle: async (options) => {
          const started = Date.now();
          const client = (options.event as { resultingClientId?: string } | undefined)?.resultingClientId;
          try {
            const response = await pages.handle(options);
            if (client && servedFromCache(response, started)) fromCache.add(client);
            return response;
          } catch {
            return new Response(OFFLINE_PAGE, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
          }
        },
      },
    },
    { matcher: () => true, handler: new NetworkOnly() },
  ],
});

// A page opened by a link inside the app comes as React data, not HTML: the page asks for its
// HTML to be kept too, at most once a minute per address.
const lastKept = new Map<string, number>();
/** Bumped at sign-out: a page still being fetched for an earlier "keep-page" is not stored after it. */
let generation = 0;
sw.addEventListener("message", (event) => {
  const data = event.data as { type?: string; url?: string } | null;
  if (data?.type === "was-cached" && event.source?.id) {
    event.source.postMessage({ type: "cached-copy", value: fromCache.delete(event.source.id) });
    return;
  }
  if (data?.type === "forget") {
    generation++;
    lastKept.clear();
    event.waitUntil?.(caches.delete(PAGES));
    return;
  }
  if (data?.type !== "keep-page" || typeof data.url !== "string") return;
  const url = new URL(data.url, sw.location.origin);
  if (!keepable(url, sw.location.origin)) return;
  url.hash = "";
  const now = Date.now();
  if ((lastKept.get(url.href) ?? 0) > now - 60_000) return;
  lastKept.set(url.href, now);
  const started = generation;
  const work = (async () => {
    const response = await fetch(url.href, { credentials: "same-origin", headers: { accept: "text/html" } });
    const kept = await htmlOnly.cacheWillUpdate!({ response, request: new Request(url.href), event: undefined as never, state: undefined });
    if (kept && started === generation) await (await caches.open(PAGES)).put(url.href, kept);
  })().catch(() => undefined);
  event.waitUntil?.(work);
});

serwist.addEventListeners();
