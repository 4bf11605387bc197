// The compression in front of Next.js (lib/http/compressed-copies.ts, served by scripts/serve.ts):
// a real HTTP server and client, with a handler that answers as Next.js does (head first, then
// the body in chunks), and every body decoded again with zlib.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CopyStore, pickEncoding, withCompression, type Encoding } from "@/lib/http/compressed-copies";

describe("pickEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip;q=0.5", "gzip"],
    ["identity", null],
    ["", null],
    ["*", "br"],
    ["*, br;q=0", "gzip"],
    ["gzip;q=0, br;q=0", null],
    ["BR", "br"],
  ])("%j → %s", (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
  it("is null when the client says nothing", () => expect(pickEncoding(undefined)).toBeNull());
});

describe("CopyStore", () => {
  it("keeps copies up to its size, dropping the least recently used", () => {
    const store = new CopyStore(10);
    store.set("a", Buffer.alloc(4));
    store.set("b", Buffer.alloc(4));
    expect(store.get("a")?.length).toBe(4); // a is now the most recent
    store.set("c", Buffer.alloc(4));
    expect(store.get("b")).toBeUndefined();
    expect(store.get("a")).toBeDefined();
    expect(store.get("c")).toBeDefined();
    expect(store.size).toEqual({ entries: 2, bytes: 8 });
    store.set("huge", Buffer.alloc(11)); // larger than the store: never kept, nothing dropped for it
    expect(store.get("huge")).toBeUndefined();
    expect(store.size).toEqual({ entries: 2, bytes: 8 });
  });
});

type Answer = { status: number; headers: Record<string, string>; chunks: string[]; delayMs?: number };
const PAGE = `<!DOCTYPE html><html><body>${"<p>Заявление отклонено: в связи с проведением работ по благоустройству.</p>".repeat(200)}</body></html>`;

