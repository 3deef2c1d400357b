// The bad rows of an import of the good rows (/records/imports/:id/bad-rows.csv):
// the file's header and each row that was not imported, as it was written,
// to put right and upload again. Audited as an export of records.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { requireUser } from "~/auth/guard.server";
import { openDocumentStream } from "~/documents/storage.server";
import { findImportJob } from "~/records/import-jobs.server";

export const handle = { permission: "records:transfer" };

const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
const notFound = () => new Response("Not found", { status: 404, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "records:transfer");
  if (context.dataRequest) throw notFound();
  const id = z.uuid().safeParse(params.jobId);
  const job = id.success ? await findImportJob(id.data) : null;
  const file = job?.badRowsKey ? await openDocumentStream(job.badRowsKey) : null;
  if (!job || !file) throw notFound();
  // The rows are case records: who took them is on the trail, as for the export of every case.
  await recordAudit(request, {
    who: user.id,
    what: "records.export",
    subject: { type: "import-batch", id: job.importBatchId ?? job.id },
    details: { file: "bad rows", jobId: job.id, filename: job.filename },
  });
  const name = `${job.filename.replace(/\.csv$/i, "").replace(/[^\w .-]/g, "_") || "records"}.bad.csv`;
  return new Response(file.stream, {
    headers: {
      ...headers,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
}
