// The size- and count-bounded map behind the page cache and the server's compressed copies.
import { describe, expect, it } from "vitest";
import { BoundedLru } from "@/lib/bounded-lru";

describe("BoundedLru", () => {
  const lru = (maxBytes: number, maxEntries?: number) => new BoundedLru<string>({ maxBytes, maxEntries, sizeOf: (s) => s.length });

  it("drops the least recently used once there are more entries than allowed", () => {
    const m = lru(1000, 2);
    m.set("a", "1");
    m.set("b", "2");
    m.get("a");
    m.set("c", "3");
    expect([m.get("a"), m.get("b"), m.get("c")]).toEqual(["1", undefined, "3"]);
    expect(m.size).toEqual({ entries: 2, bytes: 2 });
  });

  it("counts a replaced value once, and forgets deleted and cleared ones", () => {
    const m = lru(10);
    m.set("a", "1234");
    m.set("a", "12345678");
    expect(m.size).toEqual({ entries: 1, bytes: 8 });
    m.set("b", "123"); // 11 bytes: "a" goes
    expect(m.get("a")).toBeUndefined();
    expect(m.size).toEqual({ entries: 1, bytes: 3 });
    m.delete("b");
    expect(m.size).toEqual({ entries: 0, bytes: 0 });
    m.set("c", "1");
    m.clear();
    expect(m.get("c")).toBeUndefined();
    expect(m.size).toEqual({ entries: 0, bytes: 0 });
  });
});
