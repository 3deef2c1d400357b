// The hardening findings, replayed against the real production server as an
// attacker would send them: form floods, bodies with no Content-Length,
// cross-site posts, cached pages, downloads through ".data", open redirects
// and control characters. Each once got a slow, wrong or 500 answer.
import net from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeFile } from "~/documents/storage.server";
import { db } from "~/db.server";
import { createCase, createUser } from "../factories";
import { minimalPdf } from "../fixtures/files";
import { launchBrowser, signInOverHttp, startAppServer, type AppServer } from "./browser";
import { PASSWORD } from "./referral-pages";

const KB = 1024;
const MB = 1024 * KB;

let server: AppServer;
let admin: { id: string; email: string };
let lado: { id: string; email: string };

beforeAll(async () => {
  admin = await createUser(db, { roles: ["ADMIN"], email: "e2e-admin@example.org", password: PASSWORD });
  lado = await createUser(db, { roles: ["LADO", "MANAGER"], email: "e2e-defences@example.org", password: PASSWORD });
  server = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, env: { UPLOAD_DIR: process.env.UPLOAD_DIR! } });
});

afterAll(async () => {
  await server?.stop();
});

/** Signs in over HTTP: the session cookie, and the CSRF token its pages' forms carry. */
async function signIn(email: string) {
  const cookie = await signInOverHttp(server.url, email, PASSWORD);
  const page = await (await fetch(`${server.url}/cases`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
  return { cookie, csrf };
}

function timed<T>(promise: Promise<T>) {
  const started = performance.now();
  return promise.then((value) => ({ value, ms: performance.now() - started }));
}

describe("form floods and oversized bodies", () => {
  it("refuses a 50,000-field sign-in in well under a second while another request is served", async () => {
    const body = Array.from({ length: 50_000 }, (_, i) => `f${i}=`).join("&");
    // Within the byte limit: it is the number of fields that is refused.
    expect(body.length).toBeLessThan(512 * KB);
    const [flood, other] = await Promise.all([
      timed(fetch(`${server.url}/sign-in`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body })),
      timed(new Promise((r) => setTimeout(r, 20)).then(() => fetch(`${server.url}/sign-in`))),
    ]);
    expect(flood.value.status).toBe(413);
    const page = await flood.value.text();
    expect(page).toContain("That was too much to send at once");
    // An error page without the root loader's data still names the council (no empty header link).
    expect(page).toMatch(/<a class="app-header__council"[^>]*>Example Borough Council<\/a>/);
    expect(flood.ms).toBeLessThan(1_000);
    expect(other.value.status).toBe(200);
    expect(other.ms).toBeLessThan(1_000);
  });

  it("stops reading an endless chunked body at the limit: 413, then the connection closed", async () => {
    // A raw socket, so what the server reads is what the kernel takes off our hands.
    const result = await new Promise<{ sent: number; response: string }>((resolve) => {
      const socket = net.connect(server.port, "127.0.0.1");
      let sent = 0;
      let response = "";
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve({ sent, response });
      };
      socket.on("data", (data) => (response += data.toString()));
      socket.on("error", finish);
      socket.on("close", finish);
      const data = Buffer.from(`a=${"x".repeat(64 * KB - 2)}`);
      const chunk = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]);
      const pump = () => {
        // 300 MB, as the attack sent, unless the server stops reading first.
        while (!done && sent < 300 * MB) {
          sent += chunk.length;
          if (!socket.write(chunk)) {
            const stalled = setTimeout(finish, 5_000);
            socket.once("drain", () => (clearTimeout(stalled), pump()));
            return;
          }
        }
      };
      socket.on("connect", () => {
        socket.write(
          `POST /sign-in HTTP/1.1\r\nHost: localhost:${server.port}\r\n` +
            "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
        );
        pump();
      });
    });
    expect(result.response).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.response).toMatch(/\r\nconnection: close\r\n/i);
    // The form limit is 512 KB; beyond it only what sits in socket buffers was taken, not the 300 MB.
    expect(result.sent).toBeLessThan(32 * MB);
  });
});

describe("cross-site requests", () => {
  it("refuses an admin's POST from another origin or site, and legacy ?_data requests, making no account", async () => {
    const { cookie, csrf } = await signIn(admin.email);
    const attempt = (path: string, headers: Record<string, string>) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({ csrf, name: "Mallory", email: "mallory@example.org", roles: "ADMIN", password: "twelve chars plus" }),
      });
    expect((await attempt("/users/new", { Origin: "https://evil.example" })).status).toBe(403);
    expect((await attempt("/users/new", { "Sec-Fetch-Site": "same-site" })).status).toBe(403);
    expect((await attempt("/users/new", { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await attempt("/users/new?_data=routes%2Fusers.new", {})).status).toBe(400);
    expect(await db.user.count({ where: { email: "mallory@example.org" } })).toBe(0);
    // The same form from the service's own page is taken.
    const own = await attempt("/users/new", { Origin: server.url, "Sec-Fetch-Site": "same-origin" });
    expect(own.status, await own.text()).toBe(302);
    expect(await db.user.count({ where: { email: "mallory@example.org" } })).toBe(1);
  });
});

