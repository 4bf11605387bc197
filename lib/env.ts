// Typed configuration, read in one place.
import { databaseUrl } from "./db-url";

export const env = {
  get databaseUrl() {
    return databaseUrl();
  },
  get authSecret(): string {
    const s = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
    if (!s) throw new Error("NEXTAUTH_SECRET is not set: run `npm run setup` (it generates one in .env.local)");
    return s;
  },
  get isProduction() {
    return process.env.NODE_ENV === "production";
  },
  /** Emails of the server's operators, who alone edit the shared legal reference data when set. */
  get operatorEmails(): string[] {
    return (process.env.TRACKER_OPERATORS ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
  },
  /** Secret mixed into hashes of client addresses (share-link access log). */
  get hashPepper(): string {
    return process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || "tracker";
  },
};
