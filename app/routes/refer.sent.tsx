// The confirmation: the reference, what the referrer will hear back (which
// depends on who they are), what to do now, and whom to phone.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { submittedReferral } from "~/referrals/drafts.server";
import { hearingBack } from "~/referrals/feedback";
import { NextSteps } from "~/referrals/page-parts";
import { usePublicEnv } from "~/utils/public-env";

export const meta: MetaFunction = () => [{ title: "Referral sent - LADO referral" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const sent = await submittedReferral(request);
  if (!sent) throw redirect("/refer");
  return { reference: sent.reference, feedbackText: hearingBack(sent.feedback) };
}

export default function Sent() {
  const { reference, feedbackText } = useLoaderData<typeof loader>();
  const phones = usePublicEnv();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Referral sent</h1>
          <div className="govuk-panel__body">
            Your reference number
            <br />
            <strong>{reference}</strong>
          </div>
        </div>
        <p className="govuk-body">We have sent you an email with your reference number.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          A LADO will consider your referral within one working day. They will contact you if they need to know more.
        </p>
        <p className="govuk-body">{feedbackText}</p>
        <NextSteps />
        <h2 className="govuk-heading-m">If anything changes</h2>
        <p className="govuk-body">
          Phone the LADO team on {phones.LADO_PHONE} if anything changes or you learn more, and quote your reference. Outside office hours,
          phone {phones.OUT_OF_HOURS_PHONE}. If a child is in immediate danger, call 999.
        </p>
      </div>
    </div>
  );
}