describe("caching and downloads", () => {
  it("sends Cache-Control: no-store on every page and data response to a signed-in user", async () => {
    const { cookie } = await signIn(lado.email);
    const file = await createCase(db);
    for (const path of ["/cases", `/cases/${file.reference}`, "/cases.data", `/cases/${file.reference}.data`, "/triage"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
    // Static assets are still cached.
    const page = await (await fetch(`${server.url}/sign-in`)).text();
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(page)![1]!;
    expect((await fetch(`${server.url}${asset}`)).headers.get("cache-control")).toMatch(/max-age=31536000/);
  });

  it("never serves a document's bytes to a .data request, and records no download", async () => {
    const { cookie } = await signIn(lado.email);
    const file = await createCase(db);
    const stored = await storeFile(minimalPdf("statement"));
    const document = await db.document.create({
      data: { kind: "ATTACHMENT", caseId: file.id, filename: "statement.pdf", mediaType: "application/pdf", ...stored },
    });
    const response = await fetch(`${server.url}/documents/${document.id}.data`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("%PDF");
    expect(await db.auditEvent.count({ where: { action: "document.download", caseId: file.id } })).toBe(0);
    const download = await fetch(`${server.url}/documents/${document.id}`, { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
  });
});

describe("open redirects and control characters", () => {
  it.each(["/%09/evil.example", "/\t/evil.example", "//evil.example", "/%5Cevil.example", "/.//evil.example"])(
    "keeps sign-in's returnTo %j on this site",
    async (returnTo) => {
      const { cookie } = await signIn(lado.email);
      const response = await fetch(`${server.url}/sign-in?${new URLSearchParams({ returnTo })}`, {
        headers: { Cookie: cookie },
        redirect: "manual",
      });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location")!, server.url);
      expect(location.origin).toBe(server.url);
    },
  );

  it.each([
    ["a NUL in the sign-in email", "POST", "/sign-in", "email=a%00b%40example.org&password=x"],
    ["CR/LF in the sign-in email", "POST", "/sign-in", "email=a%0D%0Ab%40example.org&password=x"],
    ["CR/LF in the sign-in returnTo", "POST", "/sign-in", "email=a%40example.org&password=x&returnTo=%2Fcases%0D%0ASet-Cookie%3A+x%3D1"],
    ["a NUL in the search", "GET", "/cases?q=%00", ""],
    ["CR/LF in the search", "GET", "/cases?q=a%0D%0Ab", ""],
    ["a NUL in a case reference", "GET", "/cases/LADO%00", ""],
    ["CR/LF in a case reference", "GET", "/cases/LADO-2026%0D%0A", ""],
    ["a NUL in returnTo", "GET", "/sign-in?returnTo=%2F%00", ""],
  ])("answers %s without a 500", async (_, method, path, body) => {
    const { cookie } = await signIn(lado.email);
    const response = await fetch(`${server.url}${path}`, {
      method,
      redirect: "manual",
      headers: { Cookie: cookie, ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      ...(body ? { body } : {}),
    });
    expect(response.status, await response.text()).toBeLessThan(500);
    expect([200, 302, 400, 404]).toContain(response.status);
  });
});

describe("in a browser", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("after signing out, Back does not show the case list again", async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(lado.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/my-work"); // a LADO's home
    await page.goto("/cases");
    await page.getByRole("heading", { level: 1, name: "Cases", exact: true }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.goBack();
    await page.waitForLoadState();
    expect(await page.getByRole("heading", { level: 1, name: "Cases", exact: true }).count()).toBe(0);
    expect(await page.getByRole("heading", { level: 1, name: "Sign in" }).count()).toBe(1);
  });

  it("a page on the same site but another origin cannot make an admin's browser create an account", async () => {
    const adminContext = await browser.newContext({ baseURL: server.url });
    const adminPage = await adminContext.newPage();
    await adminPage.goto("/sign-in");
    await adminPage.getByLabel("Email address").fill(admin.email);
    await adminPage.getByLabel("Password").fill(PASSWORD);
    await adminPage.getByRole("button", { name: "Sign in" }).click();
    await adminPage.getByRole("heading", { level: 1 }).waitFor();
    // Another port on localhost: another origin but the same site, so the SameSite=Lax cookie goes with the post.
    const attackerOrigin = `http://localhost:${server.port === 65535 ? 1024 : server.port + 1}`;
    await adminPage.route(`${attackerOrigin}/attack`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" action="${server.url}/users/new">
          <input name="name" value="Eve"><input name="email" value="eve@example.org">
          <input name="roles" value="ADMIN"><input name="password" value="twelve chars plus">
        </form><script>document.forms[0].submit()</script>`,
      }),
    );
    const answer = adminPage.waitForResponse(`${server.url}/users/new`);
    await adminPage.goto(`${attackerOrigin}/attack`);
    expect((await answer).status()).toBe(403);
    expect(await db.user.count({ where: { email: "eve@example.org" } })).toBe(0);
    await adminContext.close();
  });
});
