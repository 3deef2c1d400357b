// The records page's imports, run in the background: an uploaded file is
// checked (a dry run), then, when the manager asks, imported (all of it, or
// its good rows, the bad ones written to a file to put right). Each run is a
// RecordsImportJob row, so its progress and report are there for any page
// view and survive the server: a run the server was holding when it stopped
// is marked interrupted when it starts again (running it again is safe, since
// the import is idempotent). One run at a time per server, in the order asked.
// docs/decisions/016-import-export.md explains the choices.
import { db } from "~/db.server";
import type { Prisma, RecordsImportJob } from "~/generated/prisma/client";
import { deleteStoredFile, openStoredFile, storedFileWriter } from "~/documents/storage.server";
import { log as appLog } from "~/utils/log.server";
import { importRecords, type ImportProgress, type ImportReport } from "./import.server";

const log = appLog.with({ component: "records-import" });

/** Progress is written at most this often (the page asks about once a second). */
const PROGRESS_EVERY_MS = 500;

export const INTERRUPTED_MESSAGE =
  "The server stopped while this was running. Running it again is safe: rows already imported are skipped, so nothing is added twice.";
const GONE_MESSAGE = "The uploaded file is no longer kept. Upload it again.";

/** An upload not imported, and a file of bad rows, are kept this long after their job's last run. */
export const UPLOADS_KEPT_DAYS = 7;

/** The runs this server holds (queued or running): any other left queued or running was another start's. */
const held = new Set<string>();
let queue: Promise<void> = Promise.resolve();

/** Resolves once every run asked of this server so far has finished (for tests, and a clean stop). */
export const importsIdle = () => queue;

function enqueue(jobId: string, requestId: string) {
  held.add(jobId);
  queue = queue
    .then(() => run(jobId, requestId))
    .catch((error: unknown) =>
      log.error(`A records import could not run: ${error instanceof Error ? error.message : "unknown error"}`, { jobId }),
    )
    .finally(() => held.delete(jobId));
}

/** A new job for an uploaded file, its dry run queued. */
export async function startDryRun(file: { filename: string; storageKey: string; sizeBytes: number }, userId: string, requestId: string) {
  const job = await db.recordsImportJob.create({
    data: { filename: file.filename, storageKey: file.storageKey, sizeBytes: file.sizeBytes, createdById: userId },
    select: { id: true },
  });
  enqueue(job.id, requestId);
  return job.id;
}

export type JobRequest = "import" | "import-good-rows" | "run-again";

/**
 * Queues what the manager asked of a job, if it still fits how the job stands
 * (a second press of a button, or a stale page, changes nothing): the import
 * once the dry run found no bad rows, the good rows once it found some, or
 * the last run again after it was interrupted or failed. Returns whether
 * anything was queued.
 */
export async function requestRun(jobId: string, asked: JobRequest, requestId: string) {
  const job = await db.recordsImportJob.findUnique({ where: { id: jobId } });
  if (!job || held.has(job.id) || !job.storageKey) return false;
  let data: Prisma.RecordsImportJobUpdateManyMutationInput;
  if (asked === "run-again") {
    if (job.status !== "INTERRUPTED" && job.status !== "FAILED") return false;
    data = {};
  } else {
    const report = dryRunReport(job);
    if (job.stage !== "DRY_RUN" || job.status !== "DONE" || !report || report.sha256 === null) return false;
    const goodRows = asked === "import-good-rows";
    if (goodRows !== report.badRowCount > 0) return false;
    data = { stage: "IMPORT", goodRows };
  }
  // Only from the state read: two presses at once queue one run.
  const { count } = await db.recordsImportJob.updateMany({
    where: { id: job.id, stage: job.stage, status: job.status },
    data: { ...data, status: "QUEUED", message: null, finishedAt: null, phase: null, rowsDone: 0, fraction: null },
  });
  if (count) enqueue(job.id, requestId);
  return count > 0;
}

async function run(jobId: string, requestId: string) {
  const job = await db.recordsImportJob.findUnique({ where: { id: jobId } });
  if (!job || job.status !== "QUEUED") return;
  const input = job.storageKey ? openStoredFile(job.storageKey) : null;
  if (!input) {
    await db.recordsImportJob.update({ where: { id: jobId }, data: { status: "FAILED", message: GONE_MESSAGE, finishedAt: new Date() } });
    return;
  }
  input.destroy(); // the import opens the file afresh for each pass
  await db.recordsImportJob.update({ where: { id: jobId }, data: { status: "RUNNING", phaseStartedAt: new Date(), progressAt: null } });
  const importing = job.stage === "IMPORT";
  const progress = progressWriter(jobId);
  const badRows = importing && job.goodRows ? await storedFileWriter() : undefined;
  try {
    const report = await importRecords(db, {
      open: () => openStoredFile(job.storageKey!) ?? failGone(),
      filename: job.filename,
      size: Number(job.sizeBytes),
      who: job.createdById,
      requestId,
      dryRun: !importing,
      goodRows: importing && job.goodRows,
      badRows: badRows?.stream,
      onProgress: progress.update,
    });
    await progress.settled();
    await finished(job, report, badRows);
  } catch (error) {
    await progress.settled();
    await badRows?.discard();
    await failed(job, error);
  }
}

