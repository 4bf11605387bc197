// Account passwords: at least 12 characters and not one of the most common passwords.
import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "@/lib/auth/common-passwords";
import { acceptNewSchema } from "@/lib/validation/settings";

describe("password policy", () => {
  it("asks for at least 12 characters", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem("")).toBe("password_too_short");
    expect(passwordProblem("k7#Qz!m2Lp9")).toBe("password_too_short"); // 11
    expect(passwordProblem("k7#Qz!m2Lp9x")).toBeNull(); // 12
    // Characters, not bytes: twelve Cyrillic letters are enough.
    expect(passwordProblem("жёлтыйзаборк")).toBeNull();
    expect(passwordProblem("x".repeat(501))).toBe("too_long");
  });

  it("ships a list of at least the 10,000 most common passwords", () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
    for (const p of ["123456", "password", "qwerty", "iloveyou"]) expect(isCommonPassword(p)).toBe(true);
  });

  it.each(["password1234", "123456789012", "1qaz2wsx3edc", "qazwsxedcrfv", "Password1234", "PASSWORDPASSWORD"])("refuses the common password %j, in any case", (p) => {
    expect(passwordProblem(p)).toBe("password_too_common");
  });

  it("accepts a long uncommon passphrase", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(isCommonPassword("correct horse battery staple")).toBe(false);
  });

  it("the invitation form's schema puts the reason beside the password field", () => {
    const base = { token: "t".repeat(43), name: "Newcomer" };
    expect(acceptNewSchema.safeParse({ ...base, password: "short" }).error?.issues).toMatchObject([{ path: ["password"], message: "password_too_short" }]);
    expect(acceptNewSchema.safeParse({ ...base, password: "password1234" }).error?.issues).toMatchObject([{ path: ["password"], message: "password_too_common" }]);
    expect(acceptNewSchema.safeParse({ ...base, password: "correct horse battery staple" }).success).toBe(true);
  });
});
