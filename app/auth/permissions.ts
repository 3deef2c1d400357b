// The one permission matrix. Every staff loader and action asks for one of
// these permissions through requireUser(); tests/permissions.test.ts walks
// every staff route for every role against this table.
import type { Role } from "~/generated/prisma/enums";

export const roleLabels: Record<Role, string> = {
  LADO: "LADO",
  MANAGER: "LADO manager",
  BUSINESS_SUPPORT: "Business support",
  AUDITOR: "Auditor",
  ADMIN: "Administrator",
};

export const permissions = {
  /** Case list and case pages. */
  "case:read": ["LADO", "MANAGER", "BUSINESS_SUPPORT"],
  /** Decisions, meetings, outcomes and other changes to case data. */
  "case:write": ["LADO", "MANAGER"],
  /** Log a contact received by phone, email, letter or in person. */
  "contact:log": ["LADO", "MANAGER", "BUSINESS_SUPPORT"],
  /** The triage queue of new contacts. */
  "triage:read": ["LADO", "MANAGER"],
  /** Sign off a proposed closure, or return it to the LADO with a comment. */
  "case:sign-off": ["MANAGER"],
  /** "My work": what is due, overdue or flagged on one's own cases. */
  "my-work:read": ["LADO", "MANAGER"],
  /** The team view: what is due, overdue or flagged on every open case, by LADO. */
  "team:read": ["MANAGER"],
  /** The whole case file as one PDF (everything an auditor or a court would need). */
  "case:export": ["LADO", "MANAGER"],
  /** Allocate a contact to any LADO (a LADO may take an unallocated one with case:write). */
  "case:allocate": ["MANAGER"],
  /** Every piece of advice the service has given, and its export. */
  "advice-tracker:read": ["LADO", "MANAGER"],
  /** Import past years' records, and export every case, in the import format. */
  "records:transfer": ["MANAGER"],
  /** The case-file audits one has been named in (issue 19). */
  "audits:assigned": ["AUDITOR"],
  /** Outbound email: sent, queued, failed and the outbox. */
  "outbox:read": ["LADO", "MANAGER", "BUSINESS_SUPPORT", "ADMIN"],
  /** Who looked at or changed a case, per case and per user. */
  "audit-trail:read": ["MANAGER", "ADMIN"],
  /** User accounts and roles. */
  "users:manage": ["ADMIN"],
  /** The service's configuration: bank holidays. */
  "settings:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(roles: readonly Role[], permission: Permission) {
  const allowed: readonly Role[] = permissions[permission];
  return roles.some((role) => allowed.includes(role));
}