/** A run's report kept on its job; an import's bad rows kept to download, and the upload, imported, not kept. */
async function finished(job: RecordsImportJob, report: ImportReport, badRows: Awaited<ReturnType<typeof storedFileWriter>> | undefined) {
  const importing = job.stage === "IMPORT";
  const badRowsKey = badRows && report.badRowCount ? await badRows.keep() : null;
  if (badRows && !badRowsKey) await badRows.discard();
  const json = report as unknown as Prisma.InputJsonValue;
  await db.recordsImportJob.update({
    where: { id: job.id },
    data: {
      status: "DONE",
      finishedAt: new Date(),
      ...(importing ? { importReport: json, importBatchId: report.batchId, badRowsKey } : { dryRunReport: json }),
      ...(report.imported ? { storageKey: null } : {}),
    },
  });
  if (report.imported) await deleteStoredFile(job.storageKey!);
}

async function failed(job: RecordsImportJob, error: unknown) {
  const importing = job.stage === "IMPORT";
  log.error(`Records ${importing ? "import" : "check"} failed: ${error instanceof Error ? error.message : "unknown error"}`, {
    jobId: job.id,
  });
  const message = importing
    ? "The import stopped with an error. The batches already written are imported; running it again is safe and adds the rest."
    : "The check stopped with an error. Run it again.";
  await db.recordsImportJob
    .update({ where: { id: job.id }, data: { status: "FAILED", finishedAt: new Date(), message } })
    .catch(() => log.error("Could not record a failed records import", { jobId: job.id }));
}

function failGone(): never {
  throw new Error(GONE_MESSAGE);
}

/** Writes the import's progress to the job, in order, no more often than PROGRESS_EVERY_MS (a new phase at once). */
function progressWriter(jobId: string) {
  let last: { phase: ImportProgress["phase"]; at: number } | null = null;
  let writes: Promise<unknown> = Promise.resolve();
  return {
    update({ phase, rows, fraction }: ImportProgress) {
      const now = Date.now();
      const newPhase = last?.phase !== phase;
      if (!newPhase && now - last!.at < PROGRESS_EVERY_MS) return;
      last = { phase, at: now };
      const data = {
        phase: phase === "check" ? "CHECK" : "IMPORT",
        rowsDone: rows,
        fraction,
        progressAt: new Date(now),
        ...(newPhase ? { phaseStartedAt: new Date(now) } : {}),
      } as const;
      writes = writes.then(() => db.recordsImportJob.update({ where: { id: jobId }, data }).catch(() => {}));
    },
    settled: () => writes,
  };
}

/** On start: runs left queued or running by an earlier start of the server are marked interrupted. Returns how many. */
export async function markInterruptedImports() {
  const { count } = await db.recordsImportJob.updateMany({
    where: { status: { in: ["QUEUED", "RUNNING"] }, id: { notIn: [...held] } },
    data: { status: "INTERRUPTED", message: INTERRUPTED_MESSAGE, finishedAt: new Date() },
  });
  return count;
}

/**
 * Deletes the files of jobs whose last run finished more than
 * UPLOADS_KEPT_DAYS ago: an upload checked but never imported, and a file of
 * bad rows. Each is a copy of case records, kept no longer than it is of use.
 * Returns how many jobs lost their files.
 */
export async function sweepImportUploads(now = new Date()) {
  const stale = await db.recordsImportJob.findMany({
    where: {
      status: { notIn: ["QUEUED", "RUNNING"] },
      finishedAt: { lt: new Date(now.getTime() - UPLOADS_KEPT_DAYS * 86_400_000) },
      OR: [{ storageKey: { not: null } }, { badRowsKey: { not: null } }],
      id: { notIn: [...held] },
    },
    select: { id: true, storageKey: true, badRowsKey: true },
  });
  for (const job of stale) {
    await db.recordsImportJob.update({ where: { id: job.id }, data: { storageKey: null, badRowsKey: null } });
    for (const key of [job.storageKey, job.badRowsKey]) if (key) await deleteStoredFile(key);
  }
  return stale.length;
}

export const dryRunReport = (job: Pick<RecordsImportJob, "dryRunReport">) => job.dryRunReport as unknown as ImportReport | null;
export const importReport = (job: Pick<RecordsImportJob, "importReport">) => job.importReport as unknown as ImportReport | null;

/** The manager's recent uploads, newest first. */
export function recentImports(take = 10) {
  return db.recordsImportJob.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, filename: true, createdAt: true, stage: true, status: true, createdBy: { select: { name: true } } },
  });
}

/** A job for its page, or null. */
export function findImportJob(id: string) {
  return db.recordsImportJob.findUnique({
    where: { id },
    include: { createdBy: { select: { name: true } }, importBatch: { select: { id: true, added: true, skipped: true, importedAt: true } } },
  });
}
