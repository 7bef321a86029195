export type Lang = "fr" | "en";

/** French when the Accept-Language header prefers French over English, English otherwise. */
export function langFromHeader(header: string | undefined, fallback: Lang = "en"): Lang {
  if (!header) return fallback;
  let best: Lang | undefined;
  let bestQ = -1;
  for (const part of header.split(",")) {
    const [tag = "", ...rest] = part.trim().split(";");
    const q = rest.find((r) => r.trim().startsWith("q="));
    const weight = q ? Number(q.trim().slice(2)) : 1;
    const lang = tag.trim().slice(0, 2).toLowerCase();
    if ((lang === "fr" || lang === "en") && weight > bestQ) {
      best = lang;
      bestQ = weight;
    }
  }
  return best ?? fallback;
}
