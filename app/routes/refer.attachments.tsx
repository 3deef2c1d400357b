// Documents with the referral: optional, up to the configured number and size,
// checked by content. Files stay with the draft until the referral is sent.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form-fields";
import { env } from "~/config/env.server";
import { draftDocuments } from "~/documents/documents.server";
import { acceptAttribute, ATTACHMENTS_FIELD, humanFileSize } from "~/documents/file-types";
import { attachmentErrors, attachmentLimits, readAttachmentUploads } from "~/documents/uploads.server";
import { attachToDraft, removeFromDraft } from "~/referrals/draft-files.server";
import { checkCsrf, csrfToken, requireDraft } from "~/referrals/drafts.server";
import { takeUploadBytes } from "~/referrals/limits.server";
import { FormPageLinks } from "~/referrals/page-parts";
import { referralPages } from "~/referrals/pages";
import { invalid, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Documents - LADO referral" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = await requireDraft(request);
  const { maxFiles, maxMb } = attachmentLimits();
  return {
    csrf: csrfToken(draft),
    files: await draftDocuments(draft.id),
    maxFiles,
    maxMb,
    filesDeleted: Boolean(draft.filesDeletedAt),
    fileHours: env().REFERRAL_FILE_HOURS,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const draft = await requireDraft(request);
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const values = await readForm(request);
    checkCsrf(draft, values.csrf);
    const id = String(values.remove ?? "");
    if (id) await removeFromDraft(draft.id, id);
    return redirect("/refer/attachments");
  }
  const already = (await draftDocuments(draft.id)).length;
  const upload = await readAttachmentUploads(request, { alreadyAttached: already });
  // A body refused unread has no fields to check: show the error, save nothing.
  if (upload.error) return invalid({ errors: { [ATTACHMENTS_FIELD]: upload.error }, values: {} });
  checkCsrf(draft, upload.fields.csrf);
  if (upload.files.length === 0) {
    return upload.fields.intent === "continue"
      ? redirect("/refer/check")
      : invalid({ errors: { [ATTACHMENTS_FIELD]: "Choose a file to attach" }, values: {} });
  }
  if (
    !takeUploadBytes(
      request,
      upload.files.reduce((sum, f) => sum + f.bytes.byteLength, 0),
    )
  ) {
    return invalid({ errors: { [ATTACHMENTS_FIELD]: attachmentErrors.uploadedTooMuch }, values: {} }, 429);
  }
  const attached = await attachToDraft(draft.id, upload.files);
  if (!attached.ok) return invalid({ errors: { [ATTACHMENTS_FIELD]: attached.error }, values: {} }, attached.status);
  return redirect(upload.fields.intent === "continue" ? "/refer/check" : "/refer/attachments");
}

export default function Attachments() {
  const { csrf, files, maxFiles, maxMb, filesDeleted, fileHours } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.errors?.[ATTACHMENTS_FIELD];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/refer/actions" className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={result?.errors} />
        <span className="govuk-caption-l">
          Step {referralPages.length + 1} of {referralPages.length + 1}
        </span>
        <h1 className="govuk-heading-l">Documents (optional)</h1>
        {filesDeleted ? (
          <div className="govuk-inset-text">
            To keep them safe, documents you attached earlier were deleted because the referral was not sent within {fileHours} hours.
            Attach them again if you still want to send them.
          </div>
        ) : null}
        <p className="govuk-body">
          You can attach up to {maxFiles} files, such as a written account, notes of what the child said, or photos. Each file must be
          smaller than {maxMb} MB and be a PDF, Word document, image (JPG, PNG, GIF, WebP) or plain text.
        </p>
        {files.length ? (
          <dl className="govuk-summary-list">
            {files.map((f) => (
              <div className="govuk-summary-list__row" key={f.id}>
                <dt className="govuk-summary-list__key">{f.filename}</dt>
                <dd className="govuk-summary-list__value">{humanFileSize(f.sizeBytes)}</dd>
                <dd className="govuk-summary-list__actions">
                  <Form method="post">
                    <input type="hidden" name="csrf" value={csrf} />
                    <button type="submit" name="remove" value={f.id} className="app-link-button">
                      Remove<span className="govuk-visually-hidden"> {f.filename}</span>
                    </button>
                  </Form>
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
        {/* Keyed by the files attached, so after an upload the form starts again with no file chosen
            (with JavaScript, Continue would otherwise send the same file again). */}
        <Form method="post" encType="multipart/form-data" noValidate key={files.map((f) => f.id).join()}>
          <input type="hidden" name="csrf" value={csrf} />
          {files.length < maxFiles ? (
            <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
              <label className="govuk-label govuk-label--s" htmlFor={ATTACHMENTS_FIELD}>
                Upload files
              </label>
              <div id={`${ATTACHMENTS_FIELD}-hint`} className="govuk-hint">
                You can choose more than one file at a time
              </div>
              {error ? (
                <p id={`${ATTACHMENTS_FIELD}-error`} className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {error}
                </p>
              ) : null}
              <input
                className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
                id={ATTACHMENTS_FIELD}
                name={ATTACHMENTS_FIELD}
                type="file"
                multiple
                accept={acceptAttribute}
                aria-describedby={`${ATTACHMENTS_FIELD}-hint${error ? ` ${ATTACHMENTS_FIELD}-error` : ""}`}
              />
            </div>
          ) : (
            <p className="govuk-body">You have attached the most files you can. Remove one to attach another.</p>
          )}
          <div className="govuk-button-group">
            <button type="submit" name="intent" value="continue" className="govuk-button" data-module="govuk-button">
              Continue
            </button>
            {files.length < maxFiles ? (
              <button
                type="submit"
                name="intent"
                value="upload"
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
              >
                Attach files
              </button>
            ) : null}
          </div>
        </Form>
        <FormPageLinks />
      </div>
    </div>
  );
}
