// The text of a PDF for assertions: pdftotext (poppler) when installed, else a small reader of
// our own PDFs (pdfkit, standard fonts: text shown as WinAnsi hex strings in Flate streams).
import { execFileSync } from "node:child_process";
import { inflateSync } from "node:zlib";

let hasPdftotext: boolean | undefined;

function pdftotext(pdf: Buffer): string | null {
  if (hasPdftotext === false) return null;
  try {
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf });
    hasPdftotext = true;
    return text.toString("utf8");
  } catch {
    hasPdftotext = false;
    return null;
  }
}

const WIN_ANSI: Record<number, string> = {
  128: "€",
  133: "…",
  145: "‘",
  146: "’",
  147: "“",
  148: "”",
  150: "–",
  151: "—",
};

function fallback(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  let text = "";
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    // One line of text per BT … ET block.
    for (const block of body.matchAll(/BT([\s\S]*?)ET/g)) {
      for (const hex of block[1]!.matchAll(/<([0-9a-fA-F]+)>/g)) {
        const bytes = Buffer.from(hex[1]!, "hex");
        for (const b of bytes) text += WIN_ANSI[b] ?? String.fromCharCode(b);
      }
      text += "\n";
    }
  }
  return text;
}

/** The PDF's text, spaces normalised (no-break spaces become spaces). */
export function pdfText(pdf: Buffer): string {
  return (pdftotext(pdf) ?? fallback(pdf)).replace(/[\u00a0\u202f]/g, " ");
}
