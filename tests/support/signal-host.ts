// A stand-in for the `next start` process around instrumentation.ts, for
// tests/integration/shutdown.test.ts: on SIGTERM it does what Next 16's start-server does
// (next/dist/server/lib/start-server.js): closes its HTTP server, which lets requests in flight
// finish, and then calls process.exit(143). The app's register() runs in it as Next runs it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { register } from "../../instrumentation";

const server = http.createServer((req, res) => {
  // A slow page: answers after a moment, so a SIGTERM can arrive while it is in flight.
  setTimeout(() => res.end(`answered ${req.url}`), Number(process.env.SLOW_MS) || 1500);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
process.on("SIGTERM", () => {
  console.log("host: SIGTERM, closing the server");
  server.close(() => {
    console.log("host: server closed, exiting 143");
    process.exit(143);
  });
});
process.env.NEXT_RUNTIME = "nodejs";
await register();
console.log(`host: listening on ${(server.address() as AddressInfo).port}`);
