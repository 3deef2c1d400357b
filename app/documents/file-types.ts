// What a file really is, from its first bytes rather than its name, and a
// safe name to keep it under. Pure: no Node APIs, so pages may import it too.
//
// Accepted: PDF, Word (DOCX, DOC, RTF, ODT), images (JPEG, PNG, GIF, WebP,
// HEIC) and plain text. Anything else, including HTML, SVG, scripts,
// executables, plain ZIPs, other Office files and Word files with macros, is
// refused (null), as are PDFs that are not structured as PDFs or that start
// with markup (HTML polyglots) and DOCX or ODT files that would expand to
// too much (ZIP bombs).

export type SniffedType = {
  /** The Content-Type the file is stored and served with. */
  mediaType: string;
  /** The extension its name is given, lower case, no dot. */
  extension: string;
  /** What to call it on a page. */
  label: string;
};

const PDF: SniffedType = { mediaType: "application/pdf", extension: "pdf", label: "PDF" };
const PNG: SniffedType = { mediaType: "image/png", extension: "png", label: "PNG image" };
const JPEG: SniffedType = { mediaType: "image/jpeg", extension: "jpg", label: "JPEG image" };
const GIF: SniffedType = { mediaType: "image/gif", extension: "gif", label: "GIF image" };
const WEBP: SniffedType = { mediaType: "image/webp", extension: "webp", label: "WebP image" };
const HEIC: SniffedType = { mediaType: "image/heic", extension: "heic", label: "HEIC image" };
const DOCX: SniffedType = {
  mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  extension: "docx",
  label: "Word document",
};
const DOC: SniffedType = { mediaType: "application/msword", extension: "doc", label: "Word document" };
const RTF: SniffedType = { mediaType: "application/rtf", extension: "rtf", label: "Rich Text Format document" };
const ODT: SniffedType = {
  mediaType: "application/vnd.oasis.opendocument.text",
  extension: "odt",
  label: "OpenDocument text",
};
const TEXT_UTF8: SniffedType = { mediaType: "text/plain; charset=utf-8", extension: "txt", label: "Text file" };
const TEXT_1252: SniffedType = { mediaType: "text/plain; charset=windows-1252", extension: "txt", label: "Text file" };

/** Every type sniffFileType can return. */
export const acceptedFileTypes: readonly SniffedType[] = [PDF, DOCX, DOC, RTF, ODT, JPEG, PNG, GIF, WEBP, HEIC, TEXT_UTF8, TEXT_1252];

/** The name of the referral form's file input. */
export const ATTACHMENTS_FIELD = "attachments";

/** For the file input's `accept` attribute: a hint to the browser only; the server sniffs. */
export const acceptAttribute = [
  ".pdf",
  ".doc",
  ".docx",
  ".rtf",
  ".odt",
  ".jpg",
  ".jpeg",
  ".png",
  ".gif",
  ".webp",
  ".heic",
  ".heif",
  ".txt",
  "application/pdf",
  "image/*",
  "text/plain",
].join(",");

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const readAscii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(bytes.length, from + length)));
const u16 = (b: Uint8Array, at: number) => (at + 2 <= b.length ? b[at]! | (b[at + 1]! << 8) : -1);
const u32 = (b: Uint8Array, at: number) =>
  at + 4 <= b.length ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0 : -1;
const u32be = (b: Uint8Array, at: number) =>
  at + 4 <= b.length ? ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0 : -1;

/** Where an ASCII string first lies wholly within bytes[from, to), or -1. */
function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length) {
  const start = Math.max(0, from);
  const hay = bytes.subarray(start, Math.max(start, to));
  const pattern = ascii(needle);
  for (let at = hay.indexOf(pattern[0]!); at >= 0 && at + pattern.length <= hay.length; at = hay.indexOf(pattern[0]!, at + 1)) {
    if (startsWith(hay, pattern, at)) return start + at;
  }
  return -1;
}

