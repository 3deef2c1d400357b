// A referrer's browser for the public form's integration tests: keeps the
// referral cookie, posts forms with the draft's CSRF token, and can answer
// every page with valid answers (tests/referral-answers.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import * as page from "~/routes/refer.$page";
import * as screener from "~/routes/refer.screener";
import * as start from "~/routes/refer._index";
import { BASE, bodyOf, run, statusOf } from "./helpers";
import { referralAnswers } from "./referral-answers";

export type Form = Record<string, string | string[]>;

export class Referrer {
  cookie = "";
  constructor(readonly address = `198.51.100.${Math.floor(Math.random() * 250)}`) {}

  request(path: string, form?: Form) {
    const headers = new Headers({ "x-client-address": this.address });
    if (this.cookie) headers.set("Cookie", this.cookie);
    if (!form) return new Request(`${BASE}${path}`, { headers });
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    return new Request(`${BASE}${path}`, { method: "POST", headers, body });
  }

  keep(value: unknown) {
    const setCookie = value instanceof Response ? value.headers.get("Set-Cookie") : null;
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    return value;
  }

  async begin() {
    this.keep((await run(start.action, this.request("/refer", {}))).value);
  }

  async csrf() {
    const { value } = await run(screener.loader, this.request("/refer/screener"));
    return bodyOf<{ csrf: string }>(value).csrf;
  }

  async post(handler: (args: ActionFunctionArgs) => unknown, path: string, form: Form, params: Record<string, string> = {}) {
    const { value } = await run(handler, this.request(path, { csrf: await this.csrf(), ...form }), params);
    return this.keep(value);
  }

  page(slug: string, form: Form) {
    return this.post(page.action, `/refer/${slug}`, form, { page: slug });
  }
}

const answers = referralAnswers();

/** Starts a referral and answers the screener and every page, each answer overridable by page. */
export async function completeAllPages(referrer: Referrer, overrides: Record<string, Form> = {}) {
  await referrer.begin();
  expect(
    statusOf(
      await referrer.post(screener.action, "/refer/screener", { worksWithChildren: "yes", aboutConduct: "yes", immediateDanger: "no" }),
    ),
  ).toBe(302);
  for (const [slug, form] of Object.entries(answers)) {
    const result = await referrer.page(slug, { ...form, ...overrides[slug] });
    expect(statusOf(result), `${slug}: ${JSON.stringify(bodyOf(result))}`).toBe(302);
  }
}
