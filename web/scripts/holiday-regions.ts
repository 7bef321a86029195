// Regenerates web/src/data/holiday-regions.json (country → region code → name) from date-holidays,
// so the browser can offer the regions the server knows without shipping date-holidays itself.
// Run: node web/scripts/holiday-regions.ts
import { writeFileSync } from "node:fs";
import Holidays from "date-holidays";

const holidays = new Holidays();
const out: Record<string, Record<string, string>> = {};
for (const country of Object.keys(holidays.getCountries("en")).sort()) {
  out[country] = holidays.getStates(country) ?? {};
}
const target = new URL("../src/data/holiday-regions.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`${Object.keys(out).length} countries written to ${target.pathname}`);
