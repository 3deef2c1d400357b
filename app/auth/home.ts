// Where each role's work is: signing in, "/" and the header's service name
// take a member of staff there, and an error page links back to it. Someone
// with several roles gets the first of these they hold.
import type { Role } from "~/generated/prisma/enums";
import type { Permission } from "./permissions";

export type Home = {
  path: string;
  /** Completes "Go to ...". */
  label: string;
  /** What opening it asks for (checked against the matrix by app/auth/home.test.ts); null for the public start page. */
  permission: Permission | null;
};

const triage: Home = { path: "/triage", label: "the triage queue", permission: "triage:read" };

/** In order of precedence: LADO and manager work the queue (until "My work" arrives with the allegation process). */
export const homes: readonly (readonly [Role, Home])[] = [
  ["LADO", triage],
  ["MANAGER", triage],
  ["BUSINESS_SUPPORT", { path: "/contacts/new", label: "log a contact", permission: "contact:log" }],
  ["ADMIN", { path: "/users", label: "user accounts", permission: "users:manage" }],
  ["AUDITOR", { path: "/audits", label: "your case-file audits", permission: "audits:assigned" }],
];

/** The start page: for someone who holds no role with a home (an account without roles), and for nobody signed in. */
export const START: Home = { path: "/", label: "the start page", permission: null };

/** The home of someone holding `roles`: the first role in `homes` order that they hold. */
export function homeFor(roles: readonly Role[]): Home {
  return homes.find(([role]) => roles.includes(role))?.[1] ?? START;
}
