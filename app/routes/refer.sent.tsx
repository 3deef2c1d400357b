import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { submittedReference } from "~/referrals/drafts.server";
import { usePublicEnv } from "~/utils/public-env";

export const meta: MetaFunction = () => [{ title: "Referral sent - LADO referral" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const reference = await submittedReference(request);
  if (!reference) throw redirect("/refer");
  return { reference };
}

export default function Sent() {
  const { reference } = useLoaderData<typeof loader>();
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
          A LADO will consider your referral within one working day. They will contact you if they need to know more, and will tell you what
          they decide.
        </p>
        <p className="govuk-body">
          If anything changes, or you learn more, phone the LADO team on {phones.LADO_PHONE} and quote your reference. If a child is in
          immediate danger, call 999.
        </p>
      </div>
    </div>
  );
}
