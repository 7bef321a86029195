import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./passwords.ts";
import { newApiToken, sameSecret, sha256 } from "./secrets.ts";

describe("passwords", () => {
  it("stores a self-describing scrypt hash with a random salt", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$scrypt\$ln=\d+,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const stored = await hashPassword("mot de passe élevé");
    expect(await verifyPassword("mot de passe e\u0301leve\u0301", stored)).toBe(true);
  });

  it("refuses malformed or absurdly expensive stored hashes without throwing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "$scrypt$ln=40,r=8,p=1$AAAA$AAAA")).toBe(false);
    expect(await verifyAgainstNothing("anything")).toBe(false);
  });
});

describe("secrets", () => {
  it("makes prefixed tokens and compares secrets in constant time", () => {
    const token = newApiToken();
    expect(token).toMatch(/^cad_[\w-]{43}$/);
    expect(sha256(token)).toHaveLength(43);
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(token, `${token}x`)).toBe(false);
  });
});
