// Creating a contact: the one path by which a case comes into being, from the
// public referral form (referrals/submit.server.ts) or logged by staff. All in
// the caller's transaction: the case and its reference, referrer and
// organisation, the person, the children, the audit event and the emails.
import type { Prisma } from "~/generated/prisma/client";
import type { ContactSource, ScreenerAnswer, Sector } from "~/generated/prisma/enums";
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

/**
 * What a contact holds: the form's answers (any may be missing on a staff
 * form), with the screener's from the public form and, from either, whether
 * a child is in immediate danger.
 */
type Answers = Partial<ContactAnswers> & {
  summary: string;
  screenerWorksWithChildren?: ScreenerAnswer;
  screenerAboutConduct?: ScreenerAnswer;
  childInImmediateDanger?: boolean;
};

/** A contact logged by staff, in a transaction of its own. */
export function createContact(request: Request, answers: Answers, receipt: ContactReceipt) {
  return db.$transaction((tx) => createContactIn(tx, request, answers, receipt));
}

// Answers not given stay undefined, which Prisma stores as NULL: no `?? null` on every field.

/**
 * An organisation of that name and sector, found (whatever the case of its
 * name) or made; a found one without a local authority is given the one
 * typed. Without a name, none; without a sector, none either (the name is
 * then kept as typed by the caller).
 */
async function organisationFor(
  tx: Prisma.TransactionClient,
  name: string | undefined,
  sector: Sector | undefined,
  localAuthority?: string,
) {
  if (!name || !sector) return undefined;
  const found = await tx.organisation.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, sector },
    select: { id: true, localAuthority: true },
  });
  if (!found) return (await tx.organisation.create({ data: { name, sector, localAuthority }, select: { id: true } })).id;
  if (localAuthority && !found.localAuthority) await tx.organisation.update({ where: { id: found.id }, data: { localAuthority } });
  return found.id;
}

/** "A. Smith; Ann Jones-Smith" as a list; names separated by commas, semicolons or lines. */
const nameList = (names: string | undefined) =>
  (names ?? "")
    .split(/[,;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);

/**
 * The person the concern is about. With no named professional (advice only
 * for now), nothing that identifies them is kept. Their employer, agency and
 * fostering service are organisations, so repeat settings can be found.
 */
async function subjectRow(tx: Prisma.TransactionClient, a: Answers, named: boolean, identityId: string) {
  const identifying = named
    ? { firstName: a.subjectFirstName, lastName: a.subjectLastName, dateOfBirth: a.subjectDateOfBirth, address: a.subjectAddress }
    : {};
  return {
    identityId,
    ...identifying,
    previousNames: named ? nameList(a.subjectPreviousNames) : [], // a list is never NULL
    sex: a.subjectSex,
    ethnicGroup: a.subjectEthnicGroup,
    jobTitle: a.subjectJobTitle,
    roleGroup: a.subjectRoleGroup,
    employerId: await organisationFor(tx, a.subjectEmployer, a.subjectEmployerSector, a.subjectEmployerArea),
    // Kept as typed only when no organisation could be made (a staff form without the setting's type).
    employerName: a.subjectEmployer && !a.subjectEmployerSector ? a.subjectEmployer : undefined,
    sector: a.subjectEmployerSector,
    agencyId: await organisationFor(tx, a.subjectAgency, a.subjectAgency ? "OTHER" : undefined),
    fosteringServiceId: await organisationFor(tx, a.subjectFosteringService, a.subjectFosteringService ? "FOSTERING" : undefined),
    employmentBasis: a.subjectEmploymentBasis,
    startDate: a.subjectStartDate,
    otherWorkWithChildren: a.subjectOtherWork,
    ownChildrenOrCaring: a.subjectOwnChildren,
    previousConcernsKnown: a.subjectPreviousConcerns,
  };
}

/** Who made contact: their organisation a record when it has a type, otherwise its name as typed. */
async function referrerRow(tx: Prisma.TransactionClient, a: Answers) {
  const organisationId = await organisationFor(tx, a.organisationName, a.organisationSector);
  return {
    type: a.referrerType,
    name: a.referrerName,
    role: a.referrerRole,
    organisationId,
    organisationName: organisationId ? undefined : a.organisationName,
    phone: a.referrerPhone,
    email: a.referrerEmail,
    seniorManagerAware: a.seniorManagerAware,
  };
}

export async function createContactIn(tx: Prisma.TransactionClient, request: Request, a: Answers, receipt: ContactReceipt) {
  const referrer = await referrerRow(tx, a);
  const named = a.namedProfessional !== "no";
  const identity = await tx.identity.create({ data: {} });
  const subject = await subjectRow(tx, a, named, identity.id);
  // Last before the case itself: the counter's row lock is held until commit.
  const reference = await nextCaseReference(tx, receipt.receivedAt);

  const contact = await tx.case.create({
    data: {
      reference,
      source: receipt.source,
      receivedAt: receipt.receivedAt,
      loggedById: receipt.loggedById,
      namedProfessional: named,
      screenerWorksWithChildren: a.screenerWorksWithChildren,
      screenerAboutConduct: a.screenerAboutConduct,
      childInImmediateDanger: a.childInImmediateDanger,
      summary: a.summary,
      reportedHarmCategories: a.harmCategories ?? [], // a list is never NULL
      happenedOnline: a.happenedOnline,
      followedRestraint: a.followedRestraint,
      incidentFrom: a.incidentDate,
      incidentTo: a.incidentToDate,
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
      referrer: { create: referrer },
      subject: { create: subject },
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
