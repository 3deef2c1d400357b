// The case file's referral section: everything the referrer told us, grouped
// as the form asks it, with "Not answered" where nothing was given
// (app/contacts/referral-answers.ts, which the case file PDF reads too).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewCaseSection } from "~/cases/case-file.server";
import { Part, SectionHeading, sectionMeta } from "~/cases/case-page";
import { SummaryList } from "~/components/summary-list";
import { NOT_ANSWERED } from "~/contacts/referral-answers";
import { readReferral } from "./referral.server";

export const handle = { permission: "case:read" };
export const meta: MetaFunction<typeof loader> = ({ data }) => sectionMeta("Referral", data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reference, data } = await viewCaseSection(request, params.reference, "referral", readReferral);
  return { reference, parts: data };
}

export default function Referral() {
  const { parts } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionHeading>Referral</SectionHeading>
      {parts.map((part) => (
        <Part title={part.title} key={part.title}>
          {part.text ? <p className="govuk-body">{part.text}</p> : <SummaryList empty={NOT_ANSWERED} rows={part.rows} />}
        </Part>
      ))}
    </>
  );
}
