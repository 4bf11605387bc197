// SQLite's LIKE folds case for ASCII only, so a search for "алматы" would miss "Алматы".
// Prisma's contains/startsWith/endsWith compile to LIKE; replacing the LIKE function on each
// connection makes them case-insensitive for every script, as PostgreSQL's ILIKE is. Plain
// JavaScript (not TypeScript) because the off-thread reader's worker (./reader-worker.mjs)
// loads it as it is, outside the bundler, and registers it on its own connection.

const patterns = new Map();

/** Registers the Unicode LIKE (backslash escapes by default, as in PostgreSQL) on a better-sqlite3 connection. */
export function registerUnicodeLike(conn) {
  conn.function("like", { deterministic: true }, (pattern, value) => likeMatch(pattern, value, "\\"));
  conn.function("like", { deterministic: true }, (pattern, value, escape) => likeMatch(pattern, value, escape));
}

export function likeMatch(pattern, value, escape) {
  if (pattern === null || value === null || pattern === undefined || value === undefined) return null;
  const p = String(pattern);
  const esc = typeof escape === "string" && escape.length === 1 ? escape : null;
  const key = `${esc ?? ""}\u0000${p}`;
  let re = patterns.get(key);
  if (!re) {
    let src = "";
    for (let i = 0; i < p.length; i++) {
      const c = p[i];
      if (esc !== null && c === esc && i + 1 < p.length) src += escapeRegExp(p[++i]);
      else if (c === "%") src += "[\\s\\S]*";
      else if (c === "_") src += "[\\s\\S]";
      else src += escapeRegExp(c);
    }
    re = new RegExp(`^${src}$`, "iu");
    if (patterns.size > 500) patterns.clear();
    patterns.set(key, re);
  }
  return re.test(String(value)) ? 1 : 0;
}

function escapeRegExp(c) {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
