// Everything a section of the charter page needs to render: language, formats, zones, the
// charter and the clock.
import type { Charter } from "../../domain/charter/schema.ts";
import type { PageFormat } from "./format.ts";
import type { Lang, Messages } from "./messages.ts";
import type { ZoneOption } from "./zones.ts";

export interface PageContext {
  lang: Lang;
  m: Messages;
  f: PageFormat;
  now: number;
  charter: Charter;
  /** The professional's zone (the charter's). */
  proZone: string;
  proZoneName: string;
  visitorZone: string;
  visitorZoneName: string;
  /** A ?tz= value that is not a zone, echoed (escaped) to say so. */
  rejectedZone: string | undefined;
  zoneOptions: ZoneOption[];
  /** Where the zone form sends the visitor (this page, back at the hours). */
  formAction: string;
  /** Absolute URL of the page without query, for offer permalinks. */
  absoluteUrl: string;
  /** Identifies the published version, for caches. */
  versionKey: string;
}

/** The name of a channel in the page's language (its id when unknown). */
export function channelName(c: PageContext, id: string): string {
  return c.m.channels[id] ?? id;
}
