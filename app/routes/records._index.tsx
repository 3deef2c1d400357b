// Import and export records (issue 16), for managers: the template and the
// format, an upload checked in the background (its page shows the dry run and
// imports), the recent uploads, and every case as a download.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { requireUploader, requireUser } from "~/auth/guard.server";
import { ErrorSummary, FileUpload } from "~/components/form-fields";
import { StaffForm } from "~/components/staff-form";
import { Table } from "~/components/table";
import { recentImports, startDryRun } from "~/records/import-jobs.server";
import { JobStatusTag, RECORDS_FILE_FIELD } from "~/records/labels";
import { readRecordsUpload, recordsUploadLimit, uploadErrors } from "~/records/upload.server";
import { londonDateTime } from "~/utils/dates";
import { invalid } from "~/utils/forms.server";
import { requestId } from "~/utils/request-id.server";

export const handle = { permission: "records:transfer" };
export const meta: MetaFunction = () => [{ title: "Import and export records - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "records:transfer");
  const { maxMb, maxBytes } = recordsUploadLimit();
  return { imports: await recentImports(), maxMb, maxBytes, tooLarge: uploadErrors.tooLarge(maxMb) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, checkCsrf } = await requireUploader(request, "records:transfer");
  const upload = await readRecordsUpload(request, checkCsrf);
  if (!upload.ok) return invalid({ errors: { [RECORDS_FILE_FIELD]: upload.error }, values: {} }, upload.status);
  const jobId = await startDryRun(upload.file, user.id, requestId(request));
  return redirect(`/records/imports/${jobId}`);
}

export default function Records() {
  const { imports, maxMb, maxBytes, tooLarge } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // With JavaScript, a file over the limit is refused before it is sent.
  const [tooLargeChosen, setTooLargeChosen] = useState(false);
  const errors = tooLargeChosen ? { [RECORDS_FILE_FIELD]: tooLarge } : result?.errors;
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem(RECORDS_FILE_FIELD) as HTMLInputElement | null;
    const over = (input?.files?.[0]?.size ?? 0) > maxBytes;
    setTooLargeChosen(over);
    if (over) event.preventDefault();
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Import and export records</h1>

        <h2 className="govuk-heading-m">Import past years&apos; records</h2>
        <p className="govuk-body">
          Records come as a CSV file with one row a case, saved from a spreadsheet as &ldquo;CSV UTF-8&rdquo;. Every row is checked first
          and nothing is imported until you have seen what the check found. A case whose reference is on file already is never changed.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            {/* Plain links: the files download instead of being routed by Remix. */}
            <a className="govuk-link" href="/records/template.csv" download="records-template.csv">
              Download the template (CSV)
            </a>
            : the header and an example row
          </li>
          <li>
            <Link className="govuk-link" to="/records/format">
              The records format: every column and code
            </Link>
          </li>
        </ul>
        <StaffForm encType="multipart/form-data" noValidate onSubmit={checkSize}>
          <FileUpload
            name={RECORDS_FILE_FIELD}
            label="Upload a file of records"
            hint={`A CSV file smaller than ${maxMb} MB`}
            accept=".csv,text/csv"
            error={errors?.[RECORDS_FILE_FIELD]}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Upload and check
          </button>
        </StaffForm>

        <Table
          caption="Recent uploads"
          columns={[
            {
              header: "File",
              rowHeader: true,
              cell: (job) => (
                <Link className="govuk-link" to={`/records/imports/${job.id}`}>
                  {job.filename || "(no name)"}
                </Link>
              ),
            },
            { header: "Uploaded", cell: (job) => `${londonDateTime(job.createdAt)} by ${job.createdBy.name}` },
            { header: "Status", cell: (job) => <JobStatusTag stage={job.stage} status={job.status} /> },
          ]}
          rows={imports}
          rowKey={(job) => job.id}
          empty="No files have been uploaded yet."
        />

        <h2 className="govuk-heading-m">Export every case</h2>
        <p className="govuk-body">
          Every case in the same format, one row a case with its current decision, for another system or to import elsewhere. The download
          is recorded in the audit trail.
        </p>
        <a className="govuk-button govuk-button--secondary" href="/records/export.csv" download>
          Download every case (CSV)
        </a>
      </div>
    </div>
  );
}
