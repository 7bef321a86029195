// Reads an ICS link the professional gave (Google, Outlook, Apple, Fastmail… "secret address"):
// http(s) or webcal, at most 3 redirects, 10 s, 5 MB. The server fetches addresses chosen by
// users, so it refuses to connect to loopback, private, link-local and other internal addresses
// (checked on the address actually connected to, so a DNS answer that changes between check and
// connect cannot bypass it), unless CADRE_CALENDAR_ALLOW_PRIVATE=1 (tests, self-hosting on a LAN).
// Failures are CalendarFetchError with a stable code, stored on the source and shown.
import { type LookupAddress, lookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";

export type FetchErrorCode =
  | "calendar.url"
  | "calendar.address-refused"
  | "calendar.http"
  | "calendar.timeout"
  | "calendar.too-large"
  | "calendar.network"
  | "calendar.not-ics";

export class CalendarFetchError extends Error {
  readonly code: FetchErrorCode;
  readonly detail: string;
  constructor(code: FetchErrorCode, detail = "") {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "CalendarFetchError";
    this.code = code;
    this.detail = detail;
  }
}

const MAX_REDIRECTS = 3;
export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_ICS_BYTES = 5 * 1024 * 1024;

const internal = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  internal.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  internal.addSubnet(net, prefix, "ipv6");
}

function allowPrivate(): boolean {
  return process.env.CADRE_CALENDAR_ALLOW_PRIVATE === "1";
}

/** True for addresses a user-given link must not reach (IPv4-mapped IPv6 included). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return internal.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 4) return internal.check(address, "ipv4");
  if (family === 6) return internal.check(address, "ipv6");
  return true;
}

/** The link as fetched: webcal(s):// becomes https://; only http(s) without credentials. */
export function normalizeCalendarUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim().replace(/^webcals?:\/\//i, "https://"));
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || !url.hostname) return null;
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that refuses internal addresses: used by the socket itself at connect time. */
function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const refused = !allowPrivate() && list.some((a) => isInternalAddress(a.address));
    if (refused || list.length === 0) {
      const e = new Error("address refused") as NodeJS.ErrnoException;
      e.code = "CADRE_ADDRESS_REFUSED";
      return callback(e, []);
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    const first = list[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
}

function getOnce(
  url: URL,
  deadline: number,
): Promise<{ status: number; location?: string; body?: string }> {
  return new Promise((resolve, reject) => {
    if (isIP(url.hostname.replace(/^\[|\]$/g, "")) && !allowPrivate()) {
      if (isInternalAddress(url.hostname.replace(/^\[|\]$/g, ""))) {
        reject(new CalendarFetchError("calendar.address-refused", url.hostname));
        return;
      }
    }
    const get = url.protocol === "https:" ? https.get : http.get;
    const request = get(
      url,
      {
        lookup: guardedLookup as never,
        headers: { accept: "text/calendar, */*;q=0.5", "user-agent": "Cadre calendar import" },
        timeout: Math.max(1, deadline - Date.now()),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          resolve({ status, location: response.headers.location });
          return;
        }
        if (status !== 200) {
          response.resume();
          reject(new CalendarFetchError("calendar.http", String(status)));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ICS_BYTES) {
            request.destroy(new CalendarFetchError("calendar.too-large", String(MAX_ICS_BYTES)));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    const timer = setTimeout(
      () => request.destroy(new CalendarFetchError("calendar.timeout", `${FETCH_TIMEOUT_MS} ms`)),
      Math.max(1, deadline - Date.now()),
    );
    request.on("timeout", () =>
      request.destroy(new CalendarFetchError("calendar.timeout", `${FETCH_TIMEOUT_MS} ms`)),
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof CalendarFetchError) reject(error);
      else if (error.code === "CADRE_ADDRESS_REFUSED") {
        reject(new CalendarFetchError("calendar.address-refused", url.hostname));
      } else reject(new CalendarFetchError("calendar.network", error.code ?? error.message));
    });
    request.on("close", () => clearTimeout(timer));
  });
}

/** The ICS text behind a link, or a CalendarFetchError. */
export async function fetchIcs(link: string): Promise<string> {
  const first = normalizeCalendarUrl(link);
  if (!first) throw new CalendarFetchError("calendar.url");
  let url: URL = first;
  const deadline = Date.now() + FETCH_TIMEOUT_MS;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const result = await getOnce(url, deadline);
    if (result.body !== undefined) {
      if (!/BEGIN:VCALENDAR/i.test(result.body.slice(0, 4096))) {
        throw new CalendarFetchError("calendar.not-ics");
      }
      return result.body;
    }
    const next: URL | null = result.location
      ? normalizeCalendarUrl(new URL(result.location, url).href)
      : null;
    if (!next) throw new CalendarFetchError("calendar.http", String(result.status));
    url = next;
  }
  throw new CalendarFetchError("calendar.http", "too many redirects");
}
