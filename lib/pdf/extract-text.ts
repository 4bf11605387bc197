// Reads the text back out of a PDF that pdfkit wrote, so tests can check what a case file
// really contains (pdfkit writes glyph ids, not letters; each font's ToUnicode map turns
// them back). Handles what pdfkit produces — not a general PDF parser.
import zlib from "node:zlib";

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const latin = pdf.toString("latin1");
  const header = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(latin))) {
    const start = m.index + m[0].length;
    const streamAt = latin.indexOf("stream", start);
    const endAt = latin.indexOf("endobj", start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = latin.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      let from = streamAt + "stream".length;
      if (latin[from] === "\r") from++;
      if (latin[from] === "\n") from++;
      const raw = pdf.subarray(from, from + length);
      const stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
      objects.set(Number(m[1]), { dict, stream });
      header.lastIndex = from + length;
    } else {
      objects.set(Number(m[1]), { dict: latin.slice(start, endAt), stream: null });
      header.lastIndex = endAt;
    }
  }
  return objects;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

function hexToString(hex: string): string {
  let out = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** code → text, from a ToUnicode CMap (bfchar and bfrange, both forms). */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, dst] of section[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(code, 16), hexToString(dst));
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of section[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      if (rest.startsWith("[")) {
        const items = [...rest.matchAll(/<([0-9a-fA-F ]+)>/g)].map((x) => hexToString(x[1].replace(/\s+/g, "")));
        items.forEach((s, i) => map.set(from + i, s));
      } else {
        const base = parseInt(rest.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + (c - from)));
      }
    }
  }
  return map;
}

/** The text of every page, one line per text-showing operation. */
export function extractPdfText(pdf: Buffer): string {
  const objects = parseObjects(pdf);
  const catalogId = [...objects.entries()].find(([, o]) => /\/Type \/Catalog/.test(o.dict))?.[0];
  const pagesId = catalogId !== undefined ? ref(objects.get(catalogId)!.dict, "Pages") : null;
  const kids = pagesId !== null ? [...(/\/Kids \[([^\]]*)\]/.exec(objects.get(pagesId)!.dict)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((x) => Number(x[1])) : [];
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontId: number) => {
    if (!cmaps.has(fontId)) {
      const toUnicode = ref(objects.get(fontId)?.dict ?? "", "ToUnicode");
      cmaps.set(fontId, toUnicode !== null ? parseCMap(objects.get(toUnicode)?.stream?.toString("latin1") ?? "") : new Map());
    }
    return cmaps.get(fontId)!;
  };

  const lines: string[] = [];
  for (const pageId of kids) {
    const page = objects.get(pageId)!.dict;
    const resId = ref(page, "Resources");
    const resources = resId !== null ? objects.get(resId)!.dict : page;
    const fontBlock = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? "";
    const fonts = new Map([...fontBlock.matchAll(/\/(\w+) (\d+) 0 R/g)].map((x) => [x[1], Number(x[2])]));
    const contentId = ref(page, "Contents");
    const content = contentId !== null ? (objects.get(contentId)?.stream?.toString("latin1") ?? "") : "";
    let cmap = new Map<number, string>();
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (op[1]) {
        const fontId = fonts.get(op[1]);
        cmap = fontId !== undefined ? cmapOf(fontId) : new Map();
        continue;
      }
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]) : [op[3]];
      let line = "";
      for (const hex of hexes) for (let i = 0; i + 4 <= hex.length; i += 4) line += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? "";
      lines.push(line);
    }
  }
  return lines.join("\n");
}
