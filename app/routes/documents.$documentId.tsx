// A case's document, downloaded by staff: always as an attachment (never
// shown inline), with the type recorded when it was stored, and an audit
// event for every download. Files of referral drafts not yet submitted are
// never served, and nothing is served to a single-fetch data request.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { requireUser } from "~/auth/guard.server";
import { findCaseDocument } from "~/documents/documents.server";
import { openDocumentStream } from "~/documents/storage.server";
import { log } from "~/utils/log.server";

export const handle = { permission: "case:read" };

/**
 * A plain 404 Response: thrown from a resource route, a data() 404 would be
 * logged by handleError as an error and answered as JSON.
 */
const notFound = () =>
  new Response("Document not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });

/** RFC 6266 / 8187: an ASCII fallback and the exact UTF-8 name. */
function contentDisposition(filename: string) {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "case:read");
  // "/documents/:id.data" would send the bytes as a script, without these headers: files only go as downloads.
  if (context.dataRequest) throw notFound();
  const document = await findCaseDocument(params.documentId);
  if (!document) throw notFound();
  const file = await openDocumentStream(document.storageKey);
  if (!file) {
    log.error(`Document ${document.id} has a record but no stored file (${document.storageKey}).`, { documentId: document.id });
    throw notFound();
  }
  try {
    await recordAudit(request, {
      who: user.id,
      what: "document.download",
      subject: { type: "document", id: document.id },
      caseId: document.caseId,
    });
  } catch (error) {
    await file.stream.cancel();
    throw error;
  }
  return new Response(file.stream, {
    status: 200,
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": contentDisposition(document.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
