import { describe, expect, it } from "vitest";
import { Role } from "~/generated/prisma/enums";
import { homeFor, homes, START } from "./home";
import { can } from "./permissions";

describe("homeFor", () => {
  it.each([
    [["LADO"], "/my-work"],
    [["MANAGER"], "/team"],
    [["BUSINESS_SUPPORT"], "/contacts/new"],
    [["ADMIN"], "/users"],
    [["AUDITOR"], "/audits"],
  ] as const)("sends %j to %s", (roles, path) => {
    expect(homeFor(roles).path).toBe(path);
  });

  it.each([
    [["AUDITOR", "ADMIN"], "/users"],
    [["ADMIN", "BUSINESS_SUPPORT"], "/contacts/new"],
    [["BUSINESS_SUPPORT", "MANAGER"], "/team"],
    [["AUDITOR", "LADO"], "/my-work"],
    [["ADMIN", "AUDITOR", "BUSINESS_SUPPORT", "MANAGER", "LADO"], "/my-work"],
  ] as const)("sends several roles %j to the first they hold in LADO, manager, support, admin, auditor order: %s", (roles, path) => {
    expect(homeFor(roles).path).toBe(path);
  });

  it("sends someone with no role to the start page", () => {
    expect(homeFor([])).toBe(START);
  });

  it("has a home for every role, which that role may open", () => {
    expect(homes.map(([role]) => role).sort()).toEqual(Object.values(Role).sort());
    for (const [role, home] of homes) expect(can([role], home.permission!), `${role} may open ${home.path}`).toBe(true);
  });
});