describe("withCompression", () => {
  const answers = new Map<string, Answer>();
  const events: string[] = [];
  let handled = 0;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const store = new CopyStore(1024 * 1024);
    // Answers as Next.js does: headers set, the head sent, then the body, chunk by chunk.
    const next = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      handled += 1;
      const a = answers.get(req.url!)!;
      res.statusCode = a.status;
      for (const [k, v] of Object.entries(a.headers)) res.setHeader(k, v);
      res.writeHead(a.status);
      for (const c of a.chunks) {
        if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
        res.write(c);
        (res as unknown as { flush?: () => void }).flush?.();
      }
      res.end();
    };
    server = http.createServer(withCompression(next, store, (event, key, enc) => events.push(`${event} ${enc} ${key}`)));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    events.length = 0;
    handled = 0;
  });

  function get(path: string, acceptEncoding: string | null, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method, headers: acceptEncoding === null ? {} : { "accept-encoding": acceptEncoding } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => {
          const raw = Buffer.concat(parts);
          const enc = res.headers["content-encoding"];
          const text = (enc === "br" ? zlib.brotliDecompressSync(raw) : enc === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8");
          resolve({ status: res.statusCode!, headers: res.headers, raw, text });
        });
      });
      req.on("error", reject);
      req.end();
    });
  }

  const cached = (etag: string, state = "hit"): Answer => ({
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", etag, "x-tracker-cache": state, vary: "Cookie, Accept-Language" },
    chunks: [PAGE.slice(0, 5000), PAGE.slice(5000)],
  });

  it("compresses a cached page once per encoding and sends that copy to everyone after", async () => {
    answers.set("/applications", cached('"v1"', "miss"));
    const first = await get("/applications", "gzip, deflate, br, zstd");
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("br");
    expect(first.text).toBe(PAGE);
    expect(Number(first.headers["content-length"])).toBe(first.raw.length);
    expect(first.raw.length).toBeLessThan(Buffer.byteLength(PAGE) / 10);
    expect(first.headers["vary"]).toBe("Cookie, Accept-Language, Accept-Encoding");
    expect(first.headers["etag"]).toBe('"v1"');

    answers.set("/applications", cached('"v1"'));
    const second = await get("/applications", "br");
    expect(second.raw.equals(first.raw)).toBe(true);
    const gz = await get("/applications", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.text).toBe(PAGE);
    const gz2 = await get("/applications", "gzip;q=1, br;q=0");
    expect(gz2.raw.equals(gz.raw)).toBe(true);
    expect(events).toEqual(['made br page "v1"', 'reused br page "v1"', 'made gzip page "v1"', 'reused gzip page "v1"']);
    // Next.js still answered each request (the data version is checked every time).
    expect(handled).toBe(4);
  });

  it("compresses once for visitors who arrive together", async () => {
    answers.set("/together", cached('"t"'));
    const all = await Promise.all(Array.from({ length: 6 }, () => get("/together", "br")));
    expect(all.every((r) => r.text === PAGE && r.headers["content-encoding"] === "br")).toBe(true);
    expect(events.filter((e) => e.startsWith("made"))).toEqual(['made br page "t"']);
    expect(events.filter((e) => e.startsWith("reused"))).toHaveLength(5);
  });

  it("follows the copy's ETag: a write makes a new copy at once", async () => {
    answers.set("/stats", cached('"before"'));
    expect((await get("/stats", "br")).text).toBe(PAGE);
    const changed = PAGE.replace("отклонено", "согласовано");
    answers.set("/stats", { ...cached('"after"'), chunks: [changed] });
    const after = await get("/stats", "br");
    expect(after.text).toBe(changed);
    expect(events).toEqual(['made br page "before"', 'made br page "after"']);
  });

  it("sends a client that asks for no encoding the page as it is", async () => {
    answers.set("/plain", cached('"p"'));
    const r = await get("/plain", null);
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.raw.toString("utf8")).toBe(PAGE);
    const id = await get("/plain", "identity");
    expect(id.headers["content-encoding"]).toBeUndefined();
    expect(events).toEqual([]);
  });

  it("compresses a member's page on the fly, streamed, and keeps nothing of it", async () => {
    answers.set("/dashboard", { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, chunks: [PAGE.slice(0, 3000), PAGE.slice(3000, 9000), PAGE.slice(9000)], delayMs: 20 });
    const r = await get("/dashboard", "gzip, deflate, br, zstd");
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers["transfer-encoding"]).toBe("chunked");
    expect(r.text).toBe(PAGE);
    // An ETag without the page cache's header is not a kept copy either.
    answers.set("/api/x", { status: 200, headers: { "content-type": "application/json", etag: '"e"' }, chunks: [JSON.stringify({ a: PAGE })] });
    expect(JSON.parse((await get("/api/x", "gzip")).text)).toEqual({ a: PAGE });
    expect(events).toEqual([]);
  });

  it("keeps built files by path, and leaves alone what is not text or not a 200", async () => {
    answers.set("/_next/static/chunks/app.js", { status: 200, headers: { "content-type": "application/javascript; charset=utf-8" }, chunks: [`console.log(${JSON.stringify(PAGE)});`] });
    expect((await get("/_next/static/chunks/app.js", "br")).text).toBe(`console.log(${JSON.stringify(PAGE)});`);
    await get("/_next/static/chunks/app.js", "br");
    answers.set("/photo.png", { status: 200, headers: { "content-type": "image/png" }, chunks: [PAGE] });
    const png = await get("/photo.png", "br");
    expect(png.headers["content-encoding"]).toBeUndefined();
    answers.set("/gone", { ...cached('"g"', "pass"), status: 404 });
    const gone = await get("/gone", "br");
    expect(gone.status).toBe(404);
    expect(gone.text).toBe(PAGE);
    answers.set("/same", { status: 304, headers: { etag: '"s"', "x-tracker-cache": "hit" }, chunks: [] });
    const same = await get("/same", "br");
    expect(same.status).toBe(304);
    expect(same.raw.length).toBe(0);
    expect(same.headers["content-encoding"]).toBeUndefined();
    expect(events).toEqual(["made br file /_next/static/chunks/app.js", "reused br file /_next/static/chunks/app.js"]);
  });

  it("answers HEAD without a body and keeps no copy for it", async () => {
    answers.set("/head", { ...cached('"h"'), chunks: [] });
    const r = await get("/head", "br", "HEAD");
    expect(r.status).toBe(200);
    expect(r.raw.length).toBe(0);
    expect(events).toEqual([]);
  });

  it.each(["br", "gzip"] as Encoding[])("decodes to the same bytes with %s for a page of any size", async (enc) => {
    const tiny = "<p>ok</p>";
    answers.set(`/tiny-${enc}`, { ...cached(`"t-${enc}"`), chunks: [tiny] });
    const r = await get(`/tiny-${enc}`, enc);
    expect(r.text).toBe(tiny);
  });
});
