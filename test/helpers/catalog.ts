// Fixtures for charter, offer, client and engagement tests: a workspace row, a use-case context
// with a settable clock, and a few documents.
import { type AppContext, defaultConfig } from "../../src/services/context.ts";
import type { Store } from "../../src/store/db.ts";
import { insertWorkspace, type Workspace } from "../../src/store/repositories/workspaces.ts";
import { newId } from "../../src/store/values.ts";

export interface TestContext extends AppContext {
  setNow(iso: string): void;
}

export function testContext(store: Store, nowIso = "2026-06-01T13:00:00Z"): TestContext {
  let now = Date.parse(nowIso);
  return {
    store,
    db: store.db,
    config: defaultConfig(),
    now: () => now,
    setNow: (iso) => {
      now = Date.parse(iso);
    },
  };
}

export async function addWorkspace(
  store: Store,
  overrides: Partial<Workspace> = {},
): Promise<Workspace> {
  const id = newId();
  const workspace: Workspace = {
    id,
    slug: `studio-${id.slice(0, 8)}`,
    name: "Studio Nord",
    timezone: "America/Toronto",
    locale: "fr-CA",
    country: "CA",
    region: "QC",
    currency: "CAD",
    createdAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
  await insertWorkspace(store.db, workspace);
  return workspace;
}

export const essentiel = {
  id: "essentiel",
  name: "Essentiel",
  currency: "CAD",
  items: [
    { id: "logo", name: "Logo", quantity: 1, unitPrice: 60_000 },
    { id: "palette", name: "Palette", quantity: 1, unitPrice: 20_000 },
  ],
  quotas: { meetings: 2, revisions: 1 },
};

export const signature = {
  id: "signature",
  name: "Signature",
  currency: "CAD",
  price: 240_000,
  items: [{ id: "guide", name: "Guide de marque", quantity: 1, unitPrice: 90_000 }],
  quotas: { meetings: 4, revisions: 3 },
  lowerTierId: "essentiel",
};