/** Where an ASCII string last lies wholly within bytes[from, to), or -1. */
function lastIndexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length) {
  const start = Math.max(0, from);
  const hay = bytes.subarray(start, Math.max(start, to));
  const pattern = ascii(needle);
  for (let at = hay.length - pattern.length; at >= 0; at--) {
    at = hay.lastIndexOf(pattern[0]!, at);
    if (at < 0) return -1;
    if (startsWith(hay, pattern, at)) return start + at;
  }
  return -1;
}

/** Biggest total a DOCX or ODT may declare its entries expand to, unless told otherwise. */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

export type SniffOptions = {
  /** Biggest total a DOCX or ODT may declare its entries expand to; MAX_UNCOMPRESSED_BYTES by default. */
  maxUncompressedBytes?: number;
};

// The first bytes ("magic numbers") that say what kind of file follows.
const PDF_MAGIC = ascii("%PDF-");
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const GIF_MAGICS = [ascii("GIF87a"), ascii("GIF89a")];
const ZIP_MAGIC = ascii("PK\x03\x04");
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF_MAGIC = ascii("{\\rtf");

/** The type of a file from its content, or null when it is not one we accept. */
export function sniffFileType(bytes: Uint8Array, options: SniffOptions = {}): SniffedType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, PDF_MAGIC)) return isPdf(bytes) ? PDF : null;
  const image = sniffImage(bytes);
  if (image) return image;
  if (startsWith(bytes, ZIP_MAGIC)) return sniffZip(bytes, options.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES);
  if (startsWith(bytes, OLE2_MAGIC)) return isWordBinary(bytes) ? DOC : null;
  if (startsWith(bytes, RTF_MAGIC)) return RTF;
  return sniffText(bytes);
}

/** The image a file is from its first bytes (PNG, JPEG, GIF, WebP or HEIC), or null when it is none of them. */
function sniffImage(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, PNG_MAGIC)) return PNG;
  if (startsWith(bytes, JPEG_MAGIC)) return JPEG;
  if (GIF_MAGICS.some((magic) => startsWith(bytes, magic))) return GIF;
  if (isWebp(bytes)) return WEBP;
  if (isHeic(bytes)) return HEIC;
  return null;
}

/** WebP: a RIFF container whose form type, after the chunk size, is "WEBP". */
function isWebp(bytes: Uint8Array) {
  return startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8);
}

// ---------------------------------------------------------------------------
// HEIC: an ISO media file whose ftyp box names a HEVC image brand.
// ---------------------------------------------------------------------------

const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx"]);

