// The whole case file as one tagged PDF (/cases/:reference/case-file.pdf),
// for LADOs and managers (case:export): read and audited as case.file-export
// in one transaction, made, and sent as a download that is never cached.
// Business support, who may read a case, may not take the whole file away.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCaseAccess } from "~/auth/guard.server";
import { caseFileName, caseFilePdf, readCaseFile } from "~/cases/case-file-pdf.server";

export const handle = { permission: "case:export" };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, case: found } = await requireCaseAccess(request, params.reference, "case:export");
  // "/case-file.pdf.data" would send the file's bytes as a script: it goes only as a download.
  if (context.dataRequest) throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const at = new Date();
  const bytes = await caseFilePdf(await readCaseFile(request, user.id, found.id), at);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${caseFileName(found.reference, at)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
