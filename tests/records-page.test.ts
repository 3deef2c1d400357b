// The records page (issue 16), through its routes as a manager uses them: an
// upload is kept and checked in the background, the dry run's report shown,
// then imported (all, or the good rows with the bad ones to download); each
// kind of bad file answered next to the field with nothing kept; an upload too
// large refused while it streams; CSRF and permissions; a run the server was
// holding when it stopped marked interrupted and run again; the template, the
// format and the export of every case.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

// env() reads process.env once: a small limit, so a file over it is quick to send.
process.env.RECORDS_IMPORT_MAX_MB = "2";

const { db } = await import("~/db.server");
const recordsPage = await import("~/routes/records._index");
const jobPage = await import("~/routes/records.imports.$jobId");
const badRows = await import("~/routes/records.imports.$jobId_.bad-rows[.]csv");
const template = await import("~/routes/records.template[.]csv");
const formatPage = await import("~/routes/records.format");
const exportCsv = await import("~/routes/records.export[.]csv");
const { importsIdle, markInterruptedImports, sweepImportUploads, INTERRUPTED_MESSAGE, UPLOADS_KEPT_DAYS } =
  await import("~/records/import-jobs.server");
const { templateCsv, COLUMN_NAMES } = await import("~/records/format");
const { bodyOf, BASE, request, run, signedIn, statusOf } = await import("./helpers");
type Caller = Awaited<ReturnType<typeof signedIn>>;

const MB = 1024 * 1024;
let unique = 0;
const ref = () => `PAGE-${process.pid}-${++unique}`;

const HEADER = "reference,received_at,source,subject_first_name,subject_last_name,decision,decision_at";
const goodRow = (reference: string, last = "Okonkwo-Fairweather") => `${reference},2019-05-01,phone,Zoë,${last},advice,2019-05-02`;
const csv = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;

/** The upload form as the page sends it: the CSRF token first, then the file. */
function upload(caller: Caller | null, file: { name: string; content: string | Buffer } | null, csrf = caller?.csrf ?? null) {
  const form = new FormData();
  if (csrf !== null) form.append("csrf", csrf);
  if (file) form.append("file", new File([new Uint8Array(Buffer.from(file.content))], file.name, { type: "text/csv" }));
  else form.append("file", new File([], "", { type: "application/octet-stream" }));
  return new Request(`${BASE}/records`, { method: "POST", headers: caller ? { Cookie: caller.cookie } : {}, body: form });
}

/** A download's text, its byte order mark kept (Response.text() drops it). */
const textOf = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString("utf8");

