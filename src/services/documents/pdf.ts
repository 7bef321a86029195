// Shared layout of Cadre's PDFs (pdfkit, the standard Helvetica fonts, so nothing depends on the
// machine's fonts): page size by the reader's region, a quiet palette, tables that break across
// pages with their header repeated, and a footer with page numbers.
import PDFDocument from "pdfkit";

export type Doc = PDFKit.PDFDocument;

export const COLORS = {
  ink: "#1f2933",
  muted: "#616e7c",
  accent: "#1f5f5b",
  accentSoft: "#e6f0ef",
  line: "#d9e2ec",
  zebra: "#f7f9fa",
  warn: "#b44d12",
  good: "#2f7d32",
} as const;

export const FONT = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" };
export const MARGIN = 54;

// The standard fonts speak WinAnsi: the few characters outside it are replaced by their nearest.
const REPLACEMENTS: Record<string, string> = {
  "\u202f": "\u00a0", // narrow no-break space (French) → no-break space
  "\u2009": " ",
  "\u2192": "->",
  "\u2212": "-",
  "\u2011": "-",
};

export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text) out += REPLACEMENTS[ch] ?? ch;
  return out;
}

/** Letter for North America, A4 elsewhere. */
export function pageSizeFor(locale: string): "LETTER" | "A4" {
  const region = locale.split(/[-_]/)[1]?.toUpperCase();
  return region === "CA" || region === "US" ? "LETTER" : "A4";
}

export interface NewDoc {
  doc: Doc;
  done(): Promise<Buffer>;
}

export function newDoc(options: {
  locale: string;
  title: string;
  subject: string;
  author: string;
  createdAt: number;
}): NewDoc {
  const doc = new PDFDocument({
    size: pageSizeFor(options.locale),
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: options.locale,
    displayTitle: true,
    info: {
      Title: winAnsi(options.title),
      Subject: winAnsi(options.subject),
      Author: winAnsi(options.author),
      Creator: "Cadre",
      Producer: "Cadre",
      CreationDate: new Date(options.createdAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font(FONT.regular).fillColor(COLORS.ink);
  return {
    doc,
    done: () => {
      doc.end();
      return finished;
    },
  };
}

export const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;
const bottom = (doc: Doc) => doc.page.height - MARGIN - 24; // keep room for the footer

/** Starts a new page when fewer than `needed` points are left. */
export function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > bottom(doc)) {
    doc.addPage();
    doc.y = MARGIN;
  }
}

export function write(
  doc: Doc,
  text: string,
  options: {
    x?: number;
    y?: number;
    width?: number;
    size?: number;
    font?: string;
    color?: string;
    align?: "left" | "right" | "center";
    lineGap?: number;
  } = {},
): void {
  doc
    .font(options.font ?? FONT.regular)
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? COLORS.ink);
  const x = options.x ?? MARGIN;
  const width = options.width ?? contentWidth(doc) - (x - MARGIN);
  if (options.y !== undefined) doc.y = options.y;
  doc.text(winAnsi(text), x, doc.y, {
    width,
    align: options.align ?? "left",
    lineGap: options.lineGap ?? 2,
  });
}

export function heightOf(doc: Doc, text: string, width: number, size = 10, font = FONT.regular) {
  doc.font(font).fontSize(size);
  return doc.heightOfString(winAnsi(text), { width, lineGap: 2 });
}

/** A section title with a thin rule under it. */
export function section(doc: Doc, title: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.8);
  write(doc, title.toUpperCase(), { size: 9, font: FONT.bold, color: COLORS.accent });
  const y = doc.y + 2;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + contentWidth(doc), y)
    .lineWidth(0.75)
    .strokeColor(COLORS.line)
    .stroke();
  doc.y = y + 6;
}

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: "left" | "right";
}

