// One section record edited by two people at once: each form carries the
// record's version as it was shown, a save names that version, and a save
// from an older version is refused (409) with who changed the record since,
// when, and which answers they changed: never a silent overwrite. The
// change's audit event carries the version it made and the names of the
// fields it changed (never their values), which is what the refusal reads.
import { z } from "zod";
import type { AuditSubject } from "~/audit-trail/audit-trail.server";
import type { Prisma } from "~/db.server";
import { londonDateTime } from "~/utils/dates";
import { data } from "@remix-run/node";
import type { FormFailure, FormValues } from "~/utils/forms.server";

/** The hidden field every versioned form sends. */
export const versionField = { version: z.coerce.number().int().min(0).max(1_000_000_000) };

/** The names of the fields whose values differ between the record before and after a change. */
export function changedFields<T extends Record<string, unknown>>(before: T | null, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => !sameValue(before?.[key], after[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  return (a ?? null) === (b ?? null);
}

/** What the audit event of a versioned change carries: the version it made and the fields it changed. */
export const versionDetails = (version: number, changed: string[]) => ({ version, changed });

export type LaterChange = { who: string | null; at: Date; fields: string[] };

/** The changes made to `subject` after `version`, oldest first, from its audit events. */
export async function changesSince(tx: Pick<Prisma.TransactionClient, "auditEvent">, subject: AuditSubject, version: number) {
  const events = await tx.auditEvent.findMany({
    where: { subjectType: subject.type, subjectId: subject.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { at: true, details: true, user: { select: { name: true } } },
  });
  const later: LaterChange[] = [];
  for (const event of events) {
    const details = z.object({ version: z.number(), changed: z.array(z.string()) }).safeParse(event.details);
    if (details.success && details.data.version > version) {
      later.push({ who: event.user?.name ?? null, at: event.at, fields: details.data.changed });
    }
  }
  return later;
}

/**
 * The refusal of a save made from an out-of-date version: a message on the
 * form's "version" field naming each later change (with `labels` for the
 * fields' names), and everything the user typed, so nothing is lost, with
 * the record's `current` version in place of the one sent.
 */
export function staleVersion(values: FormValues, current: number, changes: LaterChange[], labels: Record<string, string>) {
  const described = changes.map(
    (c) =>
      `${c.who ?? "Someone"} changed ${c.fields.length ? c.fields.map((f) => labels[f] ?? f).join(", ") : "it"} at ${londonDateTime(c.at)}`,
  );
  const message = `This record changed while you were editing it${described.length ? `: ${described.join("; ")}` : ""}. Your answers are below and were not saved: check them against the record, then save again`;
  // The form comes back holding the current version, so a save after checking goes through.
  return data<FormFailure>({ errors: { version: message }, values: { ...values, version: String(current) } }, { status: 409 });
}
