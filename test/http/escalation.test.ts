// Escalation counts the client's stored violations: intake reads only the latest ones the
// charter's steps need (remind after 1, firm after 3 within 30 days, review-fit after 5 within 90),
// and only those that happened before the request.
import { afterAll, beforeAll, expect, it } from "vitest";
import { exampleCharterInput } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { signUpPro } from "../helpers/auth.ts";
import { describeEngines } from "../helpers/store.ts";

describeEngines("escalation from stored violations", (engine) => {
  let t: TestApp;
  let h: Record<string, string>;
  let clientId: string;
  beforeAll(async () => {
    t = await startApp(engine);
    const pro = await signUpPro(t.app);
    h = pro.asToken();
    await t.app.inject({
      method: "PUT",
      url: "/api/v1/charter",
      headers: h,
      payload: exampleCharterInput(),
    });
    await t.app.inject({ method: "POST", url: "/api/v1/charter/publish", headers: h });
    const client = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: h,
      payload: { name: "Camille Roy", emails: ["camille@escalation.example"], locale: "fr-CA" },
    });
    clientId = client.json().id;
  });
  afterAll(() => t.close());

  /** An SMS (not accepted: a violation) received on the given day. */
  const sms = async (day: string) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/requests",
      headers: h,
      payload: {
        clientId,
        channel: "sms",
        receivedAt: `${day}T14:00:00Z`,
        subject: "?",
        body: "?",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().decision.escalation as string | null;
  };

  it("escalates with the violations before the request, and not with later ones", async () => {
    expect(await sms("2026-03-02")).toBe("remind");
    expect(await sms("2026-03-03")).toBe("remind");
    expect(await sms("2026-03-04")).toBe("firm");
    expect(await sms("2026-03-05")).toBe("firm");
    expect(await sms("2026-03-06")).toBe("review-fit");
    expect(await sms("2026-03-09")).toBe("review-fit");
    // Long after: the 30- and 90-day windows have emptied; "remind" has no window.
    expect(await sms("2026-09-01")).toBe("remind");
    // Logged late, for a day before all of them: none of the later violations counts.
    expect(await sms("2026-02-02")).toBe("remind");
  });
});
