// Creating a contact: the one path by which a case comes into being, from the
// public referral form (referrals/submit.server.ts) or logged by staff. All in
// the caller's transaction: the case and its reference, referrer and
// organisation, the person, the children, the audit event and the emails.
import type { Prisma } from "~/generated/prisma/client";
import type { ContactSource } from "~/generated/prisma/enums";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { nextCaseReference } from "~/cases/reference.server";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { queueEmail } from "~/messages/outbox.server";
import type { ContactAnswers } from "./contact-fields";
import { receiptEmail, teamAlertEmail } from "./emails";

export type ContactReceipt = {
  source: ContactSource;
  receivedAt: Date;
  /** The member of staff who logged it; null for the public form. */
  loggedById: string | null;
};

type Answers = Partial<ContactAnswers> & { summary: string };

/** A contact logged by staff, in a transaction of its own. */
export function createContact(request: Request, answers: Answers, receipt: ContactReceipt) {
  return db.$transaction((tx) => createContactIn(tx, request, answers, receipt));
}

// Answers not given stay undefined, which Prisma stores as NULL: no `?? null` on every field.

/** An organisation of that name and sector, found (whatever the case of its name) or made. */
async function organisationFor(tx: Prisma.TransactionClient, name: string | undefined, sector: Answers["organisationSector"]) {
  if (!name || !sector) return undefined;
  const found = await tx.organisation.findFirst({ where: { name: { equals: name, mode: "insensitive" }, sector }, select: { id: true } });
  return (found ?? (await tx.organisation.create({ data: { name, sector }, select: { id: true } }))).id;
}

/** "A. Smith; Ann Jones-Smith" as a list; names separated by commas, semicolons or lines. */
const nameList = (names: string | undefined) =>
  (names ?? "")
    .split(/[,;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);

/** The person the concern is about. With no named professional, nothing that identifies them is kept. */
function subjectRow(a: Answers, named: boolean, identityId: string) {
  const identifying = named
    ? {
        firstName: a.subjectFirstName,
        lastName: a.subjectLastName,
        dateOfBirth: a.subjectDateOfBirth,
        address: a.subjectAddress,
      }
    : {};
  return {
    identityId,
    ...identifying,
    previousNames: named ? nameList(a.subjectPreviousNames) : [], // a list is never NULL
    sex: a.subjectSex,
    ethnicity: a.subjectEthnicity,
    jobTitle: a.subjectJobTitle,
    employerName: a.subjectEmployer,
    employmentBasis: a.subjectEmploymentBasis,
    startDate: a.subjectStartDate,
    otherWorkWithChildren: a.subjectOtherWork,
    ownChildrenOrCaring: a.subjectOwnChildren,
    previousConcernsKnown: a.subjectPreviousConcerns,
  };
}

export async function createContactIn(tx: Prisma.TransactionClient, request: Request, a: Answers, receipt: ContactReceipt) {
  const organisationId = await organisationFor(tx, a.organisationName, a.organisationSector);
  const identity = await tx.identity.create({ data: {} });
  // Last before the case itself: the counter's row lock is held until commit.
  const reference = await nextCaseReference(tx, receipt.receivedAt);
  const named = a.namedProfessional !== "no";

  const contact = await tx.case.create({
    data: {
      reference,
      source: receipt.source,
      receivedAt: receipt.receivedAt,
      loggedById: receipt.loggedById,
      namedProfessional: named,
      summary: a.summary,
      reportedHarmCategories: a.harmCategories ?? [], // a list is never NULL
      followedRestraint: a.followedRestraint,
      incidentFrom: a.incidentDate,
      moreThanOneIncident: a.moreThanOneIncident,
      employerAwareAt: a.employerAwareDate,
      incidentLocation: a.incidentLocation,
      allegationMadeBy: a.allegationMadeBy,
      allegationMadeByDetail: a.allegationMadeByDetail,
      policeInformed: a.policeInformed,
      policeReference: a.policeReference,
      socialCareInformed: a.socialCareInformed,
      parentsInformed: a.parentsInformed,
      subjectAware: a.subjectAware,
      suspendedOrRedeployed: a.suspendedOrRedeployed,
      actionsSoFar: a.actionsSoFar,
      referrer: {
        create: {
          name: a.referrerName,
          role: a.referrerRole,
          organisationId,
          phone: a.referrerPhone,
          email: a.referrerEmail,
          seniorManagerAware: a.seniorManagerAware,
        },
      },
      subject: { create: subjectRow(a, named, identity.id) },
      children: { create: (a.children ?? []).map(({ ageYears, sex, setting, name }) => ({ ageYears, sex, setting, name })) },
    },
    select: { id: true, reference: true },
  });

  await recordAudit(
    request,
    {
      who: receipt.loggedById,
      what: receipt.loggedById ? "contact.log" : "referral.submit",
      subject: { type: "case", id: contact.id },
      details: { source: receipt.source },
    },
    tx,
  );
  const messages = [
    await queueEmail(tx, { caseId: contact.id, ...teamAlertEmail(contact.reference, receipt), to: env().TEAM_INBOX_EMAIL }),
  ];
  if (receipt.source === "ONLINE_FORM" && a.referrerEmail) {
    messages.push(
      await queueEmail(tx, { caseId: contact.id, ...receiptEmail(contact.reference, receipt.receivedAt), to: a.referrerEmail }),
    );
  }
  return { ...contact, messageIds: messages.map((m) => m.id) };
}