const uploadedFiles = () =>
  fs.readdirSync(process.env.UPLOAD_DIR!, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length;

async function uploadAndCheck(caller: Caller, content: string | Buffer, name = "past-years.csv") {
  const { value } = await run(recordsPage.action, upload(caller, { name, content }));
  expect(statusOf(value), JSON.stringify(bodyOf(value))).toBe(302);
  const jobId = (value as Response).headers.get("Location")!.split("/").pop()!;
  await importsIdle();
  return jobId;
}

async function jobView(caller: Caller, jobId: string) {
  const { value } = await run(jobPage.loader, request(`/records/imports/${jobId}`, { caller }), { jobId });
  expect(statusOf(value)).toBe(200);
  return bodyOf<Awaited<ReturnType<typeof jobPage.loader>>>(value);
}

async function ask(caller: Caller, jobId: string, intent: string) {
  const { value } = await run(jobPage.action, request(`/records/imports/${jobId}`, { caller, form: { intent } }), { jobId });
  expect(statusOf(value)).toBe(302);
  await importsIdle();
}

describe("upload, dry run, import", () => {
  it("checks the file without importing, then imports it: the cases exist, marked with their batch, audited", async () => {
    const manager = await signedIn(["MANAGER"]);
    const [a, b, c] = [ref(), ref(), ref()];
    const jobId = await uploadAndCheck(manager, csv(HEADER, goodRow(a), goodRow(b), goodRow(c, "O'Brien")));

    const checked = await jobView(manager, jobId);
    expect(checked.job).toMatchObject({ filename: "past-years.csv", stage: "DRY_RUN", status: "DONE", createdBy: expect.any(String) });
    expect(checked.dryRun).toMatchObject({ rows: 3, added: 3, skipped: 0, problemCount: 0, badRowCount: 0, imported: false });
    expect(await db.case.count({ where: { reference: { in: [a, b, c] } } })).toBe(0);
    // The good rows are only for a file with bad ones.
    await ask(manager, jobId, "import-good-rows");
    expect((await jobView(manager, jobId)).job.stage).toBe("DRY_RUN");

    await ask(manager, jobId, "import");
    const done = await jobView(manager, jobId);
    expect(done.job).toMatchObject({ stage: "IMPORT", status: "DONE", hasBadRows: false });
    expect(done.imported).toMatchObject({ added: 3, imported: true });
    expect(done.job.batch).toMatchObject({ added: 3, skipped: 0 });
    const cases = await db.case.findMany({ where: { reference: { in: [a, b, c] } }, include: { subject: true } });
    expect(cases).toHaveLength(3);
    expect(new Set(cases.map((x) => x.importBatchId))).toEqual(new Set([done.job.batch!.id]));
    expect(cases.find((x) => x.reference === c)!.subject).toMatchObject({ firstName: "Zoë", lastName: "O'Brien" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "records.import", subjectId: done.job.batch!.id } });
    expect(event.userId).toBe(manager.user.id);
    // The upload has done its work: it is not kept.
    expect((await db.recordsImportJob.findUniqueOrThrow({ where: { id: jobId } })).storageKey).toBeNull();

    // A second press of Import, and the same file again, add nothing.
    await ask(manager, jobId, "import");
    const again = await uploadAndCheck(manager, csv(HEADER, goodRow(a), goodRow(b), goodRow(c, "O'Brien")));
    expect((await jobView(manager, again)).dryRun).toMatchObject({ rows: 3, added: 0, skipped: 3 });
    await ask(manager, again, "import");
    expect((await jobView(manager, again)).imported).toMatchObject({ added: 0, skipped: 3 });
    expect(await db.case.count({ where: { reference: { in: [a, b, c] } } })).toBe(3);
  });

  it("reports bad rows by line and column and changed rows; imports only the good rows when asked, the bad ones to download", async () => {
    const manager = await signedIn(["MANAGER"]);
    const onFile = ref();
    await uploadAndCheck(manager, csv(HEADER, goodRow(onFile))).then((id) => ask(manager, id, "import"));
    const [good, bad] = [ref(), ref()];
    const jobId = await uploadAndCheck(
      manager,
      csv(HEADER, goodRow(good), `${bad},2019-05-01,carrier_pigeon,A,B,advice,2019-05-02`, goodRow(onFile, "Changed")),
    );
    const checked = await jobView(manager, jobId);
    expect(checked.dryRun).toMatchObject({ rows: 3, added: 1, badRowCount: 1, problemCount: 1, changedCount: 1 });
    expect(checked.dryRun!.problems).toEqual([{ line: 3, column: "source", message: expect.stringContaining("carrier_pigeon") }]);
    expect(checked.dryRun!.changed).toEqual([{ line: 4, reference: onFile, columns: ["subject_last_name"] }]);
    // Not "Import": the file has a bad row.
    await ask(manager, jobId, "import");
    expect((await jobView(manager, jobId)).job.stage).toBe("DRY_RUN");
    expect(await db.case.count({ where: { reference: good } })).toBe(0);

    await ask(manager, jobId, "import-good-rows");
    const done = await jobView(manager, jobId);
    expect(done.imported).toMatchObject({ added: 1, badRowCount: 1 });
    expect(done.job.hasBadRows).toBe(true);
    expect(await db.case.count({ where: { reference: { in: [good, bad] } } })).toBe(1);
    expect((await db.case.findUniqueOrThrow({ where: { reference: onFile }, include: { subject: true } })).subject!.lastName).toBe(
      "Okonkwo-Fairweather",
    );

    const { value } = await run(badRows.loader, request(`/records/imports/${jobId}/bad-rows.csv`, { caller: manager }), { jobId });
    expect(statusOf(value)).toBe(200);
    const response = value as Response;
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="past-years.bad.csv"');
    expect(await textOf(response)).toBe(`\uFEFF${csv(HEADER, `${bad},2019-05-01,carrier_pigeon,A,B,advice,2019-05-02`)}`);
    const taken = await db.auditEvent.findFirstOrThrow({
      where: { action: "records.export", userId: manager.user.id, subjectId: done.job.batch!.id },
    });
    expect(taken.details).toMatchObject({ file: "bad rows", jobId });
  });

  it("shows a file unreadable past its header as not importable, with the line, in the dry run", async () => {
    const manager = await signedIn(["MANAGER"]);
    // Past the first chunk the upload's header check reads: the dry run finds it.
    const rows = Array.from({ length: 3000 }, () => goodRow(ref()));
    const content = Buffer.concat([Buffer.from(csv(HEADER, ...rows)), Buffer.from(`${ref()},2019-05-01,phone,Zo\xeb,B,,\r\n`, "latin1")]);
    const jobId = await uploadAndCheck(manager, content);
    const view = await jobView(manager, jobId);
    expect(view.dryRun).toMatchObject({ sha256: null, problemCount: 1 });
    expect(view.dryRun!.problems[0]).toMatchObject({ line: 3002, message: expect.stringContaining("not UTF-8") });
    // Nothing to import: neither button is taken.
    await ask(manager, jobId, "import");
    await ask(manager, jobId, "import-good-rows");
    expect((await jobView(manager, jobId)).job).toMatchObject({ stage: "DRY_RUN", status: "DONE" });
  });
});

