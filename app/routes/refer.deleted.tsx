// Where "Delete my answers" ends: the answers are gone, nothing was sent, and
// what to do if the referrer is still worried.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { findDraft } from "~/referrals/drafts.server";
import { usePublicEnv } from "~/utils/public-env";

export const meta: MetaFunction = () => [{ title: "Your answers have been deleted - LADO referral" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // With answers still saved, this page would be wrong: ask instead.
  if (await findDraft(request)) throw redirect("/refer/delete");
  return null;
}

export default function AnswersDeleted() {
  const { LADO_PHONE } = usePublicEnv();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your answers have been deleted</h1>
        <p className="govuk-body">Everything you typed and attached has been deleted. Nothing was sent to the LADO.</p>
        <p className="govuk-body">
          If you are using a shared computer, close the browser when you have finished. The browser may still suggest things you typed into
          some boxes: you can clear these in its settings, under browsing data or autofill.
        </p>
        <h2 className="govuk-heading-m">If you are still worried about an adult who works with children</h2>
        <p className="govuk-body">
          <Link to="/refer" className="govuk-link">
            Start a new referral
          </Link>{" "}
          or phone the LADO team on {LADO_PHONE}. If a child is in immediate danger, call 999.
        </p>
      </div>
    </div>
  );
}
