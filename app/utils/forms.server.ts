// One way to handle a form: parse it with the form's zod schema; on failure
// return 400 with an error per field and everything the user typed, which the
// page shows in a GOV.UK error summary and next to each field.
import { data } from "@remix-run/node";
import type { z } from "zod";

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;
export type FormFailure = { errors: FieldErrors; values: FormValues };

/**
 * The text fields of a form as typed. GOV.UK date inputs (`x-day`, `x-month`,
 * `x-year`) are also joined into `x` as yyyy-mm-dd (or the parts as typed,
 * which the schema then rejects), keeping the parts for showing back.
 */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  for (const key of Object.keys(values)) {
    const name = key.endsWith("-day") ? key.slice(0, -4) : null;
    if (!name) continue;
    const part = (p: string) => String(values[`${name}-${p}`] ?? "").trim();
    const [d, m, y] = [part("day"), part("month"), part("year")];
    values[name] = d || m || y ? `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "";
  }
  return values;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
): { ok: true; data: z.output<S>; values: FormValues } | { ok: false; failure: FormFailure } {
  return parseValues(schema, formValues(form));
}

/** As parseForm, for values already read (e.g. kept in a draft). */
export function parseValues<S extends z.ZodType>(
  schema: S,
  values: FormValues,
): { ok: true; data: z.output<S>; values: FormValues } | { ok: false; failure: FormFailure } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, failure: { errors, values } };
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

/** The 400 answer to a failed form: errors per field and the values typed. */
export function invalid(failure: FormFailure) {
  return data(failure, { status: 400 });
}

/** The form of a request, refusing one larger than `maxBytes` with a clear 413. */
export async function readForm(request: Request, maxBytes = 512 * 1024) {
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes) {
    throw data({ message: "too-large" }, { status: 413 });
  }
  return request.formData();
}
