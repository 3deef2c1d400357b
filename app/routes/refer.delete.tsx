// "Delete my answers", for a referrer on a shared computer: this page asks
// them to confirm; the POST, with the draft's token, deletes the answers and
// attached files at once (audited without content), makes the browser forget
// the draft, and goes to a page that says so.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { deleteDraft } from "~/referrals/draft-files.server";
import { checkCsrf, csrfToken, forgottenCookie, requireDraft } from "~/referrals/drafts.server";
import { referralPages } from "~/referrals/pages";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Delete your answers - LADO referral" }];

/** The form page the referrer came from, to go back to if they keep their answers (anything else: check your answers). */
const formPage = z.enum(["screener", ...referralPages.map((page) => page.slug), "attachments", "check"]).catch("check");

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = await requireDraft(request);
  const from = formPage.parse(new URL(request.url).searchParams.get("from"));
  return { csrf: csrfToken(draft), back: `/refer/${from}` };
}

export async function action({ request }: ActionFunctionArgs) {
  const draft = await requireDraft(request);
  const values = await readForm(request);
  checkCsrf(draft, values.csrf);
  // Not deleted only if it was sent meanwhile: requireDraft then shows the confirmation of that.
  if (!(await deleteDraft(request, draft.id))) await requireDraft(request);
  return redirect("/refer/deleted", { headers: { "Set-Cookie": await forgottenCookie() } });
}

export default function DeleteAnswers() {
  const { csrf, back } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back
        </Link>
        <h1 className="govuk-heading-l">Are you sure you want to delete your answers?</h1>
        <p className="govuk-body">
          This deletes everything you have typed and attached. You cannot get it back, and nothing will be sent to the LADO.
        </p>
        <Form method="post">
          <input type="hidden" name="csrf" value={csrf} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              Delete my answers
            </button>
            <Link to={back} className="govuk-link">
              No, keep my answers
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
