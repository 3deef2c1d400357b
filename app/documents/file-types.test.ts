import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { minimalPdf } from "../../tests/fixtures/files";
import { compoundFileNames, humanFileSize, MAX_UNCOMPRESSED_BYTES, sanitiseFilename, sniffFileType, zipEntryNames } from "./file-types";

// ---------------------------------------------------------------------------
// Tiny hand-built files
// ---------------------------------------------------------------------------

const bytes = (...parts: (string | number[] | Uint8Array)[]) => {
  const arrays = parts.map((p) =>
    typeof p === "string" ? Uint8Array.from(p, (c) => c.charCodeAt(0)) : p instanceof Uint8Array ? p : Uint8Array.from(p),
  );
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};
const utf8 = (s: string) => new TextEncoder().encode(s);

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

type ZipEntry = {
  name: string;
  content?: string;
  deflate?: boolean;
  /** Sizes to declare in the headers instead of the real ones. */
  compressedSize?: number;
  uncompressedSize?: number;
};

/** A ZIP file: local headers, and (unless told not to) a central directory. */
function zip(entries: ZipEntry[], options: { centralDirectory?: boolean; dataDescriptor?: boolean } = {}) {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const raw = utf8(e.content ?? "");
    const data = e.deflate ? new Uint8Array(deflateRawSync(raw)) : raw;
    const method = e.deflate ? 8 : 0;
    const flags = options.dataDescriptor ? 0x08 : 0;
    const compressedSize = e.compressedSize ?? data.length;
    const uncompressedSize = e.uncompressedSize ?? raw.length;
    const sizes = options.dataDescriptor ? [...le32(0), ...le32(0)] : [...le32(compressedSize), ...le32(uncompressedSize)];
    const local = bytes(
      [
        0x50,
        0x4b,
        0x03,
        0x04,
        ...le16(20),
        ...le16(flags),
        ...le16(method),
        0,
        0,
        0,
        0,
        ...le32(0),
        ...sizes,
        ...le16(name.length),
        ...le16(0),
      ],
      name,
      data,
    );
    const descriptor = options.dataDescriptor
      ? bytes([0x50, 0x4b, 0x07, 0x08, ...le32(0), ...le32(compressedSize), ...le32(uncompressedSize)])
      : bytes();
    centrals.push(
      bytes(
        [0x50, 0x4b, 0x01, 0x02, ...le16(20), ...le16(20), ...le16(flags), ...le16(method), 0, 0, 0, 0, ...le32(0)],
        [
          ...le32(compressedSize),
          ...le32(uncompressedSize),
          ...le16(name.length),
          ...le16(0),
          ...le16(0),
          ...le16(0),
          ...le16(0),
          ...le32(0),
          ...le32(offset),
        ],
        name,
      ),
    );
    locals.push(local, descriptor);
    offset += local.length + descriptor.length;
  }
  if (options.centralDirectory === false) return bytes(...locals);
  const cd = bytes(...centrals);
  const end = bytes([
    0x50,
    0x4b,
    0x05,
    0x06,
    0,
    0,
    0,
    0,
    ...le16(entries.length),
    ...le16(entries.length),
    ...le32(cd.length),
    ...le32(offset),
    0,
    0,
  ]);
  return bytes(...locals, cd, end);
}

const CONTENT_TYPES = { name: "[Content_Types].xml", content: '<?xml version="1.0"?><Types/>', deflate: true };
const docx = (extra: ZipEntry[] = []) =>
  zip([
    CONTENT_TYPES,
    { name: "_rels/.rels", content: "<Relationships/>" },
    { name: "word/document.xml", content: "<w:document/>", deflate: true },
    ...extra,
  ]);

