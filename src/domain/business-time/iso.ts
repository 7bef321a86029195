// ISO 8601 instants <-> epoch ms by arithmetic (days from civil), several times faster than
// Date#toISOString and Date.parse, which dominate a decision's cost otherwise.

const DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** Same text as `new Date(t).toISOString()` for years 0–9999. */
export function toIso(t: number): string {
  if (!(t >= -62_167_219_200_000 && t < 253_402_300_800_000)) return new Date(t).toISOString();
  const days = Math.floor(t / DAY);
  let ms = t - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const hh = Math.floor(ms / 3_600_000);
  ms -= hh * 3_600_000;
  const mi = Math.floor(ms / 60_000);
  ms -= mi * 60_000;
  const ss = Math.floor(ms / 1000);
  ms -= ss * 1000;
  const year = y < 1000 ? String(y).padStart(4, "0") : String(y);
  return `${year}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mi)}:${pad2(ss)}.${pad3(ms)}Z`;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * Parses "YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±HH:MM)" (the form the request schema accepts) to epoch
 * ms; anything else goes to Date.parse. NaN when invalid.
 */
export function parseIso(text: string): number {
  const n = text.length;
  if (
    n < 17 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58
  ) {
    return Date.parse(text);
  }
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + two(text, 2);
  const mo = two(text, 5);
  const d = two(text, 8);
  const hh = two(text, 11);
  const mi = two(text, 14);
  let i = 16;
  let ss = 0;
  let ms = 0;
  if (text.charCodeAt(i) === 58) {
    ss = two(text, i + 1);
    i += 3;
    if (text.charCodeAt(i) === 46) {
      i++;
      let scale = 100;
      while (i < n) {
        const c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale;
        scale /= 10;
        i++;
      }
      ms = Math.floor(ms);
    }
  }
  let offset = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90 || sign === 122) {
    i++;
  } else if ((sign === 43 || sign === 45) && i + 6 === n && text.charCodeAt(i + 3) === 58) {
    offset = (two(text, i + 1) * 60 + two(text, i + 4)) * 60_000 * (sign === 45 ? -1 : 1);
    i += 6;
  } else {
    return Date.parse(text);
  }
  if (
    i !== n ||
    !(y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && hh <= 24 && mi <= 59 && ss <= 59)
  ) {
    return Date.parse(text);
  }
  return daysFromCivil(y, mo, d) * DAY + ((hh * 60 + mi) * 60 + ss) * 1000 + ms - offset;
}
