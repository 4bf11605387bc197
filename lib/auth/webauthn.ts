import "server-only";
// Who we are to a passkey: the relying party's id (a domain, never an IP) and the origin the
// browser must report. From NEXTAUTH_URL (or APP_URL) when set, as the session cookies are;
// otherwise — or when that names the server by an IP address, which browsers refuse as a
// passkey's domain — from the request's own host (e.g. http://localhost:3000 on a local run).
// The browser computes the origin itself, so a look-alike site cannot use our passkeys
// whatever Host it forwards.
import net from "node:net";
import { headers } from "next/headers";
import { env } from "../env";

export interface RelyingParty {
  rpID: string;
  origin: string;
  rpName: string;
}

const RP_NAME = "Permit tracker";

function fromUrl(url: string): RelyingParty {
  const u = new URL(url);
  return { rpID: u.hostname, origin: u.origin, rpName: RP_NAME };
}

export async function relyingParty(): Promise<RelyingParty> {
  const configured = (process.env.NEXTAUTH_URL || process.env.APP_URL || "").trim();
  if (configured && !net.isIP(new URL(configured).hostname.replace(/^\[|\]$/g, ""))) return fromUrl(configured);
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host");
  if (!host) return fromUrl(configured || env.appUrl);
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return fromUrl(`${proto === "https" ? "https" : "http"}://${host}`);
}
