// Reading a file in the records format, streamed so memory stays flat however
// long it is: the header checked (columns in any order; an unknown column, a
// column given twice or a missing required one is an error naming it, so a
// typo never vanishes), then each row with the line it starts on. UTF-8 with
// or without a byte order mark, refused if it is not UTF-8 at all; Excel's
// CRLF and quoted fields (commas, line breaks) read correctly. Used by the
// import and by the prior-history command.
import { createHash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import { COLUMN_NAMES } from "./format";

/** A problem with one row (column null: the row as a whole), or with the file (line 1, or where reading stopped). */
export type Problem = { line: number; column: string | null; message: string };

/** The file cannot be read as this format at all: nothing in it is used. */
export class UnreadableFile extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** One row: the line it starts on, its fields as written (for the bad-rows file), and its values by column (absent columns ""). */
export type RawRow =
  { line: number; fields: string[]; values: Record<string, string> } | { line: number; fields: string[]; problem: Problem };

/** A reading in progress: the header once read, and the file's SHA-256 and size once the rows are all read. */
export type Reading = { columns: string[]; bytes: number; sha256: () => string };

// Excel runs a cell starting with one of these as a formula: the export (app/utils/csv.ts) puts an apostrophe before it, taken off here.
const QUOTED_FORMULA = /^'[=+\-@\t\r]/;

/**
 * The rows of `input`, each with its line; a row whose field count is not the
 * header's is a problem, and blank lines are skipped. Throws UnreadableFile
 * when the file is not UTF-8 CSV, is empty, or its header is wrong
 * (`required`: the columns it must have).
 */
export async function* readRows(input: Readable | Buffer, required: readonly string[], reading?: Partial<Reading>): AsyncGenerator<RawRow> {
  const lines = new LineTracker();
  const source = Buffer.isBuffer(input) ? Readable.from([input]) : input;
  source.on("error", (error) => lines.destroy(error));
  const parser = source.pipe(lines).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: false }));
  lines.on("error", (error) => parser.destroy(error));
  let columns: string[] | null = null;
  let start = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      const line = lines.lineAt(start);
      start = info.bytes;
      if (!columns) {
        columns = checkHeader(record, required);
        if (reading) reading.columns = columns;
        continue;
      }
      if (record.every((field) => field.trim() === "")) continue; // a blank line
      if (record.length !== columns.length) {
        yield {
          line,
          fields: record,
          problem: { line, column: null, message: `has ${record.length} fields where the header has ${columns.length}` },
        };
        continue;
      }
      const values: Record<string, string> = {};
      columns.forEach((name, i) => (values[name] = QUOTED_FORMULA.test(record[i]!) ? record[i]!.slice(1) : record[i]!));
      yield { line, fields: record, values };
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    const line = (error as { lines?: number }).lines ?? lines.lineAt(start);
    throw new UnreadableFile({ line, column: null, message: `not readable as CSV: ${(error as Error).message}` });
  } finally {
    source.destroy();
  }
  if (!columns) throw new UnreadableFile({ line: 1, column: null, message: "the file is empty: a header row is needed" });
  if (reading) {
    reading.bytes = lines.bytes;
    reading.sha256 = () => lines.sha256();
  }
}

function checkHeader(record: string[], required: readonly string[]) {
  const columns = record.map((name) => name.trim().toLowerCase());
  const fail = (message: string) => {
    throw new UnreadableFile({ line: 1, column: null, message });
  };
  if (columns.every((name) => name === "")) fail("the first line is blank: it must be the header row");
  const known = new Set<string>(COLUMN_NAMES);
  const quoted = (names: string[]) => names.map((c) => `"${c}"`).join(", ");
  const unknown = columns.filter((name) => !known.has(name));
  if (unknown.length) fail(`unknown column${unknown.length > 1 ? "s" : ""} ${quoted(unknown)}`);
  const twice = columns.filter((name, i) => columns.indexOf(name) !== i);
  if (twice.length) fail(`column "${twice[0]}" given twice`);
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length === 1) fail(`the column "${missing[0]}" is missing`);
  if (missing.length) fail(`the columns ${quoted(missing)} are missing`);
  return columns;
}

/**
 * Passes the bytes through unchanged, noting where each line ends (to name
 * the line a record starts on: csv-parse counts a quoted CRLF as two), the
 * size and SHA-256, and refusing text that is not UTF-8.
 */
class LineTracker extends Transform {
  #decoder = new TextDecoder("utf-8", { fatal: true });
  #hash = createHash("sha256");
  #breaks: number[] = []; // offsets of line feeds not yet passed
  #passed = 0; // line feeds before the last offset asked about
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    try {
      this.#decoder.decode(chunk, { stream: true });
    } catch {
      // The line of the first byte that is not UTF-8: the line feeds before it in this chunk.
      const text = new TextDecoder("utf-8").decode(chunk);
      const before = text.slice(0, text.indexOf("\uFFFD")).split("\n").length - 1;
      return done(this.#notUtf8(before));
    }
    this.#hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.#breaks.push(this.bytes + i);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback) {
    try {
      this.#decoder.decode();
      done();
    } catch {
      done(this.#notUtf8());
    }
  }

  #notUtf8(linesIntoChunk = 0) {
    return new UnreadableFile({
      line: this.#passed + this.#breaks.length + linesIntoChunk + 1,
      column: null,
      message: "is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8”",
    });
  }

  /** The line (from 1) on which the byte at `offset` stands; offsets asked about only ever grow. */
  lineAt(offset: number) {
    let i = 0;
    while (i < this.#breaks.length && this.#breaks[i]! < offset) i++;
    if (i) {
      this.#breaks.splice(0, i);
      this.#passed += i;
    }
    return this.#passed + 1;
  }

  sha256() {
    return this.#hash.digest("hex");
  }
}
