// What the anonymous page cache may answer, under which key, and how a rendered page becomes
// a copy that runs under a hash-based CSP (lib/page-cache/policy.ts, html.ts).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cacheableRequest, cacheKey, memberCacheKey } from "@/lib/page-cache/policy";
import { FIGURES_ONLY_MARKER, prepareForCache, STALE_MARKER } from "@/lib/page-cache/html";

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => {
  const url = new URL(path, "http://x");
  return cacheableRequest({ method, pathname: url.pathname, search: url.search, headers: new Headers(headers) });
};

describe("which requests the cache answers", () => {
  it("public pages, for a visitor without a session or (once checked) for one member; nothing else", () => {
    for (const p of ["/", "/applications", "/applications/abc123", "/stats?by=city", "/sources", "/sources/some-slug", "/incidents/x1", "/appeals"]) expect(get(p), p).toBe("anonymous");
    for (const p of ["/applications/new", "/incidents/new", "/applications/abc/edit", "/dashboard", "/signin", "/s/token", "/api/v1/stats", "/files/abc", "/settings"]) expect(get(p), p).toBeNull();
    // Never the anonymous copies for anyone holding a session cookie, even an expired one.
    expect(get("/applications", { cookie: "locale=ru; next-auth.session-token=x" })).toBe("session");
    expect(get("/applications", { cookie: "__Secure-next-auth.session-token.0=x" })).toBe("session");
    expect(get("/applications/new", { cookie: "next-auth.session-token=x" })).toBeNull();
    expect(get("/applications", { cookie: "locale=ru; next-auth.csrf-token=y" })).toBe("anonymous");
    expect(get("/applications", { rsc: "1" })).toBeNull();
    expect(get("/applications", { "next-router-prefetch": "1" })).toBeNull();
    expect(get("/applications", { accept: "application/json" })).toBeNull();
    expect(get("/applications", {}, "POST")).toBeNull();
  });

  it("keys on path, the query in any order, locale and day", () => {
    expect(cacheKey("/applications", "?b=2&a=1", "ru", "2026-12-01")).toBe(cacheKey("/applications", "?a=1&b=2", "ru", "2026-12-01"));
    expect(cacheKey("/applications", "", "ru", "2026-12-01")).not.toBe(cacheKey("/applications", "", "kk", "2026-12-01"));
    expect(cacheKey("/applications", "", "ru", "2026-12-01")).not.toBe(cacheKey("/applications", "", "ru", "2026-12-02"));
  });

  it("keeps a member's copy apart from the public one, from other members', and from their own before an account change", () => {
    const key = (user: string, digest: string) => memberCacheKey(user, digest, "/applications", "?a=1", "ru", "2026-12-01");
    const keys = new Set([cacheKey("/applications", "?a=1", "ru", "2026-12-01"), key("u1", "d1"), key("u2", "d1"), key("u1", "d2")]);
    expect(keys.size).toBe(4);
    expect(key("u1", "d1")).toBe(memberCacheKey("u1", "d1", "/applications", "a=1", "ru", "2026-12-01"));
  });
});

describe("a rendered page made cacheable", () => {
  const turbopack = `(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["/_next/static/chunks/a.js"]})`;
  const page = `<html><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/><script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js" async=""></script><script src="/_next/static/chunks/p.js" noModule=""></script><script id="_R_">${turbopack}</script></head><body><h1>&lt;script&gt;x&lt;/script&gt;</h1><script>self.__next_f.push([1,"\\u003cscript\\u003e"])</script></body></html>`;

  it("loads the sourced scripts from one hashed loader and hashes every inline script", () => {
    const r = prepareForCache(page)!;
    expect(r.html).not.toMatch(/<script[^>]*src=/);
    expect(r.html).not.toContain('rel="preload"');
    expect(r.html).toContain('["/_next/static/chunks/a.js","/_next/static/chunks/b.js"]');
    expect(r.html).not.toContain("p.js");
    const inline = [...r.html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`);
    expect(inline).toHaveLength(3);
    expect(r.scriptHashes.sort()).toEqual(inline.sort());
  });

  it("refuses a page with a nonce or an inline script the framework did not write, and marks one with figures a recompute old", () => {
    expect(prepareForCache(page.replace("<script>self", '<script nonce="abc">self'))).toBeNull();
    expect(prepareForCache(page.replace("</body>", "<script>alert(1)</script></body>"))).toBeNull();
    // Figures a recompute old: kept only until that recompute ends (lib/page-cache/store).
    expect(prepareForCache(page.replace("</body>", `<span hidden ${STALE_MARKER}=""></span></body>`))?.stale).toBe(true);
    expect(prepareForCache(page)?.stale).toBe(false);
    // A page of background figures only (the statistics) says so, for the cache to answer from its last copy after a write.
    expect(prepareForCache(page.replace("</body>", `<span hidden="" ${FIGURES_ONLY_MARKER}=""></span></body>`))?.figuresOnly).toBe(true);
    expect(prepareForCache(page)?.figuresOnly).toBe(false);
  });
});
