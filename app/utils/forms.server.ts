// One way to handle a form: parse it with the form's zod schema; on failure
// return 400 with an error per field and everything the user typed, which the
// page shows in a GOV.UK error summary and next to each field.
import { data } from "@remix-run/node";
import type { z } from "zod";

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;
export type FormFailure = { errors: FieldErrors; values: FormValues };

export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
): { ok: true; data: z.output<S>; values: FormValues } | { ok: false; failure: FormFailure } {
  const values = formValues(form);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, failure: { errors, values } };
}

/** The 400 answer to a failed form: errors per field and the values typed. */
export function invalid(failure: FormFailure) {
  return data(failure, { status: 400 });
}
