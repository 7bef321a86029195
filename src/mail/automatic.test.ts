import { describe, expect, it } from "vitest";
import { automaticReason } from "./automatic.ts";

const h = (entries: Record<string, string> = {}) =>
  new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), v]));

describe("automaticReason (loop rules)", () => {
  it("lets a person's message through", () => {
    expect(automaticReason({ headers: h(), from: "dominique@client.example" })).toBeNull();
    expect(
      automaticReason({
        headers: h({ "Auto-Submitted": "no" }),
        from: "a@b.example",
        envelopeFrom: "a@b.example",
      }),
    ).toBeNull();
    expect(
      automaticReason({ headers: h({ Precedence: "first-class" }), from: "a@b.example" }),
    ).toBeNull();
    expect(automaticReason({ headers: h(), from: "noreplyfan@b.example" })).toBeNull();
    expect(automaticReason({ headers: h(), from: "request@b.example" })).toBeNull();
  });

  it.each([
    [{ "Auto-Submitted": "auto-replied" }, "auto-submitted"],
    [{ "Auto-Submitted": "Auto-Generated; owner-email=x@y" }, "auto-submitted"],
    [{ "Auto-Submitted": "auto-notified" }, "auto-submitted"],
    [{ Precedence: "bulk" }, "precedence"],
    [{ Precedence: "List" }, "precedence"],
    [{ Precedence: "junk" }, "precedence"],
    [{ Precedence: "auto_reply" }, "precedence"],
    [{ "List-Id": "Newsletter <news.example>" }, "list-id"],
    [{ "List-Unsubscribe": "<mailto:u@example>" }, "list-unsubscribe"],
    [{ "X-Auto-Response-Suppress": "DR, OOF" }, "x-auto-response-suppress"],
    [{ "X-Autoreply": "yes" }, "x-autoreply"],
    [{ "Content-Type": 'multipart/report; report-type="delivery-status"' }, "report"],
    [{ "Return-Path": "<>" }, "null-sender"],
  ])("flags %o", (headers, reason) => {
    expect(automaticReason({ headers: h(headers), from: "dominique@client.example" })).toBe(reason);
  });

  it("flags the null envelope sender, a missing sender and daemon or no-reply addresses", () => {
    expect(automaticReason({ headers: h(), from: "a@b.example", envelopeFrom: "" })).toBe(
      "null-sender",
    );
    expect(automaticReason({ headers: h(), from: null })).toBe("no-sender");
    for (const from of [
      "MAILER-DAEMON@mx.example",
      "postmaster@example.org",
      "no-reply@shop.example",
      "noreply@shop.example",
      "do-not-reply@shop.example",
      "donotreply@shop.example",
      "bounces@lists.example",
      "owner-team@lists.example",
      "team-request@lists.example",
      "news+bounces@lists.example",
    ]) {
      expect(automaticReason({ headers: h(), from }), from).toBe("sender");
    }
  });
});
