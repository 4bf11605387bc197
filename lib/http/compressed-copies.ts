// Compression for the whole app, in front of Next.js (scripts/serve.ts), so that a page the
// anonymous page cache (lib/page-cache) answers is compressed once per copy, not once per
// visitor. Next.js's own compression gzips every response as it is sent, cached copies too,
// and cannot be handed a compressed copy: it drops a Content-Encoding that the proxy or a route
// sets. So next.config.js turns it off (`compress: false`) and this layer does it instead:
// - a cached copy (a 200 with `x-tracker-cache` and an ETag, which names the copy and its data
//   version) is compressed once per encoding, kept by ETag, and sent as it is to everyone after;
// - the built files under /_next/static/ (immutable, named by their hash) likewise, by path;
// - everything else (members' pages, streamed as they render) is compressed on the fly by the
//   `compression` middleware (brotli at quality 4 or gzip), as Next.js did.
// Brotli when the browser takes it (smaller pages on a phone's connection), else gzip.
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import compression from "compression";
import { BoundedLru } from "../bounded-lru";
import { qualityList } from "../domain/quality-list";

export type Encoding = "br" | "gzip";

/**
 * The encoding to send for an Accept-Encoding header: brotli if accepted, else gzip, else none.
 * A coding listed with q=0 is refused; `*` accepts what is not listed.
 */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  const q = new Map(qualityList(header).map((r) => [r.value, r.q]));
  const accepts = (coding: Encoding) => (q.has(coding) ? q.get(coding)! > 0 : (q.get("*") ?? 0) > 0);
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return null;
}

/**
 * Off the event loop (zlib's thread pool). The levels, measured on the statistics page at 100k
 * applications (246 KiB): brotli 5 takes 5.7 ms for 27.0 KB, 9 takes 29 ms for 25.9 KB and 11
 * takes 490 ms for 22.8 KB; gzip 6 takes 4.4 ms for 34.0 KB. A copy is made again after every
 * write, so the cheap levels win.
 */
export function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (e: Error | null, out: Buffer) => (e ? reject(e) : resolve(out));
    if (encoding === "br") zlib.brotliCompress(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }, done);
    else zlib.gzip(body, { level: 6 }, done);
  });
}

/** Compressed copies by key, least recently used dropped first once they pass `maxBytes`. */
export class CopyStore extends BoundedLru<Buffer> {
  constructor(maxBytes: number) {
    super({ maxBytes, sizeOf: (b) => b.length });
  }
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg\+xml)/i;

/**
 * The key a response is kept under once compressed, or null for a response compressed on the fly:
 * a 200 copy of the page cache (by ETag), or a built file (by path), of a compressible type,
 * not encoded already.
 */
export function copyKey(req: IncomingMessage, res: ServerResponse): string | null {
  if (req.method !== "GET" || res.statusCode !== 200) return null;
  if (res.getHeader("content-encoding")) return null;
  if (!COMPRESSIBLE.test(String(res.getHeader("content-type") ?? ""))) return null;
  const etag = res.getHeader("etag");
  if (res.getHeader("x-tracker-cache") && typeof etag === "string" && etag) return `page ${etag}`;
  const path = (req.url ?? "").split("?")[0]!;
  if (path.startsWith("/_next/static/")) return `file ${path}`;
  return null;
}

function appendVary(res: ServerResponse, value: string): void {
  const vary = String(res.getHeader("vary") ?? "");
  if (!vary.split(",").some((v) => v.trim().toLowerCase() === value.toLowerCase())) res.setHeader("vary", vary ? `${vary}, ${value}` : value);
}

/** Headers given to writeHead (an object, or a flat or paired array), set as setHeader would. */
function setHeaders(res: ServerResponse, headers: unknown): void {
  if (!headers) return;
  if (Array.isArray(headers)) {
    const pairs: [string, unknown][] = Array.isArray(headers[0])
      ? (headers as [string, unknown][])
      : Array.from({ length: headers.length / 2 }, (_, i) => [String(headers[2 * i]), headers[2 * i + 1]] as [string, unknown]);
    for (const [k, v] of pairs) res.appendHeader(k, v as string);
  } else for (const [k, v] of Object.entries(headers as Record<string, unknown>)) if (v !== undefined) res.setHeader(k, v as string);
}

