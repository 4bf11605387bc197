import "server-only";
import { createPrismaClient, type Db } from "./db-client";

// One client per server process (and per hot reload in development).
const globalForDb = globalThis as unknown as { __trackerDb?: Db };

export const db: Db = globalForDb.__trackerDb ?? createPrismaClient();
if (process.env.NODE_ENV === "development") globalForDb.__trackerDb = db;
export type { Db, Tx } from "./db-client";