describe("bad files: each a message next to the field, nothing kept", () => {
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xa1, 0xe9, 0xff, 0x00]);
  it.each([
    ["no file chosen", null, "Select a CSV file to import"],
    ["an empty file", "", "The selected file is empty"],
    ["a spreadsheet, not CSV", zip, "The selected file cannot be imported. Line 1: is not UTF-8 text"],
    ["a PDF, not CSV", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "latin1"), "is not UTF-8 text"],
    ["Windows-1252, not UTF-8", Buffer.from(`${HEADER}\r\nX-1,2019-05-01,phone,Zo\xeb,B,,\r\n`, "latin1"), "Line 2: is not UTF-8 text"],
    ["a blank file", "\r\n\r\n", "Line 1: the first line is blank: it must be the header row"],
    ["a missing required column", csv("reference,received_at", "X-1,2019-05-01"), 'Line 1: the column "source" is missing'],
    ["an unknown column", csv(`${HEADER},colour`, `${goodRow("X-1")},red`), 'Line 1: unknown column "colour"'],
    ["not CSV at all", 'reference,received_at,source\r\n"X-1,2019', "Line 2: not readable as CSV"],
  ])("%s", async (_, content, message) => {
    const manager = await signedIn(["MANAGER"]);
    const [files, jobs] = [uploadedFiles(), await db.recordsImportJob.count()];
    const req = upload(manager, content === null ? null : { name: "records.csv", content });
    const { value } = await run(recordsPage.action, req);
    expect(statusOf(value)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(value).errors.file).toContain(message);
    expect(uploadedFiles()).toBe(files);
    expect(await db.recordsImportJob.count()).toBe(jobs);
  });
});