type Write = (chunk: unknown, encoding?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void) => boolean;
type End = (chunk?: unknown, encoding?: BufferEncoding | (() => void), cb?: () => void) => ServerResponse;

function toBuffer(chunk: unknown, encoding?: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

/**
 * Wraps a request handler (Next.js's) so that every response is compressed as the browser
 * accepts: kept copies from `store`, the rest on the fly. `onCopy` hears whether a kept copy
 * was reused ("reused") or made now ("made"), for the tests and the bench.
 */
export function withCompression(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  store: CopyStore,
  onCopy?: (event: "reused" | "made", key: string, encoding: Encoding) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  const onTheFly = compression({ threshold: 1024 });
  // Visitors arriving while a copy is being compressed wait for that one compression.
  const pending = new Map<string, Promise<Buffer>>();
  const copyFor = (storeKey: string, body: () => Buffer, encoding: Encoding): { made: boolean; copy: Buffer | Promise<Buffer> } => {
    const kept = store.get(storeKey);
    if (kept) return { made: false, copy: kept };
    const inFlight = pending.get(storeKey);
    if (inFlight) return { made: false, copy: inFlight };
    const making = compress(body(), encoding)
      .then((out) => {
        store.set(storeKey, out);
        return out;
      })
      .finally(() => pending.delete(storeKey));
    pending.set(storeKey, making);
    return { made: true, copy: making };
  };
  return (req, res) => {
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    if (!encoding) {
      void handle(req, res);
      return;
    }
    void onTheFly(req as never, res as never, () => {
      // `compression` has wrapped write/end; the copy path sits in front of it and, when it
      // takes a response, hands it on already encoded (which `compression` then passes through).
      const write = res.write.bind(res) as Write;
      const end = res.end.bind(res) as End;
      let decided: string | null | undefined;
      const chunks: Buffer[] = [];
      const decide = () => {
        if (decided === undefined) decided = copyKey(req, res);
        return decided;
      };
      // Next.js sends the head before the body: in the copy path it waits for the body.
      const writeHead = res.writeHead.bind(res) as (status: number, reason?: string) => ServerResponse;
      let reason: string | undefined;
      res.writeHead = ((status: number, ...rest: unknown[]) => {
        res.statusCode = status;
        if (typeof rest[0] === "string") reason = rest.shift() as string;
        setHeaders(res, rest[0]);
        if (!decide()) return writeHead(status, reason);
        return res;
      }) as typeof res.writeHead;
      const flushHeaders = res.flushHeaders.bind(res);
      res.flushHeaders = () => {
        if (!decide()) flushHeaders();
      };
      res.write = ((chunk: unknown, enc?: unknown, cb?: unknown) => {
        if (!decide()) return write(chunk, enc as never, cb as never);
        const b = toBuffer(chunk, enc);
        if (b) chunks.push(b);
        const callback = typeof enc === "function" ? enc : cb;
        if (typeof callback === "function") process.nextTick(callback as () => void);
        return true;
      }) as typeof res.write;
      res.end = ((chunk?: unknown, enc?: unknown, cb?: unknown) => {
        const key = decide();
        if (!key) return end(chunk, enc as never, cb as never);
        const b = toBuffer(chunk, enc);
        if (b) chunks.push(b);
        const callback = typeof chunk === "function" ? chunk : typeof enc === "function" ? enc : cb;
        const plain = () => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        const { made, copy } = copyFor(`${key} ${encoding}`, plain, encoding);
        onCopy?.(made ? "made" : "reused", key, encoding);
        const send = (body: Buffer, as: Encoding | null) => {
          if (as) {
            res.setHeader("content-encoding", as);
            appendVary(res, "Accept-Encoding");
          }
          res.setHeader("content-length", body.length);
          writeHead(res.statusCode, reason);
          end(body, callback as never);
        };
        if (Buffer.isBuffer(copy)) send(copy, encoding);
        // Should compressing fail, the page goes out as it is.
        else copy.then((body) => send(body, encoding), () => send(plain(), null));
        return res;
      }) as typeof res.end;
      void handle(req, res);
    });
  };
}
