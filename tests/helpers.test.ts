// The route-calling helper must never let a crash pass for an answer.
import { data, redirect } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { request, run, statusOf } from "./helpers";

describe("run", () => {
  it("fails the test when a loader throws anything but an answer", async () => {
    const crashing = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'reference')");
    };
    await expect(run(crashing, request("/cases"))).rejects.toThrow(TypeError);
    const rejecting = async () => Promise.reject(new Error("connection refused"));
    await expect(run(rejecting, request("/cases"))).rejects.toThrow("connection refused");
  });

  it("gives back a thrown Response or data() answer, and what was returned", async () => {
    const thrownRedirect = await run(() => {
      throw redirect("/sign-in");
    }, request("/cases"));
    expect(thrownRedirect.thrown).toBe(true);
    expect(statusOf(thrownRedirect.value)).toBe(302);
    const thrownData = await run(() => {
      throw data({ message: "not-found" }, { status: 404 });
    }, request("/cases"));
    expect(statusOf(thrownData.value)).toBe(404);
    const returned = await run(() => ({ ok: true }), request("/cases"));
    expect(returned).toEqual({ thrown: false, value: { ok: true } });
  });
});
