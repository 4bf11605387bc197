import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { negotiateLocale } from "@/lib/i18n/negotiate";

describe("negotiateLocale: a first visit's language from Accept-Language", () => {
  it("Kazakhstani browsers: kk-KZ gets Kazakh, ru-KZ gets Russian", () => {
    expect(negotiateLocale("kk-KZ,kk;q=0.9,ru;q=0.8,en;q=0.7", "en")).toBe("kk");
    expect(negotiateLocale("ru-KZ,ru;q=0.9,en-US;q=0.8,en;q=0.7", "en")).toBe("ru");
    expect(negotiateLocale("KK", "en")).toBe("kk");
  });

  it("honours q-values, not the order sent", () => {
    expect(negotiateLocale("en;q=0.5,kk;q=0.9,ru;q=0.7", "en")).toBe("kk");
    expect(negotiateLocale("ru;q=0.4, en-GB;q=0.8", "kk")).toBe("en");
    // Equal q: the order sent decides.
    expect(negotiateLocale("ru;q=0.8,kk;q=0.8", "en")).toBe("ru");
  });

  it("q=0 means not this language", () => {
    expect(negotiateLocale("kk;q=0,ru", "en")).toBe("ru");
    expect(negotiateLocale("ru;q=0", "kk")).toBe("kk");
  });

  it("skips languages we do not have, and matches a longer tag by its language", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,kk-Cyrl-KZ;q=0.5", "en")).toBe("kk");
    expect(negotiateLocale("uz,tr;q=0.8", "ru")).toBe("ru");
  });

  it("the fallback when there is no header, a wildcard first, or nonsense", () => {
    expect(negotiateLocale(null, "ru")).toBe("ru");
    expect(negotiateLocale("", "kk")).toBe("kk");
    expect(negotiateLocale("*", "ru")).toBe("ru");
    expect(negotiateLocale(";;;,q=,", "ru")).toBe("ru");
    expect(negotiateLocale("en;q=abc", "kk")).toBe("kk");
  });
});

describe("DEFAULT_LOCALE", () => {
  const before = process.env.DEFAULT_LOCALE;
  afterEach(() => {
    process.env.DEFAULT_LOCALE = before;
  });

  it("is Russian unless the operator sets kk or en; an unknown value is ignored", () => {
    delete process.env.DEFAULT_LOCALE;
    expect(env.defaultLocale).toBe("ru");
    process.env.DEFAULT_LOCALE = "kk";
    expect(env.defaultLocale).toBe("kk");
    process.env.DEFAULT_LOCALE = "en";
    expect(env.defaultLocale).toBe("en");
    process.env.DEFAULT_LOCALE = "fr";
    expect(env.defaultLocale).toBe("ru");
  });
});
