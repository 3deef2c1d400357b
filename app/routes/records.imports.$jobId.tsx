// One uploaded file of records: its check (the dry run) and its import, each
// run in the background. While one runs the page shows its progress and asks
// again every second (with JavaScript; without, a link refreshes it); then
// the dry run's report, and the choice to import (or import the good rows);
// then what was imported.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { requireUser } from "~/auth/guard.server";
import { Button } from "~/components/form-fields";
import { NotificationBanner } from "~/components/notification-banner";
import { StaffForm } from "~/components/staff-form";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { humanFileSize } from "~/documents/file-types";
import type { ImportReport } from "~/records/import.server";
import { dryRunReport, findImportJob, importReport, requestRun, UPLOADS_KEPT_DAYS } from "~/records/import-jobs.server";
import { JobStatusTag } from "~/records/labels";
import { progressFigures, timeLeft } from "~/records/progress";
import { londonDateTime } from "~/utils/dates";
import { invalid, parseValues, readForm } from "~/utils/forms.server";
import { requestId } from "~/utils/request-id.server";
import { notFound } from "~/utils/responses.server";

export const handle = { permission: "records:transfer" };
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.job.filename ? `${data.job.filename} - ` : ""}Import records - LADO case management` },
];

const POLL_MS = 1_000;

async function jobFor(id: string | undefined) {
  const parsed = z.uuid().safeParse(id);
  const job = parsed.success ? await findImportJob(parsed.data) : null;
  if (!job) throw notFound();
  return job;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "records:transfer");
  const job = await jobFor(params.jobId);
  return {
    job: {
      id: job.id,
      filename: job.filename,
      sizeBytes: Number(job.sizeBytes),
      createdAt: job.createdAt,
      createdBy: job.createdBy.name,
      stage: job.stage,
      status: job.status,
      goodRows: job.goodRows,
      phase: job.phase,
      message: job.message,
      hasBadRows: job.badRowsKey !== null,
      fileKept: job.storageKey !== null,
      keptDays: UPLOADS_KEPT_DAYS,
      batch: job.importBatch,
    },
    progress: progressFigures(job),
    dryRun: dryRunReport(job),
    imported: importReport(job),
  };
}

const requestSchema = z.object({ intent: z.enum(["import", "import-good-rows", "run-again"], "Choose what to do with the file") });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, "records:transfer");
  const job = await jobFor(params.jobId);
  const parsed = parseValues(requestSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.failure);
  // A button pressed twice, or on a page out of date, queues nothing: the page then shows the job as it stands.
  await requestRun(job.id, parsed.data.intent, requestId(request));
  return redirect(`/records/imports/${job.id}`);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function RecordsImport() {
  const { job, progress, dryRun, imported } = useLoaderData<typeof loader>();
  const active = job.status === "QUEUED" || job.status === "RUNNING";
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, revalidator]);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/records" className="govuk-back-link">
          Back to import and export records
        </Link>
        <span className="govuk-caption-l">Import past years&apos; records</span>
        <h1 className="govuk-heading-l app-break-words">{job.filename || "(no name)"}</h1>
        <p className="govuk-body">
          <JobStatusTag stage={job.stage} status={job.status} />
        </p>
        <SummaryList
          rows={[
            ["Uploaded", `${londonDateTime(job.createdAt)} by ${job.createdBy}`],
            ["Size", humanFileSize(job.sizeBytes)],
          ]}
        />
        {active ? <Progress job={job} progress={progress} /> : <Finished job={job} dryRun={dryRun} imported={imported} />}
      </div>
    </div>
  );
}

/** What a job that is not running shows: why it stopped, what it imported, or its dry run with the choice to import. */
function Finished({ job, dryRun, imported }: { job: Data["job"]; dryRun: Data["dryRun"]; imported: Data["imported"] }) {
  const importedAll = job.stage === "IMPORT" && job.status === "DONE";
  return (
    <>
      {job.status === "FAILED" || job.status === "INTERRUPTED" ? <Stopped job={job} /> : null}
      {importedAll && imported ? <Imported job={job} report={imported} /> : null}
      {dryRun && !importedAll ? <DryRun report={dryRun} offer={job.stage === "DRY_RUN" && job.status === "DONE" && job.fileKept} /> : null}
      {!job.fileKept && job.stage === "DRY_RUN" && dryRun?.sha256 ? (
        <p className="govuk-inset-text">
          The uploaded file is no longer kept: files not imported are deleted {job.keptDays} days after they were checked. Upload it again
          to import it.
        </p>
      ) : null}
    </>
  );
}

const count = (n: number) => n.toLocaleString("en-GB");
const plural = (n: number, word: string, words = `${word}s`) => `${count(n)} ${n === 1 ? word : words}`;

function Progress({ job, progress }: { job: Data["job"]; progress: Data["progress"] }) {
  const importing = job.stage === "IMPORT";
  const doing = job.status === "QUEUED" ? "Waiting for another import to finish" : job.phase === "IMPORT" ? "Importing" : "Checking";
  return (
    <div className="app-progress">
      <h2 className="govuk-heading-m" aria-live="polite">
        {doing}
        {job.status === "RUNNING" && importing && job.phase !== "IMPORT" ? " (every row again, before writing)" : ""}
      </h2>
      {progress.percent !== null ? (
        <>
          <label className="govuk-label" htmlFor="import-progress">
            {progress.percent}% done
          </label>
          <progress id="import-progress" className="app-progress__bar" max={100} value={progress.percent}>
            {progress.percent}%
          </progress>
        </>
      ) : null}
      <SummaryList
        empty="Working it out"
        rows={[
          ["Rows done", count(progress.rows)],
          ["Rows a second", progress.perSecond === null ? null : count(progress.perSecond)],
          ["Time left", progress.secondsLeft === null ? null : timeLeft(progress.secondsLeft)],
        ]}
      />
      <p className="govuk-body">
        You can leave this page: the work goes on. <Link to={`/records/imports/${job.id}`}>Refresh the progress</Link>
      </p>
    </div>
  );
}

function Stopped({ job }: { job: Data["job"] }) {
  const importing = job.stage === "IMPORT";
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {job.message}
        {job.fileKept ? (
          <StaffForm className="govuk-!-margin-top-4">
            <Button name="intent" value="run-again">
              {importing ? (job.goodRows ? "Import the good rows again" : "Import again") : "Check again"}
            </Button>
          </StaffForm>
        ) : (
          <p className="govuk-body govuk-!-margin-top-4">The uploaded file is no longer kept. Upload it again.</p>
        )}
      </div>
    </div>
  );
}

function DryRun({ report, offer }: { report: ImportReport; offer: boolean }) {
  if (report.sha256 === null) {
    const problem = report.problems[0]!;
    return (
      <>
        <h2 className="govuk-heading-m">This file cannot be imported</h2>
        <p className="govuk-body">
          Line {count(problem.line)}: {problem.message}. Nothing was imported. Put the file right and upload it again.
        </p>
      </>
    );
  }
  return (
    <>
      <h2 className="govuk-heading-m">What the check found</h2>
      <SummaryList
        empty="None"
        rows={[
          ["Rows", count(report.rows)],
          ["New cases to add", count(report.added)],
          ["On file already (skipped)", count(report.skipped)],
          ["On file with other details (not changed)", count(report.changedCount)],
          ["Rows with problems", report.badRowCount ? `${count(report.badRowCount)} (${plural(report.problemCount, "problem")})` : "None"],
        ]}
      />
      <Problems report={report} />
      <Changed report={report} />
      {offer ? <ImportChoice report={report} /> : null}
    </>
  );
}

function Problems({ report }: { report: ImportReport }) {
  if (!report.problemCount) return null;
  return (
    <>
      <Table
        caption="Problems"
        columns={[
          { header: "Line", numeric: true, cell: (p) => count(p.line) },
          { header: "Column", cell: (p) => (p.column ? <code>{p.column}</code> : "The row") },
          { header: "Problem", cell: (p) => p.message },
        ]}
        rows={report.problems}
        rowKey={(p) => `${p.line}:${p.column ?? ""}:${p.message}`}
        empty="No problems."
      />
      {report.problemCount > report.problems.length ? (
        <p className="govuk-body">
          The first {count(report.problems.length)} of {plural(report.problemCount, "problem")} are shown.
        </p>
      ) : null}
    </>
  );
}

function Changed({ report }: { report: ImportReport }) {
  if (!report.changedCount) return null;
  return (
    <>
      <Table
        caption="Rows on file with other details"
        columns={[
          { header: "Line", numeric: true, cell: (c) => count(c.line) },
          { header: "Reference", rowHeader: true, cell: (c) => c.reference },
          { header: "Columns that differ", cell: (c) => c.columns.join(", ") },
        ]}
        rows={report.changed}
        rowKey={(c) => `${c.line}`}
        empty="None."
      />
      <p className="govuk-body">
        {report.changedCount > report.changed.length
          ? `The first ${count(report.changed.length)} of ${plural(report.changedCount, "changed row")} are shown. `
          : ""}
        These cases are left as they are: the file&apos;s rows are not merged into them.
      </p>
    </>
  );
}

function ImportChoice({ report }: { report: ImportReport }) {
  if (!report.badRowCount) {
    return (
      <StaffForm>
        <p className="govuk-body">
          {report.added ? `Importing adds ${plural(report.added, "new case")}.` : "Every row is on file already: importing adds nothing."}
        </p>
        <Button name="intent" value="import">
          Import
        </Button>
      </StaffForm>
    );
  }
  return (
    <StaffForm>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          {plural(report.badRowCount, "row has", "rows have")} problems. Put them right and upload the file again, or import the good rows
          now: the bad rows are then kept in a file to download, put right and import.
        </strong>
      </div>
      <Button name="intent" value="import-good-rows">
        Import the good rows
      </Button>
    </StaffForm>
  );
}

function Imported({ job, report }: { job: Data["job"]; report: ImportReport }) {
  return (
    <>
      <NotificationBanner success heading={`Imported ${plural(report.added, "new case")}`} />
      <SummaryList
        empty="None"
        rows={[
          ["Added", count(report.added)],
          ["On file already (skipped)", count(report.skipped)],
          ["On file with other details (not changed)", count(report.changedCount)],
          ["Rows with problems (not imported)", count(report.badRowCount)],
          ["Import batch", job.batch?.id ?? null],
        ]}
      />
      {job.hasBadRows ? (
        <p className="govuk-body">
          {/* A plain link: the file downloads instead of being routed by Remix. */}
          <a className="govuk-link" href={`/records/imports/${job.id}/bad-rows.csv`} download>
            Download the bad rows (CSV)
          </a>{" "}
          to put right and upload again.
        </p>
      ) : null}
    </>
  );
}
