// Imported first by bench/run.ts, before any library touches Date.
// dayjs-business-time and opening_hours only work in the process's local time zone, so the whole
// benchmark process runs with TZ=America/Toronto (Cadre's own code takes the zone as data and does
// not read the process zone). Node picks up a runtime change of process.env.TZ for Date.
export const BENCH_TZ = "America/Toronto";

process.env.TZ = BENCH_TZ;

/** Throws unless local Date arithmetic really is in America/Toronto (EST in Jan, EDT in Jul). */
export function assertLocalZone(): void {
  const jan = new Date(2027, 0, 15, 12).getTimezoneOffset();
  const jul = new Date(2027, 6, 15, 12).getTimezoneOffset();
  if (jan !== 300 || jul !== 240) {
    throw new Error(
      `bench: process time zone is not ${BENCH_TZ} (offsets ${jan}/${jul} min); run with TZ=${BENCH_TZ}`,
    );
  }
}