function isHeic(bytes: Uint8Array) {
  if (!startsWith(bytes, ascii("ftyp"), 4)) return false;
  const boxSize = u32be(bytes, 0);
  if (boxSize < 16 || boxSize > 4096) return false;
  const end = Math.min(boxSize, bytes.length);
  if (HEIC_BRANDS.has(readAscii(bytes, 8, 4))) return true;
  for (let at = 16; at + 4 <= end; at += 4) {
    if (HEIC_BRANDS.has(readAscii(bytes, at, 4))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Markup a browser might find: one that ignores (or is not given) the
// Content-Type looks at the start of a file for HTML, which is what a
// polyglot (a file that is both a PDF or text and a web page) relies on.
// ---------------------------------------------------------------------------

/** How much of the start of a file is checked for markup. */
const SNIFF_WINDOW = 1024;
const MARKUP_ANYWHERE = /<\s*(script|html|body|iframe|svg|object|embed|!doctype\s+html|meta\s+http-equiv)\b/i;

/** Whether the first SNIFF_WINDOW characters hold HTML, SVG or script tags. */
const hasMarkupNearStart = (text: string) => MARKUP_ANYWHERE.test(text.slice(0, SNIFF_WINDOW));

// ---------------------------------------------------------------------------
// PDF: the structure readers rely on, not only the "%PDF-" at the start: a
// known version, a "%%EOF" near the end (a little trailing junk is common),
// a "startxref" before it giving an offset inside the file (readers repair a
// wrong one, so where it points is not checked), and at least one indirect
// object "N G obj ... endobj". No markup in the first SNIFF_WINDOW bytes.
// ---------------------------------------------------------------------------

/** "%PDF-1.0" to "%PDF-1.7" or "%PDF-2.0", then an end of line, space or comment. */
const PDF_HEADER = /^%PDF-(1\.[0-7]|2\.0)[\t\n\f\r %]/;
/** "%%EOF" must lie within this many bytes of the end. */
const PDF_EOF_WITHIN = 2048;
/** "startxref" must start within this many bytes before "%%EOF". */
const PDF_STARTXREF_WITHIN = 1024;
const PDF_STARTXREF = /^startxref[\t\n\f\r ]+(\d{1,10})(?!\d)/;
/** What comes before "obj" in "12 0 obj": an object number, a generation, white space. */
const PDF_OBJECT_NUMBER = /(^|[^0-9])\d{1,10}[\t\n\f\r ]+\d{1,5}[\t\n\f\r ]+$/;
const PDF_DELIMITER = new Set(ascii("\t\n\f\r %/<[("));

function isPdf(bytes: Uint8Array) {
  if (!PDF_HEADER.test(readAscii(bytes, 0, 9))) return false;
  if (hasMarkupNearStart(readAscii(bytes, 0, SNIFF_WINDOW))) return false;

  const eof = lastIndexOfAscii(bytes, "%%EOF", bytes.length - PDF_EOF_WITHIN);
  if (eof < 0) return false;
  const startxref = lastIndexOfAscii(bytes, "startxref", eof - PDF_STARTXREF_WITHIN, eof);
  if (startxref < 0) return false;
  const match = PDF_STARTXREF.exec(readAscii(bytes, startxref, eof - startxref));
  if (!match || Number(match[1]) >= bytes.length) return false;

  return hasIndirectObject(bytes, startxref);
}

/** Whether bytes[0, end) hold "N G obj" followed, later, by "endobj". */
function hasIndirectObject(bytes: Uint8Array, end: number) {
  for (let at = indexOfAscii(bytes, "obj", 0, end); at >= 0; at = indexOfAscii(bytes, "obj", at + 3, end)) {
    const after = bytes[at + 3];
    if (after !== undefined && !PDF_DELIMITER.has(after)) continue;
    if (!PDF_OBJECT_NUMBER.test(readAscii(bytes, Math.max(0, at - 24), Math.min(at, 24)))) continue;
    return indexOfAscii(bytes, "endobj", at + 3, end) >= 0;
  }
  return false;
}

// ---------------------------------------------------------------------------
// ZIP containers: DOCX and ODT only, read from their central directory (what
// Word and LibreOffice read), which every real one has. The sizes it declares
// are checked against ZIP bombs: nothing is decompressed here, so a ZIP that
// lies about its sizes is for the reader that opens it to catch.
// ---------------------------------------------------------------------------

const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

/** More entries than this is not a document. */
const MAX_ZIP_ENTRIES = 5000;
/** An entry bigger than this when expanded... */
const RATIO_CHECKED_ABOVE_BYTES = 1024 * 1024;
/** ...may be at most this many times its compressed size (XML usually compresses 5 to 20 times). */
const MAX_COMPRESSION_RATIO = 200;
/** A ZIP64 archive writes this in place of a size or offset too big for 32 bits. */
const ZIP64_MARKER = 0xffffffff;

function sniffZip(bytes: Uint8Array, maxUncompressedBytes: number): SniffedType | null {
  const entries = centralDirectory(bytes);
  if (!entries || isZipBomb(entries, maxUncompressedBytes)) return null;
  const names = entries.map((e) => e.name);
  const has = (name: string) => names.includes(name);
  // ODT: the first entry is "mimetype", stored uncompressed, holding the type.
  if (readAscii(bytes, 30, 8) === "mimetype" && u16(bytes, 8) === 0) {
    const start = 30 + u16(bytes, 26) + u16(bytes, 28);
    const length = u32(bytes, 18);
    if (length === ODT_MIMETYPE.length && readAscii(bytes, start, length) === ODT_MIMETYPE) {
      // Refuse documents carrying Basic macros or scripts.
      if (names.some((n) => /^(Basic|Scripts)\//i.test(n))) return null;
      return ODT;
    }
    return null;
  }
  // DOCX: an Office Open XML package with a main Word part and no macros.
  if (has("[Content_Types].xml") && has("word/document.xml")) {
    if (names.some((n) => /vbaProject\.bin$/i.test(n) || /^word\/vbaData\.xml$/i.test(n))) return null;
    return DOCX;
  }
  return null;
}

/**
 * Whether the sizes a ZIP's central directory declares say it is a bomb: too
 * many entries, more than the limit in all once expanded, one big entry
 * compressed far more than documents ever are, or ZIP64 sizes (no document
 * of ours needs an entry of 4 GB).
 */
function isZipBomb(entries: readonly ZipEntry[], maxUncompressedBytes: number) {
  if (entries.length > MAX_ZIP_ENTRIES) return true;
  let total = 0;
  for (const { compressedSize, uncompressedSize } of entries) {
    if (compressedSize === ZIP64_MARKER || uncompressedSize === ZIP64_MARKER) return true;
    if (uncompressedSize > RATIO_CHECKED_ABOVE_BYTES && uncompressedSize > compressedSize * MAX_COMPRESSION_RATIO) return true;
    total += uncompressedSize;
  }
  return total > maxUncompressedBytes;
}

/** The names of a ZIP's entries, from its central directory; none when it has none that can be read. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return centralDirectory(bytes)?.map((e) => e.name) ?? [];
}

type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number };

const decodeName = (raw: Uint8Array) => new TextDecoder("utf-8").decode(raw);

/**
 * The entries of a ZIP's central directory, or null when it has none that can
 * be read: no end-of-central-directory record, a ZIP64 one, a directory that
 * runs past that record, or an entry whose local header is not where the
 * directory says (or is at a ZIP64 offset) or whose compressed data would not
 * fit before the directory.
 */
function centralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] !== 0x50 || u32(bytes, at) !== 0x06054b50) continue;
    const count = u16(bytes, at + 10);
    const size = u32(bytes, at + 12);
    const offset = u32(bytes, at + 16);
    if (count === 0xffff || size === ZIP64_MARKER || offset === ZIP64_MARKER) return null; // ZIP64
    if (offset + size > at) return null;
    const entries: ZipEntry[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (u32(bytes, p) !== 0x02014b50) return null;
      const compressedSize = u32(bytes, p + 20);
      const uncompressedSize = u32(bytes, p + 24);
      const nameLength = u16(bytes, p + 28);
      const extraLength = u16(bytes, p + 30);
      const commentLength = u16(bytes, p + 32);
      const localHeader = u32(bytes, p + 42);
      if (p + 46 + nameLength > offset + size) return null;
      if (localHeader === ZIP64_MARKER || u32(bytes, localHeader) !== 0x04034b50) return null;
      const dataStart = localHeader + 30 + u16(bytes, localHeader + 26) + u16(bytes, localHeader + 28);
      // ZIP64 sizes are left for isZipBomb to refuse.
      if (compressedSize !== ZIP64_MARKER && dataStart + compressedSize > offset) return null;
      entries.push({ name: decodeName(bytes.subarray(p + 46, p + 46 + nameLength)), compressedSize, uncompressedSize });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
  return null;
}

// ---------------------------------------------------------------------------
// OLE2 compound files: a Word 97-2003 document has a "WordDocument" stream.
// Excel, PowerPoint, Outlook messages and installers share the container and
// are refused, as are Word files with a "Macros" storage.
// ---------------------------------------------------------------------------

const END_OF_CHAIN = 0xfffffffe;
/** Sector ids from here up are markers (free, end of chain, allocation table...), not sectors. */
const FIRST_MARKER_ID = 0xfffffffa;
/** How many allocation-table sectors the header itself lists. */
const HEADER_FAT_SECTORS = 109;
/** More DIFAT sectors than this are not followed (a guard against loops). */
const MAX_DIFAT_SECTORS = 1000;
const DIRECTORY_ENTRY_BYTES = 128;

/** A compound file as its header lays it out: sectors of 512 or 4096 bytes after a header of one sector. */
type CompoundFile = { bytes: Uint8Array; sectorSize: number; sectorCount: number };

/** Whether an id read from the file names a sector rather than a marker (or lies past the end: u32 gives -1). */
const isSectorId = (id: number) => id >= 0 && id < FIRST_MARKER_ID;
const sectorOffset = (file: CompoundFile, id: number) => (id + 1) * file.sectorSize;
/** Whether the whole of a sector lies within the file. */
const sectorFits = (file: CompoundFile, id: number) => sectorOffset(file, id) + file.sectorSize <= file.bytes.length;

/** The names in a compound file's directory, or null when it cannot be read. */
export function compoundFileNames(bytes: Uint8Array): string[] | null {
  const file = compoundFileLayout(bytes);
  if (!file) return null;
  const fatSectors = allocationTableSectors(file);
  if (!fatSectors) return null;

  // The directory is a chain of sectors, each holding entries of 128 bytes.
  const names: string[] = [];
  const seen = new Set<number>();
  for (let sector = u32(bytes, 0x30); sector !== END_OF_CHAIN; sector = nextSector(file, fatSectors, sector)) {
    if (sector < 0 || sector >= file.sectorCount || seen.has(sector) || !sectorFits(file, sector)) return null;
    seen.add(sector);
    names.push(...directorySectorNames(file, sector));
  }
  return names;
}

/** The layout a compound file's header gives, or null when it is too short or its sectors are not 512 or 4096 bytes. */
function compoundFileLayout(bytes: Uint8Array): CompoundFile | null {
  if (bytes.length < 512) return null;
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  return { bytes, sectorSize, sectorCount: Math.floor((bytes.length - sectorSize) / sectorSize) + 1 };
}

/**
 * The sectors holding the allocation table: up to 109 listed in the header,
 * the rest in a chain of DIFAT sectors. Null when that chain runs past the
 * end of the file.
 */
function allocationTableSectors(file: CompoundFile): number[] | null {
  const { bytes, sectorSize } = file;
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_FAT_SECTORS; i++) {
    const id = u32(bytes, 0x4c + i * 4);
    if (isSectorId(id)) fatSectors.push(id);
  }
  let difat = u32(bytes, 0x44);
  for (let followed = 0; isSectorId(difat) && followed < MAX_DIFAT_SECTORS; followed++) {
    if (!sectorFits(file, difat)) return null;
    // A DIFAT sector lists allocation-table sectors, then (in its last 4 bytes) the next DIFAT sector.
    const base = sectorOffset(file, difat);
    const nextDifatAt = base + sectorSize - 4;
    for (let at = base; at < nextDifatAt; at += 4) {
      const id = u32(bytes, at);
      if (isSectorId(id)) fatSectors.push(id);
    }
    difat = u32(bytes, nextDifatAt);
  }
  return fatSectors;
}

/** The sector after `id` in its chain, from the allocation table; -1 when the table does not reach it. */
function nextSector(file: CompoundFile, fatSectors: readonly number[], id: number) {
  const idsPerSector = file.sectorSize / 4;
  const fatSector = fatSectors[Math.floor(id / idsPerSector)];
  if (fatSector === undefined) return -1;
  return u32(file.bytes, sectorOffset(file, fatSector) + (id % idsPerSector) * 4);
}

/** The names of the entries in one directory sector that are in use. */
function directorySectorNames(file: CompoundFile, sector: number): string[] {
  const names: string[] = [];
  const base = sectorOffset(file, sector);
  for (let entry = base; entry < base + file.sectorSize; entry += DIRECTORY_ENTRY_BYTES) {
    const name = directoryEntryName(file.bytes, entry);
    if (name !== null) names.push(name);
  }
  return names;
}

/**
 * The name of the directory entry at `entry`: UTF-16, with its length in
 * bytes (counting a closing NUL, at most 64) at 0x40. Null when the entry is
 * unused (type 0) or its length is impossible.
 */
function directoryEntryName(bytes: Uint8Array, entry: number): string | null {
  const type = bytes[entry + 0x42];
  const nameLength = u16(bytes, entry + 0x40);
  if (!type || nameLength < 2 || nameLength > 64) return null;
  let name = "";
  for (let i = 0; i < nameLength - 2; i += 2) name += String.fromCharCode(u16(bytes, entry + i));
  return name;
}

function isWordBinary(bytes: Uint8Array) {
  const names = compoundFileNames(bytes);
  if (!names) return false;
  return names.includes("WordDocument") && !names.some((n) => n === "Macros" || n === "_VBA_PROJECT_CUR" || n === "VBA");
}

// ---------------------------------------------------------------------------
// Plain text: UTF-8 (or, failing that, Windows-1252, which old British text
// files often are: £ is 0xA3) with no NUL and no control characters other
// than tab, line feed, vertical tab, form feed and carriage return. Markup
// (HTML, SVG, XML) and scripts that announce themselves are refused.
// ---------------------------------------------------------------------------

// Bytes Windows-1252 leaves undefined.
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** The control characters text may hold: tab, line feed, vertical tab, form feed, carriage return. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);
const CTRL_Z = 0x1a;
const DEL = 0x7f;

/** Whether a byte is a control character (C0 or DEL) that text does not hold. */
const isForbiddenControl = (b: number) => (b < 0x20 && !TEXT_CONTROLS.has(b)) || b === DEL;

function sniffText(bytes: Uint8Array): SniffedType | null {
  // A trailing Ctrl-Z (the old DOS end-of-file mark) is tolerated.
  const content = bytes[bytes.length - 1] === CTRL_Z ? bytes.subarray(0, bytes.length - 1) : bytes;
  if (content.some(isForbiddenControl)) return null;
  const decoded = decodeText(content);
  if (!decoded || looksLikeMarkupOrScript(decoded.text)) return null;
  return decoded.type;
}

/**
 * Text read as UTF-8 or, when it is not valid UTF-8, as Windows-1252; null
 * when it holds C1 controls (U+0080 to U+009F, not text either) as UTF-8, or
 * bytes Windows-1252 leaves undefined.
 */
function decodeText(bytes: Uint8Array): { text: string; type: SniffedType } | null {
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return /[\u0080-\u009f]/.test(utf8) ? null : { text: utf8, type: TEXT_UTF8 };
  if (bytes.some((b) => UNDEFINED_1252.has(b))) return null;
  return { text: new TextDecoder("windows-1252").decode(bytes), type: TEXT_1252 };
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const SCRIPT_STARTS = [
  /^#!/, // shell, Python, Node... scripts
  /^<[!?a-z/]/i, // HTML, XML, SVG
  /^["']use strict["']/,
  // JavaScript that starts like code; prose rarely does ("Let me explain" does not match).
  /^(const|let|var)\s+[\w$]+\s*=/,
  /^import\s+([\w$*{][^\n]*\sfrom\s+)?["']/,
  /^export\s+(default|const|let|var|function|class|async|\{|\*)/,
  /^(async\s+)?function\s*\*?\s*[\w$]*\s*\(/,
  /^class\s+[\w$]+\s*(extends\b|\{)/,
  /^(\(\s*(async\s+)?function|!function|\(\s*\(\s*\)\s*=>)/,
  /^(\/\/|\/\*)/, // code that opens with a comment
  /^@echo\s+off/i, // Windows batch
  /^<%/, // server pages
];

function looksLikeMarkupOrScript(text: string) {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (SCRIPT_STARTS.some((pattern) => pattern.test(start))) return true;
  // A browser that ignores the Content-Type might sniff HTML in the first 512 bytes.
  return hasMarkupNearStart(text);
}

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

/** Other spellings of an extension that may stay as the user wrote them. */
const EXTENSION_ALIASES: Record<string, readonly string[]> = {
  jpg: ["jpg", "jpeg", "jpe", "jfif"],
  heic: ["heic", "heif"],
  txt: ["txt", "text"],
};

const MAX_NAME_LENGTH = 100;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A safe name for a stored file: no path, no control or invisible format
 * characters (such as right-to-left overrides), none of <>:"/\|?*, no
 * leading dots, whitespace collapsed, at most about 100 characters, and
 * always ending in the extension of the type the content really is.
 *
 * A final extension of 1 to 5 letters or digits (with at least one letter)
 * is replaced by the real one; a file named "report.pdf.exe" that is really a
 * PDF becomes "report.pdf", one named "photo.jpeg" that is a JPEG keeps its
 * name. With nothing usable left the name is "attachment.<ext>".
 */
export function sanitiseFilename(name: string, extension: string): string {
  const ext =
    extension
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")
      .slice(0, 10) || "bin";
  const aliases = EXTENSION_ALIASES[ext] ?? [ext];

  let base = (name.split(/[/\\]/).pop() ?? "").normalize("NFC");
  base = base
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/gu, " ")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, "")
    .replace(/[<>:"|?*]/g, " ")
    .replace(/\s+/gu, " ")
    .trim();

  const tidy = (s: string) => s.replace(/^[\s.]+/u, "").replace(/[\s.]+$/u, "");
  let stem = base;
  let kept: string | null = null;
  const dot = base.lastIndexOf(".");
  if (dot >= 0) {
    const current = base.slice(dot + 1);
    if (/^(?=.*[a-z])[a-z0-9]{1,5}$/i.test(current)) {
      stem = base.slice(0, dot);
      if (aliases.includes(current.toLowerCase())) kept = current;
    }
  }
  stem = tidy(stem);
  // "report.pdf.exe" that is a PDF: the stem already ends in the real extension.
  const stemDot = stem.lastIndexOf(".");
  if (kept === null && stemDot > 0 && aliases.includes(stem.slice(stemDot + 1).toLowerCase())) {
    kept = stem.slice(stemDot + 1);
    stem = tidy(stem.slice(0, stemDot));
  }
  const suffix = `.${kept ?? ext}`;

  const room = MAX_NAME_LENGTH - suffix.length;
  let chars = Array.from(stem);
  if (chars.length > room) chars = Array.from(tidy(chars.slice(0, room).join("")));
  stem = chars.join("");
  if (!stem) stem = "attachment";
  if (WINDOWS_DEVICE.test(stem)) stem = `${stem}_`;
  return `${stem}${suffix}`;
}

// ---------------------------------------------------------------------------
// Sizes for people
// ---------------------------------------------------------------------------

/** "512 bytes", "14 KB", "2.4 MB": KB and MB of 1024, as file managers show. */
export function humanFileSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1).replace(/\.0$/, "") : Math.round(kb)} KB`;
  const mb = kb / 1024;
  if (mb < 1024) return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, "") : Math.round(mb)} MB`;
  const gb = mb / 1024;
  return `${gb < 10 ? gb.toFixed(1).replace(/\.0$/, "") : Math.round(gb)} GB`;
}