/** An OLE2 compound file with 512-byte sectors: header, one FAT sector, one directory sector. */
function compoundFile(names: string[]) {
  const header = new Uint8Array(512).fill(0);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  header.set([...le16(0x3e), ...le16(3), 0xfe, 0xff, ...le16(9), ...le16(6)], 0x18);
  header.set(le32(1), 0x2c); // FAT sectors
  header.set(le32(1), 0x30); // first directory sector
  header.set(le32(4096), 0x38);
  header.set(le32(0xfffffffe), 0x3c);
  header.set(le32(0xfffffffe), 0x44);
  header.set(le32(0), 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.set(le32(0xffffffff), 0x4c + i * 4);
  const fat = new Uint8Array(512).fill(0xff);
  fat.set([...le32(0xfffffffd), ...le32(0xfffffffe)]);
  const dir = new Uint8Array(512).fill(0);
  ["Root Entry", ...names].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    for (let c = 0; c < name.length; c++) dir.set(le16(name.charCodeAt(c)), at + c * 2);
    dir.set(le16((name.length + 1) * 2), at + 0x40);
    dir[at + 0x42] = i === 0 ? 5 : name === "Macros" || name === "ObjectPool" ? 1 : 2;
  });
  return bytes(header, fat, dir);
}

const extensionOf = (b: Uint8Array) => sniffFileType(b)?.extension ?? null;

// ---------------------------------------------------------------------------

