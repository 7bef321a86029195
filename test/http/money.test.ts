// Money over HTTP, on both engines: an out-of-scope request becomes a change order the client
// accepts in the portal (engagement updated, deliveries moved, invoice line added); invoices with
// Quebec taxes, payment methods refused by the charter, overdue bookkeeping, reminders and late
// fees; PDFs of invoices and contracts; another client or workspace always gets 404.
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sweepInvoices } from "../../src/services/billing/sweep-invoices.ts";
import { listViolations } from "../../src/store/repositories/ledger.ts";
import { exampleCharterInput, offers } from "../factories/domain.ts";
import { startApp, type TestApp } from "../helpers/app.ts";
import { type ClientSession, clientSession, type Pro, signUpPro } from "../helpers/auth.ts";
import { pdfText } from "../helpers/pdf.ts";
import { describeEngines } from "../helpers/store.ts";

type Method = "GET" | "POST" | "PUT";
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const ARTIFACTS = new URL("../../test-results/money/", import.meta.url);

/** Keeps the PDF as a test artifact, to look at. */
function keep(name: string, pdf: Buffer): Buffer {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(new URL(name, ARTIFACTS), pdf);
  return pdf;
}

describeEngines("money: change orders, invoices, payments, late fees and PDFs", (engine) => {
  let t: TestApp;
  let now = Date.parse("2026-03-02T15:00:00Z"); // Monday 10:00 in Toronto
  let pro: Pro;
  let other: Pro;
  let clientId: string;
  let strangerId: string;
  let engagementId: string;
  let client: ClientSession;
  let stranger: ClientSession;
  let requestId: string;
  let changeOrderId: string;
  let depositId: string;
  let changeInvoiceId: string;

  const as = (who: Pro, method: Method, url: string, payload?: unknown, lang = "fr") =>
    t.app.inject({
      method,
      url,
      headers: { ...who.asToken(), "accept-language": lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const call = (method: Method, url: string, payload?: unknown, lang = "fr") =>
    as(pro, method, url, payload, lang);
  const portal = (who: ClientSession, method: Method, url: string) =>
    t.app.inject({ method, url, headers: who.headers() });
  const outbox = async () =>
    t.app.ctx.db
      .selectFrom("outbox")
      .select(["idempotency_key", "to_address", "subject", "text_body"])
      .where("workspace_id", "=", pro.workspace.id)
      .execute();

  beforeAll(async () => {
    t = await startApp(engine, { now: () => now });
    pro = await signUpPro(t.app, { workspace: { timezone: "America/Toronto", locale: "fr-CA" } });
    other = await signUpPro(t.app);
    expect((await call("PUT", "/api/v1/charter", exampleCharterInput())).statusCode).toBe(200);
    expect((await call("POST", "/api/v1/charter/publish")).statusCode).toBe(201);
    for (const offer of offers)
      expect((await call("POST", "/api/v1/offers", offer)).statusCode).toBe(201);
    const made = await call("POST", "/api/v1/clients", {
      name: "Julie Gagnon",
      company: "Boulangerie du Coin",
      emails: ["julie@example.com"],
      locale: "fr-CA",
    });
    clientId = made.json().id;
    strangerId = (
      await call("POST", "/api/v1/clients", {
        name: "Autre",
        emails: ["autre@example.com"],
        locale: "en-CA",
      })
    ).json().id;
    const engagement = await call("POST", "/api/v1/engagements", {
      clientId,
      offerId: "signature",
      title: "Identité visuelle",
      startsOn: "2026-03-02",
      deliverables: [
        { name: "Maquette", dueAt: "2026-03-11T12:00:00-04:00" },
        { name: "Guide", dueAt: "2026-03-25T12:00:00-04:00" },
      ],
      obligations: [
        {
          name: "Textes",
          dueAt: "2026-03-06T12:00:00-05:00",
          shiftBusinessDays: 2,
          deliverableIds: [0],
        },
      ],
    });
    expect(engagement.statusCode, engagement.body).toBe(201);
    engagementId = engagement.json().id;
    client = await clientSession(t.app, pro, clientId);
    stranger = await clientSession(t.app, pro, strangerId);
  });
  afterAll(() => t.close());

  it("offers carry their terms of sale: personalization, priced add-ons, what is excluded", async () => {
    const offer = {
      ...offers[0]!,
      id: "atelier",
      name: "Atelier",
      excluded: ["Impression", "Photographie"],
      personalization: { customVariants: 2, revisionRounds: 2 },
      items: offers[0]!.items.map((i) => ({
        ...i,
        description: "Fichiers sources inclus",
        deliveryBusinessDays: 3,
      })),
      addOns: [
        {
          id: "extra-variant",
          name: "Variante",
          price: 25_000,
          personalization: { customVariants: 1 },
          deliveryBusinessDays: 1,
        },
      ],
    };
    const res = await call("POST", "/api/v1/offers", offer);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      excluded: ["Impression", "Photographie"],
      personalization: { customVariants: 2, revisionRounds: 2 },
      addOns: [{ id: "extra-variant", price: 25_000, personalization: { customVariants: 1 } }],
    });
    const bad = await call("POST", "/api/v1/offers", {
      ...offer,
      id: "x",
      personalization: { customVariants: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("personalization.customVariants");
  });

  it("an out-of-scope request is proposed as a change order, priced, with its delivery impact", async () => {
    const res = await call("POST", "/api/v1/requests", {
      clientId,
      channel: "portal",
      subject: "Page d’accueil",
      body: "Pourriez-vous aussi faire la page d’accueil ?",
      offerItem: "website",
      estimatedHours: 12,
    });
    expect(res.statusCode, res.body).toBe(201);
    requestId = res.json().id;
    const { decision } = res.json();
    expect(decision.outcome).toBe("propose");
    // Monday 10:00 + 12 business hours: 6 h on Monday, 6 h on Tuesday (09:00–15:00): 2 days.
    expect(decision.changeOrder).toEqual({
      items: [
        {
          id: "website",
          name: "Page d’accueil",
          quantity: 1,
          unitPrice: 180_000,
          amount: 180_000,
          source: "add-on",
        },
      ],
      price: 180_000,
      currency: "CAD",
      deliveryShiftBusinessDays: 2,
      grants: {},
    });
    const created = await call("POST", "/api/v1/change-orders", { requestId });
    expect(created.statusCode, created.body).toBe(201);
    changeOrderId = created.json().id;
    expect(created.json()).toMatchObject({
      engagementId,
      clientId,
      requestId,
      title: "Page d’accueil",
      price: 180_000,
      deliveryShiftBusinessDays: 2,
      state: "proposed",
      invoiceId: null,
    });
    const mail = (await outbox()).find(
      (m) => m.idempotency_key === `change-order:${changeOrderId}`,
    );
    expect(mail?.to_address).toBe("julie@example.com");
    expect(spaces(mail!.text_body)).toContain("1 800,00 $");
    expect(spaces(mail!.text_body)).toContain("se décalent de 2 jours ouvrables");
    expect((await call("POST", "/api/v1/change-orders", { requestId })).statusCode).toBe(409);
    const listed = await call("GET", `/api/v1/change-orders?engagementId=${engagementId}`);
    expect(listed.json().items.map((c: { id: string }) => c.id)).toEqual([changeOrderId]);
    expect(
      (await call("GET", `/api/v1/change-orders?clientId=${strangerId}`)).json().items,
    ).toEqual([]);
  });

  it("isolation: another client or another workspace never sees the change order", async () => {
    expect((await as(other, "GET", `/api/v1/change-orders/${changeOrderId}`)).statusCode).toBe(404);
    expect((await as(other, "POST", "/api/v1/change-orders", { requestId })).statusCode).toBe(404);
    expect(
      (await portal(stranger, "GET", `/api/v1/portal/change-orders/${changeOrderId}`)).statusCode,
    ).toBe(404);
    const refused = await portal(
      stranger,
      "POST",
      `/api/v1/portal/change-orders/${changeOrderId}/accept`,
    );
    expect(refused.statusCode).toBe(404);
    expect((await portal(stranger, "GET", "/api/v1/portal/change-orders")).json().items).toEqual(
      [],
    );
    expect((await portal(client, "GET", "/api/v1/portal/change-orders")).json().items).toHaveLength(
      1,
    );
  });

  it("the client accepts: engagement gains the item, deliveries move 2 business days, invoice line added", async () => {
    const res = await portal(
      client,
      "POST",
      `/api/v1/portal/change-orders/${changeOrderId}/accept`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.changeOrder).toMatchObject({ state: "accepted", decidedBy: `client:${clientId}` });
    // Wednesday 12:00 + 2 business days = Friday 12:00 (EDT).
    expect(body.moves.map((m: { to: string }) => m.to)).toEqual([
      "2026-03-13T16:00:00.000Z",
      "2026-03-27T16:00:00.000Z",
    ]);
    changeInvoiceId = body.invoiceId;
    const engagement = (await call("GET", `/api/v1/engagements/${engagementId}`)).json();
    expect(engagement.extraItems).toContain("website");
    expect(engagement.deliverables.map((d: { dueAt: string }) => d.dueAt)).toEqual([
      "2026-03-13T16:00:00.000Z",
      "2026-03-27T16:00:00.000Z",
    ]);
    const invoice = (await call("GET", `/api/v1/invoices/${changeInvoiceId}`)).json();
    expect(invoice).toMatchObject({
      state: "draft",
      number: null,
      engagementId,
      lines: [
        {
          kind: "change-order",
          changeOrderId,
          amount: 180_000,
          description: "Avenant : Page d’accueil".replace(" :", "\u00a0:"),
        },
      ],
      subtotal: 180_000,
      total: 180_000, // no tax setup yet
    });
    expect(
      (await portal(client, "POST", `/api/v1/portal/change-orders/${changeOrderId}/accept`))
        .statusCode,
    ).toBe(409);
    expect(
      (await portal(client, "POST", `/api/v1/portal/change-orders/${changeOrderId}/decline`))
        .statusCode,
    ).toBe(409);
    // The same request now falls within the engagement.
    const again = await call("POST", "/api/v1/requests", {
      clientId,
      channel: "portal",
      subject: "Page d’accueil, suite",
      offerItem: "website",
    });
    expect(again.json().decision.outcome).not.toBe("propose");
  });

  it("an ad hoc change order from catalog add-ons; declining changes nothing", async () => {
    const res = await call("POST", "/api/v1/change-orders", {
      engagementId,
      title: "Deux rondes de plus",
      items: [
        { ref: "extra-revision", quantity: 2 },
        { name: "Déplacement", unitPrice: 5_000 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      price: 35_000,
      grants: { revisions: 2 },
      items: [{ source: "add-on", amount: 30_000 }, { source: "custom" }],
    });
    const bad = await call("POST", "/api/v1/change-orders", {
      engagementId,
      items: [{ ref: "nothing" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("items[0].ref");
    const declined = await portal(
      client,
      "POST",
      `/api/v1/portal/change-orders/${res.json().id}/decline`,
    );
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({
      changeOrder: { state: "declined" },
      moves: [],
      invoiceId: null,
    });
    const engagement = (await call("GET", `/api/v1/engagements/${engagementId}`)).json();
    expect(engagement.extraQuota.revisions ?? 0).toBe(0);
  });

  it("taxes per workspace: Quebec GST and QST, each on the pre-tax amount", async () => {
    const setup = {
      taxes: [
        {
          id: "gst",
          label: { fr: "TPS", en: "GST" },
          ratePercent: 5,
          registration: "123456789 RT0001",
        },
        {
          id: "qst",
          label: { fr: "TVQ", en: "QST" },
          ratePercent: 9.975,
          registration: "1234567890 TQ0001",
        },
      ],
    };
    const res = await call("PUT", "/api/v1/settings/taxes", setup);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(setup);
    expect(res.json().presets.FR.taxes[0].ratePercent).toBe(20);
    expect((await call("GET", "/api/v1/settings/taxes")).json().taxes).toHaveLength(2);
    const dup = await call("PUT", "/api/v1/settings/taxes", {
      taxes: [setup.taxes[0], setup.taxes[0]],
    });
    expect(dup.statusCode).toBe(400);
    expect((await as(other, "GET", "/api/v1/settings/taxes")).json().taxes).toEqual([]);
  });

  it("a deposit invoice per the charter: 30 % of the package, due in 15 days, e-mailed", async () => {
    const res = await call("POST", "/api/v1/invoices", {
      engagementId,
      lines: [{ kind: "deposit" }],
      issue: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    depositId = res.json().id;
    expect(res.json()).toMatchObject({
      state: "issued",
      number: "2026-0001",
      issuedOn: "2026-03-02",
      dueOn: "2026-03-17",
      currency: "CAD",
      lines: [{ kind: "deposit", amount: 72_000 }],
      subtotal: 72_000,
      taxAmounts: [
        { id: "gst", base: 72_000, amount: 3_600 },
        { id: "qst", base: 72_000, amount: 7_182 },
      ],
      taxTotal: 10_782,
      total: 82_782,
      amountDue: 82_782,
      terms: {
        paymentTermsDays: 15,
        methods: ["transfer", "interac", "card"],
        lateFee: { percentPerMonth: 2, graceDays: 5 },
      },
    });
    expect(spaces(res.json().lines[0].description)).toBe("Acompte de 30 % — forfait Signature");
    const mail = (await outbox()).find((m) => m.idempotency_key === `invoice-issued:${depositId}`);
    expect(mail?.subject).toBe("Facture 2026-0001");
    expect(spaces(mail!.text_body)).toContain(
      "virement bancaire, virement Interac et carte de crédit",
    );
    const twice = await call("POST", "/api/v1/invoices", {
      engagementId,
      lines: [{ kind: "deposit" }],
    });
    expect(twice.statusCode).toBe(409);
  });

  it("a payment by a method the charter does not accept is refused with its reason (422)", async () => {
    const fr = await call("POST", `/api/v1/invoices/${depositId}/payments`, {
      amount: 10_000,
      method: "cheque",
    });
    expect(fr.statusCode).toBe(422);
    expect(fr.json().error.code).toBe("boundary");
    expect(spaces(fr.json().error.message)).toBe(
      "Je n’accepte pas le paiement par chèque : comme le prévoit ma charte, les modes de paiement acceptés sont virement bancaire, virement Interac et carte de crédit.",
    );
    expect(fr.json().error.details[0]).toMatchObject({
      path: "method",
      code: "money.method-refused",
    });
    const en = await call(
      "POST",
      `/api/v1/invoices/${depositId}/payments`,
      { method: "cash" },
      "en",
    );
    expect(en.json().error.message).toBe(
      "Payment by cash is not accepted: as my charter says, the accepted payment methods are bank transfer, Interac e-Transfer and credit card.",
    );
    const invoice = (await call("GET", `/api/v1/invoices/${depositId}`)).json();
    expect(invoice.payments).toEqual([]);
  });

  it("payments by accepted methods; too much is refused; paid in full marks it paid", async () => {
    const tooMuch = await call("POST", `/api/v1/invoices/${depositId}/payments`, {
      amount: 90_000,
      method: "interac",
    });
    expect(tooMuch.statusCode).toBe(400);
    const part = await call("POST", `/api/v1/invoices/${depositId}/payments`, {
      amount: 30_000,
      method: "Interac",
    });
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toMatchObject({
      state: "issued",
      paidAmount: 30_000,
      balance: 52_782,
      amountDue: 52_782,
    });
    const rest = await call("POST", `/api/v1/invoices/${depositId}/payments`, {
      method: "transfer",
    });
    expect(rest.json()).toMatchObject({ state: "paid", paidAmount: 82_782, amountDue: 0 });
    expect(
      (await call("POST", `/api/v1/invoices/${depositId}/payments`, { method: "card" })).statusCode,
    ).toBe(409);
  });

  it("the change-order invoice: issued, reminded before the due date, overdue once, late fee per the charter", async () => {
    const issued = await call("POST", `/api/v1/invoices/${changeInvoiceId}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    // Taxes are those of the day it is issued.
    expect(issued.json()).toMatchObject({
      number: "2026-0002",
      dueOn: "2026-03-17",
      subtotal: 180_000,
      total: 206_955,
    });
    const keys = async () =>
      (await outbox())
        .map((m) => m.idempotency_key)
        .filter((k) => k.startsWith("invoice-reminder"));

    now = Date.parse("2026-03-13T14:00:00Z"); // 4 days before: nothing yet
    await sweepInvoices(t.app.ctx, now);
    expect(await keys()).toEqual([]);
    now = Date.parse("2026-03-14T14:00:00Z"); // 3 days before
    await sweepInvoices(t.app.ctx, now);
    await sweepInvoices(t.app.ctx, now);
    expect(await keys()).toEqual([`invoice-reminder:${changeInvoiceId}:before:3`]);

    now = Date.parse("2026-03-18T14:00:00Z"); // the day after the due date
    await sweepInvoices(t.app.ctx, now);
    await sweepInvoices(t.app.ctx, now);
    expect((await keys()).sort()).toEqual(
      [
        `invoice-reminder:${changeInvoiceId}:before:3`,
        `invoice-reminder:${changeInvoiceId}:after:1`,
      ].sort(),
    );
    const overdue = (
      await listViolations(t.app.ctx.db, pro.workspace.id, { clientId, limit: 50, offset: 0 })
    ).filter((v) => v.ruleId === "money.invoice-overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      category: "money",
      params: { number: "2026-0002", dueOn: "2026-03-17" },
    });
    const inGrace = (await call("GET", `/api/v1/invoices/${changeInvoiceId}`)).json();
    expect(inGrace).toMatchObject({
      overdue: true,
      lateFee: { amount: 0, daysLate: 1 },
      amountDue: 206_955,
    });

    now = Date.parse("2026-04-01T14:00:00Z"); // 15 days late, 10 after the grace period
    const late = (await call("GET", `/api/v1/invoices/${changeInvoiceId}`)).json();
    // 206 955 × 2 % × 10 / 30 = 1 379,70 → 1 380 (half up).
    expect(late.lateFee).toEqual({
      amount: 1_380,
      daysLate: 15,
      chargeableDays: 10,
      basis: "percent",
      asOf: "2026-04-01",
    });
    expect(late.amountDue).toBe(208_335);
    await sweepInvoices(t.app.ctx, now);
    const reminder = (await outbox()).find(
      (m) => m.idempotency_key === `invoice-reminder:${changeInvoiceId}:after:7`,
    );
    expect(spaces(reminder!.text_body)).toContain(
      "des frais de retard de 13,80 $ s’ajoutent : le montant dû aujourd’hui est de 2 083,35 $",
    );

    const principal = await call("POST", `/api/v1/invoices/${changeInvoiceId}/payments`, {
      amount: 206_955,
      method: "transfer",
    });
    expect(principal.json()).toMatchObject({ state: "issued", balance: 0, amountDue: 1_380 });
    const fee = await call("POST", `/api/v1/invoices/${changeInvoiceId}/payments`, {
      method: "transfer",
    });
    expect(fee.json()).toMatchObject({ state: "paid", amountDue: 0, paidAmount: 208_335 });
    now = Date.parse("2026-06-01T14:00:00Z");
    const later = (await call("GET", `/api/v1/invoices/${changeInvoiceId}`)).json();
    expect(later.lateFee.amount).toBe(1_380); // frozen at the payment date
    expect(later.overdue).toBe(false);
    await sweepInvoices(t.app.ctx, now);
    expect(
      (
        await listViolations(t.app.ctx.db, pro.workspace.id, { clientId, limit: 50, offset: 0 })
      ).filter((v) => v.ruleId === "money.invoice-overdue"),
    ).toHaveLength(1);
  });

  it("invoice PDFs in the client's language, or the one asked; drafts stay out of the portal", async () => {
    // Months have passed since the portal sessions opened: open new ones.
    client = await clientSession(t.app, pro, clientId);
    stranger = await clientSession(t.app, pro, strangerId);
    const res = await call("GET", `/api/v1/invoices/${changeInvoiceId}.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain("2026-0002.pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const fr = pdfText(keep(`invoice-${engine}-fr.pdf`, res.rawPayload));
    for (const text of [
      "FACTURE",
      "2026-0002",
      "Julie Gagnon",
      "TPS",
      "TVQ (9,975 %)",
      "2 069,55 $",
      "Payée".toUpperCase(),
    ]) {
      expect(fr).toContain(text);
    }
    const enPdf = await call("GET", `/api/v1/invoices/${changeInvoiceId}.pdf?lang=en`);
    const en = pdfText(keep(`invoice-${engine}-en.pdf`, enPdf.rawPayload));
    expect(en).toContain("INVOICE");
    expect(en).toContain(
      "Accepted payment methods: bank transfer, Interac e-Transfer and credit card.",
    );
    expect((await as(other, "GET", `/api/v1/invoices/${changeInvoiceId}.pdf`)).statusCode).toBe(
      404,
    );

    const mine = await portal(client, "GET", `/api/v1/portal/invoices/${depositId}.pdf`);
    expect(mine.statusCode).toBe(200);
    expect(pdfText(mine.rawPayload)).toContain("2026-0001");
    expect(
      (await portal(stranger, "GET", `/api/v1/portal/invoices/${depositId}.pdf`)).statusCode,
    ).toBe(404);
    expect((await portal(stranger, "GET", `/api/v1/portal/invoices/${depositId}`)).statusCode).toBe(
      404,
    );
    const draft = await call("POST", "/api/v1/invoices", {
      engagementId,
      lines: [{ kind: "milestone", description: "Jalon : maquettes", percent: 20 }],
    });
    expect(draft.json()).toMatchObject({ state: "draft", lines: [{ amount: 48_000 }] });
    expect(
      (await portal(client, "GET", `/api/v1/portal/invoices/${draft.json().id}`)).statusCode,
    ).toBe(404);
    const listed = (await portal(client, "GET", "/api/v1/portal/invoices")).json().items;
    expect(listed.map((i: { number: string }) => i.number).sort()).toEqual([
      "2026-0001",
      "2026-0002",
    ]);
  });

  it("the contract PDF: package, change orders, obligations and their consequence, money terms", async () => {
    const res = await call("GET", `/api/v1/engagements/${engagementId}/contract.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(keep(`contract-${engine}-fr.pdf`, res.rawPayload));
    for (const fragment of [
      "CONTRAT DE SERVICE",
      "Identité visuelle",
      "Guide de marque",
      "Prix du forfait : 2 400,00 $",
      "Page d’accueil",
      "Textes",
      "reportée de 2 jours ouvrables",
      "30 % du forfait, soit 720,00 $",
      "15 jours à compter de la date de la facture.",
      "virement bancaire, virement Interac et carte de crédit",
    ]) {
      expect(text.replace(/\s+/g, " ")).toContain(fragment);
    }
    const enPdf = await call("GET", `/api/v1/engagements/${engagementId}/contract.pdf?lang=en`);
    const en = pdfText(keep(`contract-${engine}-en.pdf`, enPdf.rawPayload));
    expect(en).toContain("SERVICE AGREEMENT");
    const own = await portal(
      client,
      "GET",
      `/api/v1/portal/engagements/${engagementId}/contract.pdf`,
    );
    expect(own.statusCode).toBe(200);
    expect(
      (await portal(stranger, "GET", `/api/v1/portal/engagements/${engagementId}/contract.pdf`))
        .statusCode,
    ).toBe(404);
    expect(
      (await as(other, "GET", `/api/v1/engagements/${engagementId}/contract.pdf`)).statusCode,
    ).toBe(404);
  });

  it("bad input is a localised 4xx", async () => {
    const noLines = await call("POST", "/api/v1/invoices", { engagementId, lines: [] });
    expect(noLines.statusCode).toBe(400);
    const unknown = await call("POST", "/api/v1/invoices", {
      engagementId: "nope",
      lines: [{ kind: "deposit" }],
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain("ce mandat");
    const free = await call("POST", "/api/v1/invoices", { clientId, lines: [{ kind: "deposit" }] });
    expect(free.statusCode).toBe(400);
    const future = await call("POST", `/api/v1/invoices/${depositId}/payments`, {
      method: "card",
      at: "2030-01-01T00:00:00Z",
    });
    expect(future.statusCode).toBe(409); // paid already
    expect((await call("GET", "/api/v1/invoices/nope")).json().error.message).toContain(
      "cette facture",
    );
  });
});
