// Benchmark: do document downloads keep their speed while a burst of sign-ins
// hashes passwords? Run with `npm run bench:sign-in-burst`.
//
// scrypt runs on libuv's thread pool, which file reads share; the app lets
// only two hashes run at once, with a short queue (app/auth/password.server.ts).
// This makes its own database lado_bench_burst on the test database server,
// BURST staff accounts and a case with a 1 MB stored document (in a temporary
// upload folder), starts the production app server (needs `npm run build`),
// then:
//   1. downloads the document DOWNLOADS times, one after another, with nothing
//      else running;
//   2. sends BURST sign-ins at once, each to a different account with its
//      password, and downloads the document one after another until every
//      sign-in has its answer.
// It prints the download times (median, p95, max) with and without the burst,
// and what the sign-ins got: signed in (302), refused at once because the
// hashing queue was full (503), or anything else, with sign-ins a second.
//
// Each sign-in comes from its own address (X-Forwarded-For, believed by the
// server with TRUST_PROXY=1, as behind the council's proxy): from 127.0.0.1
// alone the per-address throttle would refuse all but its 20 free attempts
// and one more before hashing, and hide what hashing costs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startAppServer, type AppServer } from "../tests/e2e/browser";
import { benchDatabase, limitRun, onCleanup, percentile, runBench } from "./harness";

const BURST = Number(process.env.BENCH_BURST ?? 300);
const DOWNLOADS = Number(process.env.BENCH_DOWNLOADS ?? 50);
const DOCUMENT_BYTES = 1024 * 1024; // a scanned letter
const WARM_UP = 20;
const TOTAL_LIMIT_MS = 5 * 60_000;
const DATABASE = "lado_bench_burst";
const PASSWORD = "bench-password-bench-password";

let app: AppServer | undefined;
limitRun(TOTAL_LIMIT_MS);

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

function printDownloads(label: string, durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(32)} ${String(sorted.length).padStart(4)} downloads` +
      `  median ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  max ${ms(sorted.at(-1) ?? NaN)}`,
  );
}

async function main() {
  const begun = performance.now();
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "lado-bench-uploads-"));
  onCleanup(async () => fs.rmSync(uploads, { recursive: true, force: true }));
  process.env.UPLOAD_DIR = uploads; // for storeFile here, and for the server below

  const { url, embedded, db } = await benchDatabase(DATABASE);
  const { createCase, createUser } = await import("../tests/factories");
  const { hashPassword } = await import("~/auth/password.server");
  const { storeFile } = await import("~/documents/storage.server");

  process.stdout.write(`Seeding ${BURST} staff and a case with a ${DOCUMENT_BYTES / 1024} KB document... `);
  const reader = await createUser(db, { roles: ["LADO"], email: "bench-reader@example.org", password: PASSWORD });
  // One hash for all: hashing each would take longer than the benchmark.
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: BURST }, (_, i) => `bench-staff-${i}@example.org`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Staff ${i}`, roles: ["LADO"], passwordHash })) });
  const file = await createCase(db, { allocatedToId: reader.id });
  const stored = await storeFile(new Uint8Array(DOCUMENT_BYTES).fill(0x25));
  const document = await db.document.create({
    data: { kind: "ATTACHMENT", caseId: file.id, filename: "letter.pdf", mediaType: "application/pdf", ...stored },
  });
  console.log(`done in ${((performance.now() - begun) / 1000).toFixed(1)} s`);

  app = await startAppServer({ databaseUrl: url, env: { TRUST_PROXY: "1", UPLOAD_DIR: uploads } });
  onCleanup(() => app!.stop());
  const base = app.url;
  console.log(`App server at ${base} (production build), database ${embedded ? "embedded PostgreSQL" : "from DATABASE_URL"}\n`);

  const signIn = async (email: string, address: string) => {
    const started = performance.now();
    const response = await fetch(`${base}/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
      body: new URLSearchParams({ email, password: PASSWORD, returnTo: "" }),
      redirect: "manual",
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started, cookie: response.headers.get("set-cookie")?.split(";")[0] };
  };
  const reading = await signIn(reader.email, "192.0.2.1");
  if (reading.status !== 302 || !reading.cookie) throw new Error(`sign-in answered ${reading.status}`);

  const download = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/documents/${document.id}`, { headers: { Cookie: reading.cookie! } });
    const bytes = await response.arrayBuffer();
    if (response.status !== 200 || bytes.byteLength !== DOCUMENT_BYTES) {
      throw new Error(`GET /documents/${document.id} answered ${response.status} with ${bytes.byteLength} bytes`);
    }
    return performance.now() - started;
  };

  for (let i = 0; i < WARM_UP; i++) await download();
  const quiet: number[] = [];
  for (let i = 0; i < DOWNLOADS; i++) quiet.push(await download());

  const burstStarted = performance.now();
  let burstOver = false;
  const burst = Promise.all(emails.map((email, i) => signIn(email, `10.0.${i >> 8}.${i & 255}`))).finally(() => (burstOver = true));
  const busy: number[] = [];
  while (!burstOver) busy.push(await download());
  const answers = await burst;
  const burstSeconds = (performance.now() - burstStarted) / 1000;

  printDownloads("Document, nothing else", quiet);
  printDownloads(`Document, ${BURST} sign-ins at once`, busy);

  const count = (status: number) => answers.filter((a) => a.status === status).length;
  const signedIn = answers.filter((a) => a.status === 302).map((a) => a.ms);
  const others = answers.length - count(302) - count(503);
  signedIn.sort((a, b) => a - b);
  console.log(
    `\n${BURST} sign-ins at once, answered in ${burstSeconds.toFixed(1)} s: ` +
      `${count(302)} signed in (${(count(302) / burstSeconds).toFixed(1)} a second; ` +
      `median ${percentile(signedIn, 50).toFixed(0)} ms, max ${(signedIn.at(-1) ?? NaN).toFixed(0)} ms), ` +
      `${count(503)} refused at once as busy (503)` +
      (others ? `, ${others} other answers (${[...new Set(answers.map((a) => a.status))].join(", ")})` : ""),
  );
  console.log(`\nTotal time ${((performance.now() - begun) / 1000).toFixed(1)} s`);
  return others ? 1 : 0;
}

await runBench(main, () => app?.output());