describe("sniffFileType: documents and images by their magic bytes", () => {
  it.each([
    ["PDF", minimalPdf("Notes of the strategy meeting"), "pdf", "application/pdf"],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "png", "image/png"],
    ["JPEG (JFIF)", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "jpg", "image/jpeg"],
    ["JPEG (Exif)", bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34]), "jpg", "image/jpeg"],
    ["GIF87a", bytes("GIF87a", [1, 0, 1, 0]), "gif", "image/gif"],
    ["GIF89a", bytes("GIF89a", [1, 0, 1, 0]), "gif", "image/gif"],
    ["WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "webp", "image/webp"],
    ["HEIC", bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic"), "heic", "image/heic"],
    ["HEIF with a HEVC brand", bytes([0, 0, 0, 0x18], "ftypmif1", [0, 0, 0, 0], "mif1heix"), "heic", "image/heic"],
    ["RTF", bytes("{\\rtf1\\ansi\\deff0 {\\fonttbl}}"), "rtf", "application/rtf"],
  ])("%s", (_name, file, extension, mediaType) => {
    expect(sniffFileType(file)).toMatchObject({ extension, mediaType });
  });

  it("knows a DOCX from its central directory, stored or deflated", () => {
    expect(sniffFileType(docx())).toEqual({
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      extension: "docx",
      label: "Word document",
    });
    expect(zipEntryNames(docx())).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
  });

  it("refuses a DOCX or ODT without a central directory, which every real one has", () => {
    const file = zip([CONTENT_TYPES, { name: "word/document.xml", content: "<w:document/>" }], { centralDirectory: false });
    expect(extensionOf(file)).toBeNull();
    expect(zipEntryNames(file)).toEqual([]);
    const withDescriptors = zip([CONTENT_TYPES, { name: "word/document.xml", content: "<w:document/>" }], {
      centralDirectory: false,
      dataDescriptor: true,
    });
    expect(extensionOf(withDescriptors)).toBeNull();
    const odt = zip([{ name: "mimetype", content: "application/vnd.oasis.opendocument.text" }], { centralDirectory: false });
    expect(extensionOf(odt)).toBeNull();
  });

  it("reads the central directory when the local headers carry no sizes (data descriptors)", () => {
    const file = zip(
      [CONTENT_TYPES, { name: "word/styles.xml", content: "<s/>", deflate: true }, { name: "word/document.xml", content: "<d/>" }],
      {
        dataDescriptor: true,
      },
    );
    expect(extensionOf(file)).toBe("docx");
  });

  it("refuses plain ZIPs, other Office files and Word files with macros", () => {
    expect(sniffFileType(zip([{ name: "photos/one.jpg", content: "x" }]))).toBeNull();
    expect(sniffFileType(zip([CONTENT_TYPES, { name: "xl/workbook.xml", content: "<w/>" }]))).toBeNull();
    expect(sniffFileType(zip([CONTENT_TYPES, { name: "ppt/presentation.xml", content: "<p/>" }]))).toBeNull();
    expect(sniffFileType(docx([{ name: "word/vbaProject.bin", content: "macro" }]))).toBeNull();
    expect(sniffFileType(zip([{ name: "word/document.xml", content: "<d/>" }]))).toBeNull(); // not an OOXML package
    expect(sniffFileType(bytes([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).toBeNull(); // empty ZIP
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBeNull(); // truncated
  });

  it("knows an OpenDocument text by its mimetype entry, and refuses other OpenDocument files", () => {
    const odt = zip([
      { name: "mimetype", content: "application/vnd.oasis.opendocument.text" },
      { name: "content.xml", content: "<x/>", deflate: true },
    ]);
    expect(sniffFileType(odt)).toMatchObject({ extension: "odt", mediaType: "application/vnd.oasis.opendocument.text" });
    const ods = zip([
      { name: "mimetype", content: "application/vnd.oasis.opendocument.spreadsheet" },
      { name: "content.xml", content: "<x/>" },
    ]);
    expect(sniffFileType(ods)).toBeNull();
    const withMacros = zip([
      { name: "mimetype", content: "application/vnd.oasis.opendocument.text" },
      { name: "Basic/Standard/Module1.xml", content: "Sub Main" },
    ]);
    expect(sniffFileType(withMacros)).toBeNull();
  });

  it("knows a Word 97-2003 document by its WordDocument stream, and refuses other OLE2 files", () => {
    const doc = compoundFile(["WordDocument", "1Table", "\u0005SummaryInformation"]);
    expect(compoundFileNames(doc)).toEqual(["Root Entry", "WordDocument", "1Table", "\u0005SummaryInformation"]);
    expect(sniffFileType(doc)).toMatchObject({ extension: "doc", mediaType: "application/msword", label: "Word document" });
    expect(sniffFileType(compoundFile(["Workbook"]))).toBeNull(); // Excel
    expect(sniffFileType(compoundFile(["PowerPoint Document"]))).toBeNull();
    expect(sniffFileType(compoundFile(["WordDocument", "1Table", "Macros"]))).toBeNull();
    expect(sniffFileType(doc.subarray(0, 600))).toBeNull(); // truncated
    expect(sniffFileType(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull();
  });

  it("refuses other binary formats", () => {
    expect(sniffFileType(bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], "This program cannot be run in DOS mode"))).toBeNull(); // Windows executable
    expect(sniffFileType(bytes([0x7f], "ELF", [2, 1, 1, 0]))).toBeNull();
    expect(sniffFileType(bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).toBeNull(); // gzip
    expect(sniffFileType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(sniffFileType(bytes([0, 0, 0, 0x18], "ftypisom", [0, 0, 2, 0], "isomiso2"))).toBeNull(); // MP4
    expect(sniffFileType(bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0], "avifmif1miaf"))).toBeNull(); // AVIF
    expect(sniffFileType(bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34]))).toBeNull(); // Java class
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// PDF structure and polyglots
// ---------------------------------------------------------------------------

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join("");
/** The file with its text changed (the PDFs here are bytes below 0x100, one character each). */
const editPdf = (file: Uint8Array, change: (text: string) => string) => bytes(change(latin1(file)));
const startxrefOf = (file: Uint8Array) => Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(file))![1]);

/** The same bytes every run, with no structure at all. */
function noise(length: number, seed = 42) {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** An incremental update, as a form filler or a signature writes one: a new version of object 3 and a second %%EOF. */
function withIncrementalUpdate(file: Uint8Array) {
  let update = "3 0 obj\n<</Type/Page/Parent 2 0 R/Resources<<>>/Rotate 90>>\nendobj\n";
  const xref = file.length + update.length;
  update += `xref\n0 1\n0000000000 65535 f \n3 1\n${String(file.length).padStart(10, "0")} 00000 n \n`;
  update += `trailer\n<</Size 4/Root 1 0 R/Prev ${startxrefOf(file)}>>\nstartxref\n${xref}\n%%EOF\n`;
  return bytes(file, update);
}

describe("sniffFileType: PDF structure", () => {
  it("accepts a well-formed PDF, whose cross-reference table points at its objects", () => {
    for (const file of [minimalPdf(), minimalPdf("Notes of the call"), minimalPdf("Padded", { size: 5000 })]) {
      const text = latin1(file);
      const xref = startxrefOf(file);
      expect(text.slice(xref, xref + 5)).toBe("xref\n");
      const offsets = Array.from(text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm), (m) => Number(m[1]));
      expect(offsets.length).toBeGreaterThanOrEqual(3);
      offsets.forEach((offset, i) => expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
      expect(sniffFileType(file)).toMatchObject({ extension: "pdf", mediaType: "application/pdf", label: "PDF" });
    }
    expect(minimalPdf("Padded", { size: 5000 })).toHaveLength(5000);
  });

  it.each([
    [
      "a startxref offset a few bytes out and junk after %%EOF",
      editPdf(
        minimalPdf("Hello"),
        (t) => t.replace(/startxref\n(\d+)/, (_, n) => `startxref\n${Number(n) - 7}`) + "\r\n\0\0 junk from an email gateway",
      ),
    ],
    [
      "every line ending turned into CRLF (all the offsets now wrong, but inside the file)",
      editPdf(minimalPdf("Hello"), (t) => t.replace(/\n/g, "\r\n")),
    ],
    ["a startxref offset of 0 (readers rebuild the table)", editPdf(minimalPdf(), (t) => t.replace(/startxref\n\d+/, "startxref\n0"))],
    ["nearly 2 KB of trailing zeros", bytes(minimalPdf(), new Uint8Array(2040))],
    ["version 1.0", editPdf(minimalPdf(), (t) => t.replace("%PDF-1.4", "%PDF-1.0"))],
    ["version 1.7 with CRLF after the header", editPdf(minimalPdf(), (t) => t.replace("%PDF-1.4\n", "%PDF-1.7\r\n"))],
    ["version 2.0", editPdf(minimalPdf(), (t) => t.replace("%PDF-1.4", "%PDF-2.0"))],
    ["an incremental update with two %%EOF markers", withIncrementalUpdate(minimalPdf())],
    [
      "text that mentions markup after the first 1 KB (browsers sniff only the start)",
      minimalPdf("<script> tags in a web page", { size: 4000 }),
    ],
  ])("accepts %s", (_name, file) => {
    expect(extensionOf(file)).toBe("pdf");
  });

  it.each([
    ["%PDF-1.4 and then HTML", bytes("%PDF-1.4\n<html><script>alert(1)</script></html>")],
    ["%PDF-1.7 and then random bytes", bytes("%PDF-1.7\n", noise(4096))],
    ["%PDF-1.7 and then random bytes ending in %%EOF", bytes("%PDF-1.7\n", noise(4096), "\nstartxref\n9\n%%EOF\n")],
    ["only a header", bytes("%PDF-1.7\n")],
    ["objects and %%EOF but no startxref", bytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")],
    ["a cross-reference table and no object", bytes("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer<</Size 1>>\nstartxref\n9\n%%EOF\n")],
    ["objects that never end", editPdf(minimalPdf(), (t) => t.replace(/endobj/g, "endobx"))],
    ["no startxref", editPdf(minimalPdf(), (t) => t.replace("startxref", "startxrfe"))],
    ["a startxref with no offset", editPdf(minimalPdf(), (t) => t.replace(/startxref\n\d+/, "startxref\n"))],
    ["a startxref offset past the end of the file", editPdf(minimalPdf(), (t) => t.replace(/startxref\n\d+/, "startxref\n99999"))],
    ["no %%EOF (truncated)", minimalPdf().subarray(0, minimalPdf().length - 7)],
    ["%%EOF more than 2 KB before the end", bytes(minimalPdf(), new Uint8Array(2100))],
    ["an unknown version", editPdf(minimalPdf(), (t) => t.replace("%PDF-1.4", "%PDF-3.0"))],
    ["a version with no line ending after it", editPdf(minimalPdf(), (t) => t.replace("%PDF-1.4\n", "%PDF-1.4x\n"))],
  ])("refuses %s", (_name, file) => {
    expect(sniffFileType(file)).toBeNull();
  });

  it.each([
    ["<html>", "<html><body>Hi</body></html>"],
    ["<script>", "<script>alert(document.cookie)</script>"],
    ["<body>", "< body onload=alert(1)>"],
    ["<iframe>", '<iframe src="https://example.com">'],
    ["<svg>", '<svg onload="alert(1)">'],
    ["<!DOCTYPE html>", "<!DOCTYPE html>"],
    ['<meta http-equiv="refresh">', '<meta http-equiv="refresh" content="0;url=https://example.com">'],
  ])("refuses a polyglot: a well-formed PDF with %s in its first 1 KB", (_name, markup) => {
    expect(extensionOf(minimalPdf(markup))).toBeNull(); // in the page's text
    // In a comment after the header (the offsets move, which readers forgive).
    expect(extensionOf(editPdf(minimalPdf(), (t) => t.replace("%PDF-1.4\n", `%PDF-1.4\n%${markup}\n`)))).toBeNull();
    // The same file without the markup is accepted.
    expect(extensionOf(editPdf(minimalPdf(), (t) => t.replace("%PDF-1.4\n", "%PDF-1.4\n%a comment\n")))).toBe("pdf");
  });
});

// ---------------------------------------------------------------------------
// ZIP bombs
// ---------------------------------------------------------------------------

const MiB = 1024 * 1024;
const ODT_MIMETYPE_ENTRY = { name: "mimetype", content: "application/vnd.oasis.opendocument.text" };
const odt = (extra: ZipEntry[] = []) => zip([ODT_MIMETYPE_ENTRY, { name: "content.xml", content: "<x/>", deflate: true }, ...extra]);

/** XML that compresses about as well as a long Word document's does. */
function wordXml(length: number) {
  const words = Array.from(noise(4000, 7), (b, i) => String.fromCharCode(97 + (b % 26)).repeat(1 + (i % 9)));
  let xml = "";
  for (let i = 0; xml.length < length; i++)
    xml += `<w:p><w:r><w:t>${words[i % words.length]} ${words[(i * 7) % words.length]}</w:t></w:r></w:p>`;
  return xml.slice(0, length);
}

/** Sets the end-of-central-directory record's entry counts to ZIP64's 0xFFFF. */
function withZip64EndRecord(file: Uint8Array) {
  const out = file.slice();
  out.set([0xff, 0xff, 0xff, 0xff], out.length - 22 + 8);
  return out;
}

describe("sniffFileType: ZIP bombs (DOCX and ODT)", () => {
  it("limits what a DOCX may declare it expands to, 100 MB by default", () => {
    expect(MAX_UNCOMPRESSED_BYTES).toBe(100 * MiB);
    const entries = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `word/media/image${i}.png`, content: "x", uncompressedSize: MiB }));
    expect(extensionOf(docx(entries(99)))).toBe("docx");
    expect(extensionOf(docx(entries(100)))).toBeNull(); // 100 MB and a little more
    expect(extensionOf(docx([{ name: "word/document.xml", content: "<w:document/>", uncompressedSize: 2 * 1024 * MiB }]))).toBeNull();
  });

  it("takes another limit from its options", () => {
    const file = docx([{ name: "word/media/image1.png", content: "x", uncompressedSize: MiB }]);
    expect(sniffFileType(file, { maxUncompressedBytes: MiB })).toBeNull();
    expect(sniffFileType(file, { maxUncompressedBytes: 2 * MiB })?.extension).toBe("docx");
    const entries = Array.from({ length: 150 }, (_, i) => ({ name: `word/media/image${i}.png`, content: "x", uncompressedSize: MiB }));
    expect(sniffFileType(docx(entries), { maxUncompressedBytes: 200 * MiB })?.extension).toBe("docx");
  });

  it("refuses an entry over 1 MB compressed more than 200 times, and accepts ordinary ones", () => {
    const bomb = docx([{ name: "word/media/zeros.bin", content: "\0".repeat(8 * MiB), deflate: true }]);
    expect(extensionOf(bomb)).toBeNull();
    // Small entries may compress as well as they like.
    expect(extensionOf(docx([{ name: "word/media/zeros.bin", content: "\0".repeat(MiB), deflate: true }]))).toBe("docx");
    // A long document compresses far less.
    const long = docx([{ name: "word/footnotes.xml", content: wordXml(3 * MiB), deflate: true }]);
    expect(extensionOf(long)).toBe("docx");
    // Nothing compressed at all and declared big.
    expect(extensionOf(docx([{ name: "word/media/a.bin", content: "", uncompressedSize: 2 * MiB }]))).toBeNull();
  });

  it("refuses a DOCX that overstates its compressed sizes to hide its ratio", () => {
    const file = docx([{ name: "word/media/zeros.bin", content: "\0".repeat(8 * MiB), deflate: true, compressedSize: 100_000 }]);
    expect(extensionOf(file)).toBeNull();
  });

  it("refuses more than 5,000 entries", () => {
    const parts = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `customXml/item${i}.xml`, content: "<a/>" }));
    expect(extensionOf(docx(parts(4997)))).toBe("docx"); // 5,000 with the three of docx()
    expect(extensionOf(docx(parts(4998)))).toBeNull();
  });

  it("refuses ZIP64 sizes and a ZIP64 end record", () => {
    expect(extensionOf(docx([{ name: "word/media/big.bin", content: "x", uncompressedSize: 0xffffffff }]))).toBeNull();
    expect(extensionOf(docx([{ name: "word/media/big.bin", content: "x", compressedSize: 0xffffffff }]))).toBeNull();
    expect(extensionOf(withZip64EndRecord(docx()))).toBeNull();
    expect(extensionOf(withZip64EndRecord(odt()))).toBeNull();
  });

  it("refuses an ODT bomb", () => {
    expect(extensionOf(odt())).toBe("odt");
    expect(extensionOf(odt([{ name: "Pictures/zeros.bin", content: "\0".repeat(8 * MiB), deflate: true }]))).toBeNull();
    expect(extensionOf(odt([{ name: "Pictures/huge.png", content: "x", uncompressedSize: 2 * 1024 * MiB }]))).toBeNull();
    expect(extensionOf(odt([{ name: "Pictures/big.png", content: "x", uncompressedSize: 0xffffffff }]))).toBeNull();
  });

  it("refuses a central directory that does not match the file", () => {
    const file = docx();
    const moved = file.slice();
    const end = moved.length - 22;
    moved.set(le32(1), end + 16); // the directory said to start at byte 1
    expect(extensionOf(moved)).toBeNull();
    const wrongLocal = file.slice();
    const cd = new DataView(wrongLocal.buffer).getUint32(end + 16, true);
    wrongLocal.set(le32(5), cd + 42); // the first entry's local header said to be at byte 5
    expect(extensionOf(wrongLocal)).toBeNull();
  });
});