/** A table with a shaded header (repeated on each page) and zebra rows. */
export function table(doc: Doc, columns: Column[], rows: string[][]): void {
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const pad = 6;
  const header = () => {
    ensureSpace(doc, 40);
    const y = doc.y;
    doc.rect(MARGIN, y, total, 20).fill(COLORS.accentSoft);
    let x = MARGIN;
    columns.forEach((c, i) => {
      write(doc, c.header, {
        x: x + pad,
        y: y + 6,
        width: widths[i]! - pad * 2,
        size: 8.5,
        font: FONT.bold,
        color: COLORS.accent,
        align: c.align ?? "left",
      });
      x += widths[i]!;
    });
    doc.y = y + 20;
  };
  header();
  rows.forEach((row, r) => {
    const height =
      Math.max(...row.map((cell, i) => heightOf(doc, cell, widths[i]! - pad * 2, 9.5))) + pad * 2;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      doc.y = MARGIN;
      header();
    }
    const y = doc.y;
    if (r % 2 === 1) doc.rect(MARGIN, y, total, height).fill(COLORS.zebra);
    let x = MARGIN;
    row.forEach((cell, i) => {
      write(doc, cell, {
        x: x + pad,
        y: y + pad,
        width: widths[i]! - pad * 2,
        size: 9.5,
        align: columns[i]!.align ?? "left",
      });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + total, y + height)
      .lineWidth(0.5)
      .strokeColor(COLORS.line)
      .stroke();
    doc.y = y + height;
  });
}

/** "Label ……… value" pairs, label left and value right, in a box of `width` at the right edge. */
export function summary(
  doc: Doc,
  pairs: { label: string; value: string; strong?: boolean; bold?: boolean; color?: string }[],
  width = 250,
): void {
  const x = MARGIN + contentWidth(doc) - width;
  ensureSpace(doc, pairs.length * 18 + 10);
  for (const p of pairs) {
    if (p.bold) {
      doc.y += 2;
      const rule = doc.y - 4;
      doc
        .moveTo(x, rule)
        .lineTo(x + width, rule)
        .lineWidth(0.75)
        .strokeColor(COLORS.ink)
        .stroke();
    }
    const y = doc.y;
    if (p.strong) {
      doc.rect(x, y - 3, width, 22).fill(COLORS.accentSoft);
    }
    const size = p.strong ? 11 : 9.5;
    const font = p.strong || p.bold ? FONT.bold : FONT.regular;
    write(doc, p.label, {
      x: x + 8,
      y: y + (p.strong ? 2 : 0),
      width: width * 0.55,
      size,
      font,
      color: p.color ?? COLORS.ink,
    });
    write(doc, p.value, {
      x: x + width * 0.45,
      y: y + (p.strong ? 2 : 0),
      width: width * 0.55 - 8,
      size,
      font,
      color: p.color ?? COLORS.ink,
      align: "right",
    });
    doc.y = y + (p.strong ? 24 : 17);
  }
}

/** A label above a value, for the header blocks. */
export function labelled(
  doc: Doc,
  label: string,
  lines: string[],
  x: number,
  y: number,
  width: number,
) {
  write(doc, label.toUpperCase(), { x, y, width, size: 7.5, font: FONT.bold, color: COLORS.muted });
  for (const [i, line] of lines.entries()) {
    write(doc, line, { x, width, size: 10, font: i === 0 ? FONT.bold : FONT.regular });
  }
}

/** Writes the footer of every page: the document's name left, "page i / n" right. */
export function footers(doc: Doc, left: string, pageWord: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 10;
    // Writing below the bottom margin must not open a new page.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .moveTo(MARGIN, y - 8)
      .lineTo(doc.page.width - MARGIN, y - 8)
      .lineWidth(0.5)
      .strokeColor(COLORS.line)
      .stroke();
    write(doc, left, {
      x: MARGIN,
      y,
      width: contentWidth(doc) * 0.7,
      size: 8,
      color: COLORS.muted,
    });
    write(doc, `${pageWord} ${i + 1} / ${range.count}`, {
      x: MARGIN,
      y,
      width: contentWidth(doc),
      size: 8,
      color: COLORS.muted,
      align: "right",
    });
    doc.page.margins.bottom = saved;
  }
}

/** Label / value rows: the label bold on the left, the value wrapping on the right. */
export function keyValues(doc: Doc, rows: [string, string][], labelShare = 0.32): void {
  const width = contentWidth(doc);
  for (const [label, value] of rows) {
    const height = Math.max(
      heightOf(doc, label, width * labelShare - 8, 9.5, FONT.bold),
      heightOf(doc, value, width * (1 - labelShare), 9.5),
    );
    ensureSpace(doc, height + 6);
    const y = doc.y;
    write(doc, label, { x: MARGIN, y, width: width * labelShare - 8, size: 9.5, font: FONT.bold });
    write(doc, value, {
      x: MARGIN + width * labelShare,
      y,
      width: width * (1 - labelShare),
      size: 9.5,
    });
    doc.y = y + height + 5;
  }
}

/** A rate in percent with up to three decimals: 9.975 → "9,975 %". */
export function formatRate(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 5 }).format(
    percent / 100,
  );
}