describe("an upload too large", () => {
  /** A multipart body of the CSRF token and a file of `size` bytes, made as it is read; `pulled` counts what was read. */
  function streamedUpload(caller: Caller, size: number, declare: boolean) {
    const boundary = "----records-test-boundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${caller.csrf}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const chunk = Buffer.from(`${goodRow("X-1")}\r\n`.repeat(Math.floor(MB / 60)));
    const counter = { pulled: 0 };
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = sent === 0 ? head : sent >= size ? null : chunk;
        if (!next) {
          controller.enqueue(tail);
          controller.close();
          return;
        }
        sent += next === head ? 0.5 : next.length;
        counter.pulled += next.length;
        controller.enqueue(next);
      },
    });
    const headers: Record<string, string> = { Cookie: caller.cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` };
    if (declare) headers["Content-Length"] = String(head.length + size + tail.length);
    const req = new Request(`${BASE}/records`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
    return { req, counter };
  }

  it("refuses a 1 GB file while it streams, having read little more than the limit, and keeps nothing", async () => {
    const manager = await signedIn(["MANAGER"]);
    const [files, jobs] = [uploadedFiles(), await db.recordsImportJob.count()];
    const { req, counter } = streamedUpload(manager, 1024 * MB, false);
    const { value } = await run(recordsPage.action, req);
    expect(statusOf(value)).toBe(413);
    expect(bodyOf<{ errors: Record<string, string> }>(value).errors).toEqual({ file: "The selected file must be smaller than 2 MB" });
    expect(counter.pulled).toBeLessThan(4 * MB);
    expect(uploadedFiles()).toBe(files);
    expect(await db.recordsImportJob.count()).toBe(jobs);
  });

  it("refuses one that says it is 1 GB without reading it", async () => {
    const manager = await signedIn(["MANAGER"]);
    const { req, counter } = streamedUpload(manager, 1024 * MB, true);
    const { value } = await run(recordsPage.action, req);
    expect(statusOf(value)).toBe(413);
    expect(bodyOf<{ errors: Record<string, string> }>(value).errors.file).toBe("The selected file must be smaller than 2 MB");
    expect(counter.pulled).toBeLessThan(2 * MB);
  });

  it("takes a file just under the limit", async () => {
    const manager = await signedIn(["MANAGER"]);
    const rows = Array.from({ length: Math.floor((1.9 * MB) / 80) }, () => goodRow(ref()));
    const jobId = await uploadAndCheck(manager, csv(HEADER, ...rows));
    expect((await jobView(manager, jobId)).dryRun).toMatchObject({ rows: rows.length, problemCount: 0 });
  });
});

describe("who may", () => {
  it("refuses an upload without this session's CSRF token, keeping nothing", async () => {
    const manager = await signedIn(["MANAGER"]);
    const files = uploadedFiles();
    for (const csrf of ["forged", null]) {
      const { value, thrown } = await run(
        recordsPage.action,
        upload(manager, { name: "a.csv", content: csv(HEADER, goodRow(ref())) }, csrf),
      );
      expect(thrown).toBe(true);
      expect(statusOf(value)).toBe(400);
    }
    expect(uploadedFiles()).toBe(files);
  });

  it("gives everyone but a manager 403 for the page, the upload and a job", async () => {
    const manager = await signedIn(["MANAGER"]);
    const jobId = await uploadAndCheck(manager, csv(HEADER, goodRow(ref())));
    for (const role of ["LADO", "BUSINESS_SUPPORT", "AUDITOR", "ADMIN"] as const) {
      const caller = await signedIn([role]);
      expect(statusOf((await run(recordsPage.loader, request("/records", { caller }))).value)).toBe(403);
      expect(statusOf((await run(recordsPage.action, upload(caller, { name: "a.csv", content: csv(HEADER) }))).value)).toBe(403);
      const job = await run(jobPage.action, request(`/records/imports/${jobId}`, { caller, form: { intent: "import" } }), { jobId });
      expect(statusOf(job.value)).toBe(403);
    }
    expect((await jobView(manager, jobId)).job.stage).toBe("DRY_RUN");
  });
});

describe("a restart", () => {
  it("marks a run left running interrupted, saying running it again is safe, and runs it again when asked", async () => {
    const manager = await signedIn(["MANAGER"]);
    const reference = ref();
    const jobId = await uploadAndCheck(manager, csv(HEADER, goodRow(reference)));
    // As a server that stopped part-way through the import leaves it.
    await db.recordsImportJob.update({ where: { id: jobId }, data: { stage: "IMPORT", status: "RUNNING", phase: "IMPORT" } });
    expect(await markInterruptedImports()).toBe(1);
    const stopped = await jobView(manager, jobId);
    expect(stopped.job).toMatchObject({ status: "INTERRUPTED", message: INTERRUPTED_MESSAGE });
    expect(stopped.job.message).toContain("Running it again is safe");

    await ask(manager, jobId, "run-again");
    expect((await jobView(manager, jobId)).job).toMatchObject({ stage: "IMPORT", status: "DONE" });
    expect(await db.case.count({ where: { reference } })).toBe(1);
  });

  it("deletes an upload checked but never imported a week after its check, and then offers no import", async () => {
    const manager = await signedIn(["MANAGER"]);
    const jobId = await uploadAndCheck(manager, csv(HEADER, goodRow(ref())));
    const { storageKey, finishedAt } = await db.recordsImportJob.findUniqueOrThrow({ where: { id: jobId } });
    const stored = `${process.env.UPLOAD_DIR}/${storageKey}`;
    expect(fs.existsSync(stored)).toBe(true);
    const day = 86_400_000;
    // Earlier tests' jobs are older still: only this one's file is watched.
    await sweepImportUploads(new Date(finishedAt!.getTime() + UPLOADS_KEPT_DAYS * day - 1000));
    expect(fs.existsSync(stored)).toBe(true);
    expect(await sweepImportUploads(new Date(finishedAt!.getTime() + UPLOADS_KEPT_DAYS * day + 1000))).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(stored)).toBe(false);
    const view = await jobView(manager, jobId);
    expect(view.job).toMatchObject({ fileKept: false, status: "DONE" });
    await ask(manager, jobId, "import");
    expect((await jobView(manager, jobId)).job.stage).toBe("DRY_RUN");
  });

  it("runs one job at a time, in the order asked, showing progress on the way", async () => {
    const manager = await signedIn(["MANAGER"]);
    const rows = Array.from({ length: 4000 }, () => goodRow(ref()));
    const first = await run(recordsPage.action, upload(manager, { name: "first.csv", content: csv(HEADER, ...rows) }));
    const second = await run(recordsPage.action, upload(manager, { name: "second.csv", content: csv(HEADER, goodRow(ref())) }));
    const [a, b] = [first, second].map((r) => (r.value as Response).headers.get("Location")!.split("/").pop()!);
    // Whether the second is still waiting when looked at depends on the machine's speed: the order is what is sure.
    await importsIdle();
    const [ja, jb] = await Promise.all([a, b].map((id) => db.recordsImportJob.findUniqueOrThrow({ where: { id: id! } })));
    expect(ja.finishedAt!.getTime()).toBeLessThanOrEqual(jb.phaseStartedAt!.getTime());
    // 4,000 rows report progress (every thousand): the phase and rows done were written.
    expect(ja).toMatchObject({ phase: "CHECK", status: "DONE" });
    expect(ja.rowsDone).toBeGreaterThanOrEqual(1000);
  });
});

describe("the template, the format and the export", () => {
  it("offers the template and every column's codes", async () => {
    const manager = await signedIn(["MANAGER"]);
    const { value } = await run(template.loader, request("/records/template.csv", { caller: manager }));
    expect((value as Response).headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(await textOf(value as Response)).toBe(templateCsv());
    const format = bodyOf<{ columns: { name: string; codes: string[] }[] }>(
      (await run(formatPage.loader, request("/records/format", { caller: manager }))).value,
    );
    expect(format.columns.map((c) => c.name)).toEqual(COLUMN_NAMES);
    expect(format.columns.find((c) => c.name === "source")!.codes).toContain("front_door");
  });

  it("streams every case to a manager, audited once the last row is written", async () => {
    const manager = await signedIn(["MANAGER"]);
    const reference = ref();
    await uploadAndCheck(manager, csv(HEADER, goodRow(reference))).then((id) => ask(manager, id, "import"));
    const { value } = await run(exportCsv.loader, request("/records/export.csv", { caller: manager }), {}, { dataRequest: false });
    const response = value as Response;
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="lado-records-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await textOf(response);
    expect(text.startsWith(`\uFEFF${COLUMN_NAMES.join(",")}\r\n`)).toBe(true);
    expect(text).toContain(`${reference},2019-05-01T00:00:00+01:00,phone`);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "records.export", userId: manager.user.id } });
    expect(event.details).toMatchObject({ cases: await db.case.count() });
    // Never through a data request.
    const data = await run(exportCsv.loader, request("/records/export.csv.data", { caller: manager }), {}, { dataRequest: true });
    expect(statusOf(data.value)).toBe(404);
  });
});