describe("sniffFileType: plain text", () => {
  it.each([
    ["plain ASCII", "Notes of the call with the head teacher.\n"],
    ["UTF-8 with £, accents and emoji", "Zoë paid £20 – déjà vu 👍\r\n"],
    ["a UTF-8 byte order mark", "\uFEFFNotes"],
    ["tabs, form feeds and CRLF", "a\tb\r\nc\fd"],
    ["prose that starts like a keyword", "Let me explain what happened on 3 March."],
    ["a class name", "class 5B had a supply teacher"],
    ["an email address with angle brackets later on", "From: Jo Bloggs\nTo: <lado@example.org>"],
    ["a percentage sign first", "%20 of pupils"],
    ["JSON", '{"name": "value"}'],
  ])("accepts %s as UTF-8 text", (_name, text) => {
    expect(sniffFileType(utf8(text))).toEqual({ mediaType: "text/plain; charset=utf-8", extension: "txt", label: "Text file" });
  });

  it("accepts Windows-1252 text (£ as 0xA3) and says so", () => {
    expect(sniffFileType(bytes("Cost: ", [0xa3], "20 ", [0x96], " paid\r\n"))).toMatchObject({
      mediaType: "text/plain; charset=windows-1252",
      extension: "txt",
    });
    expect(sniffFileType(bytes("undefined byte ", [0x81]))).toBeNull();
  });

  it("tolerates a trailing DOS end-of-file mark only at the very end", () => {
    expect(extensionOf(bytes("old file\r\n", [0x1a]))).toBe("txt");
    expect(sniffFileType(bytes("old", [0x1a], "file"))).toBeNull();
  });

  it.each([
    ["a NUL byte", bytes("text", [0], "more")],
    ["an escape character", bytes("text", [0x1b], "[31m")],
    ["DEL", bytes("text", [0x7f])],
    ["a C1 control in UTF-8", utf8("text\u0085more")],
    ["UTF-16 with a byte order mark", bytes([0xff, 0xfe, 0x68, 0, 0x69, 0])],
  ])("refuses text with %s", (_name, file) => {
    expect(sniffFileType(file)).toBeNull();
  });

  it.each([
    ["HTML", "<!DOCTYPE html><html><body>hi</body></html>"],
    ["HTML in lower case after blank lines", "\n\n   <html>"],
    ["an HTML fragment", "<p>Hello</p>"],
    ["SVG", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ["XML", '<?xml version="1.0"?><a/>'],
    ["a comment", "<!-- x -->"],
    ["a script tag after some text", "Hello there\n<script>alert(1)</script>"],
    ["an iframe after some text", "Click: < iframe src=x>"],
    ["a shell script", "#!/bin/sh\nrm -rf /"],
    ["JavaScript: a const", "const payload = 1;"],
    ["JavaScript: use strict", '"use strict";\nfoo()'],
    ["JavaScript: a function", "function run(a) { return a }"],
    ["JavaScript: an IIFE", "(function () { })()"],
    ["JavaScript: an import", 'import fs from "node:fs";'],
    ["JavaScript: a side-effect import", 'import "./x.js";'],
    ["JavaScript: an export", "export default {}"],
    ["JavaScript: a leading comment", "// bundle\nvar a=1"],
    ["JavaScript: a licence comment", "/*! lib v1 */"],
    ["a batch file", "@ECHO OFF\r\ndel *.*"],
    ["server-page markup", "<% Response.Write(1) %>"],
  ])("refuses %s", (_name, text) => {
    expect(sniffFileType(utf8(text))).toBeNull();
  });

  it("decides by content: a PDF that starts late is text, not a PDF", () => {
    expect(extensionOf(utf8("xx%PDF-1.7"))).toBe("txt");
  });
});

describe("sanitiseFilename", () => {
  it.each([
    ["report.pdf", "pdf", "report.pdf"],
    ["REPORT.PDF", "pdf", "REPORT.PDF"],
    ["report.pdf.exe", "pdf", "report.pdf"],
    ["invoice.exe", "pdf", "invoice.pdf"],
    ["invoice.html", "txt", "invoice.txt"],
    ["photo.jpeg", "jpg", "photo.jpeg"],
    ["IMG_0042.JPG", "jpg", "IMG_0042.JPG"],
    ["photo.png", "jpg", "photo.jpg"],
    ["IMG_0001.HEIF", "heic", "IMG_0001.HEIF"],
    ["statement", "docx", "statement.docx"],
    ["notes v1.2", "txt", "notes v1.2.txt"],
    ["Meeting 12.03.2026", "txt", "Meeting 12.03.2026.txt"],
    ["archive.tar.gz", "pdf", "archive.tar.pdf"],
    ["file.", "pdf", "file.pdf"],
    ["C:\\Users\\jo\\Desktop\\notes.txt", "txt", "notes.txt"],
    ["../../etc/passwd", "txt", "passwd.txt"],
    ["/var/www/index.html", "txt", "index.txt"],
    [".htaccess", "txt", "htaccess.txt"],
    ["...hidden.pdf", "pdf", "hidden.pdf"],
    [".pdf", "pdf", "attachment.pdf"],
    ["", "pdf", "attachment.pdf"],
    ["....", "pdf", "attachment.pdf"],
    ["<>.pdf", "pdf", "attachment.pdf"],
    ['a<b>c:d"e|f?g*h.pdf', "pdf", "a b c d e f g h.pdf"],
    ["tab\tand\nnew line.pdf", "pdf", "tab and new line.pdf"],
    ["bell\u0007 and nul\u0000.pdf", "pdf", "bell and nul.pdf"],
    ["evil\u202Etxt.exe", "pdf", "eviltxt.pdf"],
    ["zero\u200Bwidth.pdf", "pdf", "zerowidth.pdf"],
    ["  many   spaces  .pdf", "pdf", "many spaces.pdf"],
    ["Zoë's statement – März (final) & notes.docx", "docx", "Zoë's statement – März (final) & notes.docx"],
    ["报告.pdf", "pdf", "报告.pdf"],
    ["Zoe\u0308.pdf", "pdf", "Zoë.pdf"], // NFC
    ["con.txt", "txt", "con_.txt"],
    ["LPT1", "txt", "LPT1_.txt"],
    ["report.pdf", "PDF", "report.pdf"],
  ])("%j as %s: %j", (name, extension, expected) => {
    expect(sanitiseFilename(name, extension)).toBe(expected);
  });

  it("keeps names to 100 characters without splitting a character", () => {
    const long = sanitiseFilename(`${"a".repeat(300)}.pdf`, "pdf");
    expect(long).toHaveLength(100);
    expect(long.endsWith("a.pdf")).toBe(true);
    const emoji = sanitiseFilename(`${"📄".repeat(150)}.pdf`, "pdf");
    expect(Array.from(emoji)).toHaveLength(100);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(sanitiseFilename(`${"a".repeat(94)}. . . x.pdf`, "pdf")).toBe(`${"a".repeat(94)}.pdf`);
  });

  it("is idempotent", () => {
    for (const [name, ext] of [
      ["report.pdf.exe", "pdf"],
      ["notes v1.2", "txt"],
      ["con.txt", "txt"],
      [`${"b".repeat(200)}.docx`, "docx"],
      ["evil\u202Etxt.exe", "pdf"],
      ["", "jpg"],
    ]) {
      const once = sanitiseFilename(name!, ext!);
      expect(sanitiseFilename(once, ext!)).toBe(once);
    }
  });
});

describe("humanFileSize", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1023 bytes"],
    [1024, "1 KB"],
    [1536, "1.5 KB"],
    [15_360, "15 KB"],
    [2.4 * 1024 * 1024, "2.4 MB"],
    [10 * 1024 * 1024, "10 MB"],
    [3 * 1024 ** 3, "3 GB"],
  ])("%d bytes is %s", (size, expected) => {
    expect(humanFileSize(size)).toBe(expected);
  });
});
