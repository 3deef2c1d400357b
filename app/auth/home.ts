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

/** In order of precedence: a LADO starts from what is due on their cases, a manager from the team's. */
export const homes: readonly (readonly [Role, Home])[] = [
  ["LADO", { path: "/my-work", label: "your work", permission: "my-work:read" }],
  ["MANAGER", { path: "/team", label: "the team view", permission: "team:read" }],
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
