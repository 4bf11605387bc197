// Two production servers on one PostgreSQL database behind a reverse proxy: Debian's nginx
// with the reference configuration (README, "Several app instances"), or, where nginx is not
// installed, a small round-robin proxy in Node that sets the same headers.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

/** The reference nginx configuration (the README shows the same `upstream` and `location`). */
export function nginxConfig(dir: string, listen: number, upstreams: number[]): string {
  return `daemon off;
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream tracker {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
  }
  server {
    listen 127.0.0.1:${listen};
    client_max_body_size 30m;
    location / {
      proxy_pass http://tracker;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_next_upstream off;
    }
  }
}
`;
}

export interface Proxy {
  kind: "nginx" | "node";
  stop(): Promise<void>;
}

function nginxBinary(): string | null {
  for (const p of ["/usr/sbin/nginx", "/usr/bin/nginx"]) if (fs.existsSync(p)) return p;
  return null;
}

export async function startProxy(listen: number, upstreams: number[]): Promise<Proxy> {
  const bin = nginxBinary();
  if (bin) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-nginx-"));
    fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, listen, upstreams));
    const test = spawnSync(bin, ["-t", "-p", dir, "-e", `${dir}/error.log`, "-c", `${dir}/nginx.conf`], { encoding: "utf8" });
    if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
    const proc = spawn(bin, ["-p", dir, "-e", `${dir}/error.log`, "-c", `${dir}/nginx.conf`], { stdio: "ignore" });
    await waitFor(`http://127.0.0.1:${listen}/api/health`);
    return {
      kind: "nginx",
      stop: async () => {
        proc.kill("SIGQUIT");
        await new Promise((r) => setTimeout(r, 300));
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  let next = 0;
  const server = http.createServer((req, res) => {
    const port = upstreams[next++ % upstreams.length];
    const headers = { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "", "x-forwarded-proto": "http", "x-forwarded-host": req.headers.host ?? "" };
    const up = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(listen, "127.0.0.1", resolve));
  return { kind: "node", stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * An S3-compatible store for the instances (s3rver, as tests/integration/storage-s3.test.ts
 * uses): two servers that may run on different machines cannot share ./data/files. Returns the
 * environment that points an instance at it.
 */
export async function startS3(): Promise<{ env: Record<string, string>; dir: string; stop(): Promise<void> }> {
  // @ts-expect-error s3rver ships no types
  const { default: S3rver } = await import("s3rver");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-instances-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "tracker-files" }] });
  const { port } = (await server.run()) as { port: number };
  return {
    env: { STORAGE_URL: `s3://tracker-files?endpoint=http://127.0.0.1:${port}&region=us-east-1&prefix=instances/`, AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" },
    dir,
    stop: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir` (s3rver keeps an object as a file named after its key). */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * The app's server (scripts/serve.ts, as `npm start` runs it) on the build the browser tests
 * already made (in NEXT_DIST_DIR, which playwright.config.ts sets and the child inherits),
 * against `env.DATABASE_URL`.
 */
export function startAppServer(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-H", "127.0.0.1", "-p", String(port)], { env: { ...process.env, ...env }, stdio: "ignore", detached: true });
}

export function stopAppServer(proc: ChildProcess): void {
  if (proc.pid && proc.exitCode === null) {
    try {
      process.kill(-proc.pid, "SIGTERM");
    } catch {
      // gone already
    }
  }
}

export function runScript(args: string[], env: Record<string, string>, input?: string): void {
  execFileSync("npx", ["tsx", ...args], { env: { ...process.env, ...env }, input, stdio: [input ? "pipe" : "ignore", "ignore", "inherit"] });
}
