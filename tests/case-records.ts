// An allegation with a record of every kind the chronology and the case file
// PDF show, on fixed dates in March and April 2026 (the dates are what the
// chronology tests check the order of). `scale` repeats the records that
// grow with a case (meetings, actions, police updates, documents, emails),
// for a large case file.
import { createHash, randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { createCase, createUser } from "./factories";

const at = (iso: string) => new Date(iso);
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const DAY_MS = 86_400_000;

export async function caseOfEveryKind({ scale = 1 } = {}) {
  const lado = await createUser(db, { roles: ["LADO"], name: "Lee Officer" });
  const manager = await createUser(db, { roles: ["MANAGER"], name: "Mo Manager" });
  const repeat = <T>(make: (i: number) => T) => Array.from({ length: scale }, (_, i) => make(i));
  const file = await createCase(db, {
    receivedAt: at("2026-03-02T09:15:00Z"),
    source: "PHONE",
    allocatedTo: lado,
    manager,
    namedProfessional: true,
    subject: { firstName: "Jordan", lastName: "Whitfield", jobTitle: "PE teacher" },
    incidentFrom: day("2026-02-27"),
    incidentTo: null,
    employerAwareAt: day("2026-02-28"),
    initialConsideredAt: at("2026-03-02T11:00:00Z"),
    initialConsideredById: lado.id,
    initialConsideration: "No earlier contacts about this person. Police told at once.",
    immediateActions: ["POLICE_INFORMED"],
    allocatedAt: at("2026-03-02T09:30:00Z"),
    decisions: [
      { category: "ADVICE", rationale: "One remark, reported second hand: advice to the DSL.", decidedAt: at("2026-03-02T11:30:00Z") },
      {
        category: "ALLEGATION",
        harmCriteria: ["HARMED_CHILD", "CRIMINAL_OFFENCE"],
        harmCategories: ["PHYSICAL"],
        rationale: "A second pupil describes being grabbed by the arm: the harm threshold is met.",
        decidedAt: at("2026-03-04T14:00:00Z"),
      },
    ],
    meetings: repeat((i) => ({
      type: i === 0 ? "EVALUATION" : "REVIEW",
      createdAt: at("2026-03-04T14:30:00Z"),
      heldAt: new Date(at("2026-03-06T10:00:00Z").getTime() + i * 28 * DAY_MS),
      recordedAt: new Date(at("2026-03-06T12:00:00Z").getTime() + i * 28 * DAY_MS),
      mode: "ONLINE",
      location: "Teams",
      chair: "Lee Officer",
      informationShared: "The school shared both pupils' accounts.",
      decisions: "Police to investigate; the school to suspend pending the police investigation.",
      minutesSentAt: new Date(at("2026-03-09T09:00:00Z").getTime() + i * 28 * DAY_MS),
      attendees: [
        { name: "Priya Shah", agency: "Northshire Police", role: "Detective constable", attended: true },
        { name: "Tom Okafor", agency: "Oak Academy", role: "Head teacher", attended: true },
        { name: "Ann Carter", agency: "Children's social care", role: "Team manager", attended: false },
      ],
      actions: [
        {
          description: `Send the single central record entry (${i + 1})`,
          ownerName: "Tom Okafor",
          ownerAgency: "Oak Academy",
          dueDate: day("2026-03-13"),
          status: "DONE",
          createdAt: new Date(at("2026-03-06T12:05:00Z").getTime() + i * 28 * DAY_MS),
          completedAt: at("2026-03-12T15:00:00Z"),
          completionNote: "Received and checked.",
        },
      ],
    })),
    actions: [],
    police: {
      force: "Northshire Police",
      reference: "NP/26/4411",
      officerName: "DC Priya Shah",
      informedAt: at("2026-03-02T11:10:00Z"),
      status: "INVESTIGATING",
      openedAt: at("2026-03-05T09:00:00Z"),
      concludedAt: null,
      updates: repeat((i) => ({
        at: new Date(at("2026-03-20T16:00:00Z").getTime() + i * DAY_MS),
        status: "INVESTIGATING" as const,
        note: `Suspect interview arranged (${i + 1}).`,
      })),
      challenges: [
        {
          at: at("2026-04-20T10:00:00Z"),
          kind: "CHALLENGE",
          toWhom: "Detective sergeant",
          detail: "No update for four weeks: when will the file go to the CPS?",
          response: "File with the CPS by the end of the month.",
          respondedAt: at("2026-04-22T13:00:00Z"),
        },
      ],
    },
    section47: { referredAt: day("2026-03-03"), held: true, startedAt: day("2026-03-05"), result: "No further action for the family." },
    employerInvestigation: {
      agreedActions: "HR to investigate once police agree.",
      agreedAt: at("2026-03-06T12:10:00Z"),
      investigator: "HR business partner",
      status: "PAUSED_FOR_POLICE",
      startedAt: day("2026-03-09"),
      concludedAt: null,
      resultCode: null,
      result: null,
      resultReceivedAt: null,
      reportBackBy: null,
    },
    employerAction: {
      suspensionConsidered: true,
      alternativesConsidered: ["REDEPLOYMENT"],
      alternativesRejected: "No role away from pupils.",
      suspended: true,
      suspendedAt: day("2026-03-06"),
      suspensionRationale: "Two pupils' accounts; police investigating.",
      suspensionAgreedBy: "Chair of governors",
      writtenConfirmationAt: day("2026-03-09"),
      namedContact: "Deputy head",
      suspensionReviewDates: [day("2026-04-03")],
      finalAction: null,
    },
    outcome: {
      outcome: "SUBSTANTIATED",
      rationale: "Both accounts consistent and corroborated by CCTV.",
      decidedAt: at("2026-04-28T10:00:00Z"),
    },
    onwardReferrals: [{ body: "TRA", referredAt: day("2026-04-29"), referredBy: "The employer", reference: "TRA-5512" }],
    delayReasons: [],
    closures: [
      {
        proposedAt: at("2026-04-30T09:00:00Z"),
        note: "Outcome reached and referrals made.",
        signedOffAt: null,
        signedOffById: null,
        returnedReason: null,
      },
    ],
  });
  await db.informing.create({
    data: {
      caseId: file.id,
      kind: "SUBJECT_TOLD",
      done: true,
      doneOn: day("2026-03-07"),
      byWhom: "Head teacher",
      policeAgreed: true,
      socialCareAgreed: true,
      recordedAt: at("2026-03-07T15:00:00Z"),
      recordedById: lado.id,
    },
  });
  const documents = await Promise.all(
    repeat((i) =>
      db.document.create({
        data: {
          caseId: file.id,
          kind: "ATTACHMENT",
          filename: `pupil-account-${i + 1}.pdf`,
          mediaType: "application/pdf",
          sizeBytes: 20_480,
          sha256: sha(`account ${i}`),
          storageKey: randomUUID(),
          uploadedById: lado.id,
          createdAt: new Date(at("2026-03-03T10:00:00Z").getTime() + i * 60_000),
        },
      }),
    ),
  );
  const letter = await db.document.create({
    data: {
      caseId: file.id,
      kind: "OUTCOME_LETTER",
      filename: "outcome-letter-employer.pdf",
      mediaType: "application/pdf",
      sizeBytes: 40_000,
      sha256: sha("letter"),
      storageKey: randomUUID(),
      uploadedById: lado.id,
      createdAt: at("2026-04-29T11:00:00Z"),
    },
  });
  await db.outcomeLetter.create({
    data: {
      caseId: file.id,
      recipient: "EMPLOYER",
      documentId: letter.id,
      sentTo: "head@oak.example.org",
      createdAt: at("2026-04-29T11:00:00Z"),
      createdById: lado.id,
    },
  });
  await db.outboundMessage.createMany({
    data: repeat((i) => ({
      caseId: file.id,
      template: "outcome-letter",
      toAddress: "head@oak.example.org",
      subject: `The outcome of the LADO's enquiries (${i + 1})`,
      body: "Please find the letter attached.",
      status: "SENT" as const,
      createdAt: new Date(at("2026-04-29T11:01:00Z").getTime() + i * 60_000),
      sentAt: new Date(at("2026-04-29T11:02:00Z").getTime() + i * 60_000),
    })),
  });
  await db.delayReason.create({
    data: { caseId: file.id, month: day("2026-04-01"), reason: "Waiting for the CPS.", recordedById: lado.id },
  });
  await db.legalHold.create({
    data: { caseId: file.id, reason: "Public inquiry retention direction", placedAt: at("2026-04-30T12:00:00Z"), placedById: manager.id },
  });
  return { file, lado, manager, documents };
}
