// One way to handle a form. readForm reads the body once, counting the bytes
// that actually arrive and stopping at the limit (a Content-Length header is
// only a hint), refuses too many fields, and builds the values in one pass.
// parseValues checks them with the form's zod schema; on failure the action
// returns 400 with an error per field and everything the user typed, which
// the page shows in a GOV.UK error summary and next to each field.
import { data } from "@remix-run/node";
import { z } from "zod";
import { env } from "~/config/env.server";

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;
export type FormFailure = { errors: FieldErrors; values: FormValues };

/** The answers thrown for a form that cannot be taken: the root ErrorBoundary shows each as a page. */
export const tooLarge = () => data({ message: "too-large" }, { status: 413 });
const unreadable = () => data({ message: "bad-request" }, { status: 400 });

/**
 * Control characters no form answer needs (all but tab, line feed and
 * carriage return). PostgreSQL cannot store NUL at all; the rest only hide
 * things. They are removed, and the field is flagged (see parseValues).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
export const CONTROL_CHARACTER_MESSAGE =
  "This answer contained a hidden control character, which has been removed. Check the answer and send the form again";

const reads = new WeakMap<Request, Promise<FormValues>>();
const cleaned = new WeakMap<FormValues, string[]>();

/**
 * The request's urlencoded form, read once: the guard (which checks the
 * CSRF token) and the action share the same read. Throws the 413 answer for
 * a body over FORM_MAX_KB or with more than FORM_MAX_FIELDS fields, and 400
 * for a body that is not an urlencoded form (upload forms are read by
 * documents/uploads.server.ts instead).
 */
export function readForm(request: Request): Promise<FormValues> {
  let read = reads.get(request);
  if (!read) reads.set(request, (read = readOnce(request)));
  return read;
}

async function readOnce(request: Request): Promise<FormValues> {
  const { FORM_MAX_KB, FORM_MAX_FIELDS } = env();
  const maxBytes = FORM_MAX_KB * 1024;
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return {};
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get("Content-Type") ?? "")) throw unreadable();
  const text = await readText(request.body, maxBytes);
  if (fieldCount(text) > FORM_MAX_FIELDS) throw tooLarge();
  return formValues(new URLSearchParams(text));
}

/** The body as UTF-8 text, reading no more than maxBytes of it. */
export async function readText(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Over the limit: stop here. The rest stays unread, and the server
      // closes the connection after the 413 answer.
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    if (!(error instanceof Error)) throw error; // our own 413
    // The server's own counter (server/remix-handler.ts), or a client that went away mid-body.
    throw error.name === "PayloadTooLargeError" ? tooLarge() : unreadable();
  } finally {
    reader.releaseLock();
  }
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

function fieldCount(text: string) {
  if (!text) return 0;
  let count = 1;
  for (let i = text.indexOf("&"); i !== -1; i = text.indexOf("&", i + 1)) count++;
  return count;
}

/**
 * The fields as typed, in one pass: a name sent once is a string, one sent
 * more than once (checkboxes) an array. GOV.UK date inputs (`x-day`,
 * `x-month`, `x-year`) are also joined into `x` as yyyy-mm-dd (or the parts
 * as typed, which the schema then rejects), keeping the parts for showing back.
 */
function formValues(fields: Iterable<[string, string]>): FormValues {
  const values = new Map<string, string | string[]>();
  const flagged = new Set<string>();
  for (const [rawKey, rawValue] of fields) {
    const key = rawKey.replace(CONTROL_CHARACTERS, "");
    const value = rawValue.replace(CONTROL_CHARACTERS, "");
    if (value !== rawValue) flagged.add(key);
    const seen = values.get(key);
    if (seen === undefined) values.set(key, value);
    else if (Array.isArray(seen)) seen.push(value);
    else values.set(key, [seen, value]);
  }
  for (const key of [...values.keys()]) {
    if (!key.endsWith("-day")) continue;
    const name = key.slice(0, -4);
    const part = (p: string) => String(values.get(`${name}-${p}`) ?? "").trim();
    const [d, m, y] = [part("day"), part("month"), part("year")];
    values.set(name, d || m || y ? `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "");
  }
  // Object.fromEntries defines own properties: a field named "__proto__" stays a field.
  const result: FormValues = Object.fromEntries(values);
  if (flagged.size) cleaned.set(result, [...flagged]);
  return result;
}

/** Checks a form's values (read by readForm, or kept in a draft) with its zod schema. */
export function parseValues<S extends z.ZodType>(
  schema: S,
  values: FormValues,
): { ok: true; data: z.output<S>; values: FormValues } | { ok: false; failure: FormFailure } {
  const result = schema.safeParse(values);
  const errors: FieldErrors = {};
  for (const field of cleaned.get(values) ?? []) errors[field] = CONTROL_CHARACTER_MESSAGE;
  if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data, values };
  for (const issue of result.error?.issues ?? []) {
    // A bad item of a repeated field (checkboxes) is that field's error: the page has no field per item.
    const field =
      issue.path
        .filter((key) => typeof key !== "number")
        .map(String)
        .join(".") || "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, failure: { errors: inPageOrder(errors, schema), values } };
}

/**
 * The errors in the order the schema declares its fields, which is the order
 * the page asks them (GOV.UK: the error summary follows the page), whatever
 * order the checks ran in (a check across fields runs last); any other
 * field's error after them.
 */
function inPageOrder(errors: FieldErrors, schema: z.ZodType): FieldErrors {
  let object: z.ZodType = schema;
  while (object instanceof z.ZodPipe) object = object.in as z.ZodType;
  if (!(object instanceof z.ZodObject)) return errors;
  const declared = Object.keys(object.shape).filter((field) => field in errors);
  return Object.fromEntries([...declared, ...Object.keys(errors)].filter((f, i, all) => all.indexOf(f) === i).map((f) => [f, errors[f]!]));
}

/** Several schemas over one form's values: all their data, or all their errors together. */
export function parseAll<S extends z.ZodType[]>(schemas: [...S], values: FormValues) {
  const errors: FieldErrors = {};
  let merged = {};
  for (const schema of schemas) {
    const result = parseValues(schema, values);
    if (result.ok) merged = { ...merged, ...(result.data as object) };
    else Object.assign(errors, result.failure.errors);
  }
  return Object.keys(errors).length
    ? { ok: false as const, failure: { errors, values } }
    : { ok: true as const, data: merged as UnionToIntersection<z.output<S[number]>> };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The answer to a failed form (400 unless the cause says otherwise): errors per field and the values typed. */
export function invalid(failure: FormFailure, status = 400) {
  return data(failure, { status });
}
