// The bad rows of an import of the good rows (/records/imports/:id/bad-rows.csv):
// the file's header and each row that was not imported, as it was written,
// to put right and upload again.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/auth/guard.server";
import { openDocumentStream } from "~/documents/storage.server";
import { findImportJob } from "~/records/import-jobs.server";

export const handle = { permission: "records:transfer" };

const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
const notFound = () => new Response("Not found", { status: 404, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, "records:transfer");
  if (context.dataRequest) throw notFound();
  const id = z.uuid().safeParse(params.jobId);
  const job = id.success ? await findImportJob(id.data) : null;
  const file = job?.badRowsKey ? await openDocumentStream(job.badRowsKey) : null;
  if (!job || !file) throw notFound();
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
