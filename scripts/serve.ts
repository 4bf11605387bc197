// The production server: `next start`'s job, with the compression in front of Next.js
// (lib/http/compressed-copies.ts) so that a page the anonymous page cache holds is compressed
// once per copy instead of once per visitor. `npm start`, the browser tests, the two-instance
// test and `npm run bench` all serve through it. Usage: npm run serve -- [-H host] [-p port]
// (defaults: every interface, $PORT or 3000). Like `next start`, on SIGTERM/SIGINT it stops
// accepting connections, lets the requests in flight finish, closes Next.js and exits 143/130
// (lib/jobs/shutdown.ts holds that exit until the in-process worker has stopped).
import http from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { CopyStore, withCompression } from "@/lib/http/compressed-copies";

function arg(short: string, long: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? argv[i + 1] : undefined;
}

const hostname = arg("-H", "--hostname");
const port = Number(arg("-p", "--port") ?? process.env.PORT ?? 3000);
const dir = process.cwd();
// What `next start` sets: the page cache renders a page for itself through this origin, and
// the port is read by whatever asks the server where it listens.
const origin = `http://${!hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
process.env.PORT = String(port);
// next.config.js: Next.js's own compression off, this server's on.
process.env.TRACKER_FRONT_COMPRESSION = "1";
process.env.__NEXT_PRIVATE_ORIGIN = origin;

const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
// Compressed copies of cached pages and built files: the default 64 MiB holds the statistics
// page (27 KB in brotli at 100k applications) in every language and filter many times over.
const store = new CopyStore(env.compressedCopiesBytes);
const onCopy = env.logCompressedCopies ? (event: string, key: string, enc: string) => console.log(`copy ${event} ${enc} ${key}`) : undefined;

await app.prepare();
const server = http.createServer(withCompression((req, res) => handle(req, res), store, onCopy));
await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  if (hostname) server.listen(port, hostname, resolve);
  else server.listen(port, resolve);
});
console.log(`▲ Next.js (compression in front: lib/http/compressed-copies.ts) ready on ${origin}`);

let closing = false;
// NEXT_MANUAL_SIG_HANDLE: the operator handles the signals, as with `next start`.
for (const [signal, code] of process.env.NEXT_MANUAL_SIG_HANDLE ? [] : ([["SIGTERM", 143], ["SIGINT", 130]] as const)) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Keep-alive connections would hold server.close open: idle ones are closed now, busy ones
    // once their response is sent.
    server.close(() => {
      void app.close().finally(() => process.exit(code));
    });
    server.closeIdleConnections();
  });
}
