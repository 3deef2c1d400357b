// "My work": a LADO's home page. What is due, overdue or flagged on the
// cases allocated to them and the actions they own, counted at the top, each
// item one click from the case section where it is dealt with
// (app/allegations/my-work.server.ts). Each view is audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { viewMyWork } from "~/allegations/my-work.server";
import { WorkLists } from "~/allegations/work-lists";
import { requireUser } from "~/auth/guard.server";

export const handle = { permission: "my-work:read" };
export const meta: MetaFunction = () => [{ title: "My work - LADO case management" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "my-work:read");
  return { work: await viewMyWork(request, user.id) };
}

export default function MyWork() {
  const { work } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">My work</h1>
      <p className="govuk-body">
        What is due, overdue or flagged on the cases allocated to you, and on the actions you own on anyone&apos;s case. Each case links to
        the part of its file where it is dealt with.
      </p>
      <WorkLists work={work} />
    </>
  );
}
