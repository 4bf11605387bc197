// Where sign-in may send the browser: a path on this site, however the callback is dressed up.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/redirect";

const ORIGIN = "https://tracker.example.org";

describe("safeCallbackPath", () => {
  it.each([
    "/\\evil.example/",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "https://evil.example",
    "https://evil.example/dashboard",
    "http://tracker.example.org/dashboard", // another scheme is another origin
    "https://tracker.example.org.evil.example/",
    "https://tracker.example.org@evil.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/dashboard");
    expect(safeCallbackPath(raw)).toBe("/dashboard");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/dashboard");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/dashboard");
  });

  it.each([
    ["/applications", "/applications"],
    ["/applications/abc?tab=appeals#hearing-2", "/applications/abc?tab=appeals#hearing-2"],
    ["/invite/abcdefghijklmnopqrstuvwxyz", "/invite/abcdefghijklmnopqrstuvwxyz"],
    ["stats", "/stats"],
    ["/a/../settings", "/settings"],
  ])("keeps the same-site path %j", (raw, path) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(path);
  });

  it("keeps an absolute URL on the same origin, as a path", () => {
    expect(safeCallbackPath("https://tracker.example.org/stats?year=2024", ORIGIN)).toBe("/stats?year=2024");
  });

  it("uses the fallback it is given", () => {
    expect(safeCallbackPath("//evil.example", ORIGIN, "/")).toBe("/");
  });
});
