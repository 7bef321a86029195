import { describe, expect, it } from "vitest";
import { parseMessage } from "./parse.ts";

const raw = (lines: string[], body: string) => Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`);

describe("parseMessage", () => {
  it("reads identity, thread ids, sender and text", async () => {
    const m = await parseMessage(
      raw(
        [
          'From: "Roy, Dominique" <Dominique@Client.Example>',
          "To: atelier@in.cadre.test, Other <o@x.example>",
          "Cc: c@x.example",
          "Reply-To: team@client.example",
          "Subject: =?UTF-8?Q?R=C3=A9vision?=",
          "Message-ID: < abc@client.example >",
          "In-Reply-To: <p2@cadre>",
          "References: <root@client.example>\r\n <p1@cadre> <p2@cadre>",
          "Date: Fri, 19 Jun 2026 21:30:00 -0400",
          "Auto-Submitted: no",
        ],
        "Bonjour\u0000 !\r\n",
      ),
    );
    expect(m.messageId).toBe("abc@client.example");
    expect(m.inReplyTo).toBe("p2@cadre");
    expect(m.references).toEqual(["root@client.example", "p1@cadre", "p2@cadre"]);
    expect(m.threadIds).toEqual(["p2@cadre", "p1@cadre", "root@client.example"]);
    expect(m.from).toEqual({ address: "dominique@client.example", name: "Roy, Dominique" });
    expect(m.replyTo).toBe("team@client.example");
    expect(m.to).toEqual(["atelier@in.cadre.test", "o@x.example", "c@x.example"]);
    expect(m.subject).toBe("Révision");
    expect(m.text).toBe("Bonjour !");
    expect(m.date).toBe(Date.parse("2026-06-20T01:30:00Z"));
    expect(m.headers.get("auto-submitted")).toBe("no");
  });

  it("makes the same id for the same message without Message-ID, and text from HTML", async () => {
    const lines = ["From: a@b.example", "Subject: x", "Content-Type: text/html; charset=utf-8"];
    const a = await parseMessage(raw(lines, "<p>Hello <b>there</b></p>"));
    const b = await parseMessage(raw(lines, "<p>Hello <b>there</b></p>"));
    expect(a.messageId).toMatch(/@no-message-id\.cadre$/);
    expect(a.messageId).toBe(b.messageId);
    expect(a.text).toContain("Hello there");
    expect(a.html).toContain("<b>there</b>");
  });
});
