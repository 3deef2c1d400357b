// Check your answers, declare, and send. Sending re-checks every page, then
// creates the contact in one transaction and sends the receipt.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary } from "~/components/form-fields";
import { answersFor } from "~/contacts/answer-rows";
import { draftDocuments } from "~/documents/documents.server";
import { draftAnswers } from "~/referrals/answers.server";
import { checkCsrf, csrfToken, requireDraft, submittedCookie } from "~/referrals/drafts.server";
import { feedbackFor } from "~/referrals/feedback";
import { FormPageLinks, NextSteps } from "~/referrals/page-parts";
import { referralPages } from "~/referrals/pages";
import { submitReferral } from "~/referrals/submit.server";
import { invalid, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Check your answers - LADO referral" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = await requireDraft(request);
  const files = await draftDocuments(draft.id);
  return {
    csrf: csrfToken(draft),
    sections: [
      ...referralPages.map((p) => ({ slug: p.slug, title: p.title, rows: answersFor(p.slug, draft.answers.pages[p.slug] ?? {}) })),
    ],
    files: files.map((f) => f.filename),
    filesDeleted: Boolean(draft.filesDeletedAt),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const draft = await requireDraft(request);
  const values = await readForm(request);
  checkCsrf(draft, values.csrf);
  // A field people never see: only a robot fills it in.
  if (values.website) return invalid({ errors: { declaration: "We could not accept this referral" }, values: {} });
  if (values.declaration !== "yes") {
    return invalid({ errors: { declaration: "Confirm the information is correct to the best of your knowledge" }, values });
  }
  const checked = draftAnswers(draft);
  if (!checked.ok) {
    // The screener is not on this page: answer it first.
    if (checked.page === "screener") return redirect("/refer/screener");
    const page = referralPages.find((p) => p.slug === checked.page)!;
    return invalid({ errors: { [`page-${page.slug}`]: `${page.title}: ${Object.values(checked.errors)[0]}` }, values });
  }
  const reference = await submitReferral(request, draft, checked.answers);
  return redirect("/refer/sent", {
    headers: { "Set-Cookie": await submittedCookie(reference, feedbackFor(checked.answers.referrerType)) },
  });
}

export default function CheckAnswers() {
  const { csrf, sections, files, filesDeleted } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/refer/attachments" className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">Check your answers before sending your referral</h1>
        {sections.map((section) => (
          <div key={section.slug} id={`page-${section.slug}`}>
            <h2 className="govuk-heading-m">{section.title}</h2>
            <dl className="govuk-summary-list govuk-!-margin-bottom-9">
              {section.rows.length === 0 ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Not answered yet</dt>
                  <dd className="govuk-summary-list__value" />
                  <dd className="govuk-summary-list__actions">
                    <Link className="govuk-link" to={`/refer/${section.slug}?change=1`}>
                      Answer<span className="govuk-visually-hidden"> {section.title.toLowerCase()}</span>
                    </Link>
                  </dd>
                </div>
              ) : (
                section.rows.map(([question, answer]) => (
                  <div className="govuk-summary-list__row" key={question}>
                    <dt className="govuk-summary-list__key">{question}</dt>
                    <dd className="govuk-summary-list__value app-pre-wrap">{answer}</dd>
                    <dd className="govuk-summary-list__actions">
                      <Link className="govuk-link" to={`/refer/${section.slug}?change=1`}>
                        Change<span className="govuk-visually-hidden"> {question.toLowerCase()}</span>
                      </Link>
                    </dd>
                  </div>
                ))
              )}
            </dl>
          </div>
        ))}
        <h2 className="govuk-heading-m">Documents</h2>
        <dl className="govuk-summary-list govuk-!-margin-bottom-9">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Attached</dt>
            <dd className="govuk-summary-list__value">
              {files.length ? files.join(", ") : "None"}
              {filesDeleted ? (
                <p className="govuk-hint govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                  Documents you attached earlier were deleted because the referral was not sent in time. Attach them again if you still want
                  to send them.
                </p>
              ) : null}
            </dd>
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to="/refer/attachments">
                Change<span className="govuk-visually-hidden"> documents</span>
              </Link>
            </dd>
          </div>
        </dl>
        <NextSteps />
        <h2 className="govuk-heading-m">Now send your referral</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="csrf" value={csrf} />
          <div className="govuk-visually-hidden" aria-hidden="true">
            <label htmlFor="website">Leave this blank</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <Checkboxes
            name="declaration"
            legend="Declaration"
            options={[{ value: "yes", label: "The information I have given is correct to the best of my knowledge" }]}
            state={result}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            Send referral
          </button>
        </Form>
        <FormPageLinks />
      </div>
    </div>
  );
}
