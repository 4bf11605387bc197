import type BetterSqlite3 from "better-sqlite3";
export function registerUnicodeLike(conn: BetterSqlite3.Database): void;
export function likeMatch(pattern: unknown, value: unknown, escape: unknown): number | null;
