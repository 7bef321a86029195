// Fixtures for meeting tests: a workspace in Toronto whose published charter has three meeting
// types (one per late-cancellation policy), an offer with two included meetings and a paid extra
// call, a client with an engagement on it, and that client's portal session.
import { expect } from "vitest";
import type { TestApp } from "./app.ts";
import { type ClientSession, clientSession, type Pro, signUpPro } from "./auth.ts";

const day: [string, string][] = [
  ["09:00", "12:00"],
  ["13:00", "17:00"],
];

export function meetingsCharter() {
  return {
    schema: "cadre.charter/1",
    timezone: "America/Toronto",
    locales: ["fr-CA", "en-CA"],
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
    holidays: null,
    channels: [{ id: "portal", accepted: true, contactHours: "any" }],
    meetings: [
      {
        id: "call-30",
        name: "Appel de suivi",
        durationMinutes: 30,
        minNotice: { businessHours: 4 },
        bufferMinutes: 15,
        maxPerDay: 3,
        maxPerWeek: 8,
        horizonDays: 30,
        cancelNotice: { hours: 24 },
        lateCancel: "counts-as-used",
      },
      {
        id: "call-fee",
        durationMinutes: 30,
        horizonDays: 60,
        cancelNotice: { hours: 24 },
        lateCancel: "fee",
        lateCancelFeePercent: 50,
      },
      {
        id: "call-free",
        durationMinutes: 60,
        horizonDays: 60,
        cancelNotice: { hours: 24 },
        lateCancel: "free",
      },
    ],
    money: { currency: "CAD" },
  };
}

export const offerWithCalls = {
  id: "essentiel",
  name: "Essentiel",
  currency: "CAD",
  items: [{ id: "logo", name: "Logo", quantity: 1, unitPrice: 60_000 }],
  quotas: { meetings: 2 },
  addOns: [
    { id: "extra-call", name: "Appel supplémentaire", price: 15_000, grants: { meetings: 1 } },
  ],
};

export interface MeetingsWorkspace {
  pro: Pro;
  clientId: string;
  engagementId: string;
  portal: ClientSession;
}

export async function setUpMeetings(
  t: TestApp,
  options: { slug?: string; client?: { locale?: string; timezone?: string; email?: string } } = {},
): Promise<MeetingsWorkspace> {
  const pro = await signUpPro(t.app, options.slug ? { workspace: { slug: options.slug } } : {});
  const h = pro.asToken();
  const put = await t.app.inject({
    method: "PUT",
    url: "/api/v1/charter",
    headers: h,
    payload: meetingsCharter(),
  });
  expect(put.statusCode, put.body).toBe(200);
  const pub = await t.app.inject({ method: "POST", url: "/api/v1/charter/publish", headers: h });
  expect(pub.statusCode, pub.body).toBe(201);
  const offer = await t.app.inject({
    method: "POST",
    url: "/api/v1/offers",
    headers: h,
    payload: offerWithCalls,
  });
  expect(offer.statusCode, offer.body).toBe(201);
  const client = await t.app.inject({
    method: "POST",
    url: "/api/v1/clients",
    headers: h,
    payload: {
      name: "Julie Gagnon",
      emails: [options.client?.email ?? `julie-${pro.workspace.slug}@client.example`],
      locale: options.client?.locale ?? "fr-CA",
      ...(options.client?.timezone ? { timezone: options.client.timezone } : {}),
    },
  });
  expect(client.statusCode, client.body).toBe(201);
  const clientId = client.json().id as string;
  const engagement = await t.app.inject({
    method: "POST",
    url: "/api/v1/engagements",
    headers: h,
    payload: {
      clientId,
      offerId: "essentiel",
      title: "Identité",
      deliverables: [],
      obligations: [],
    },
  });
  expect(engagement.statusCode, engagement.body).toBe(201);
  const portal = await clientSession(t.app, pro, clientId);
  return { pro, clientId, engagementId: engagement.json().id as string, portal };
}

/** An instant written as Toronto wall time in summer (EDT, -04:00). */
export const edt = (local: string) => new Date(`${local}:00-04:00`).toISOString();
