// What each of the closure section's forms does when sent: check it with its
// schema (400 with the answers kept), make the change through the closure
// and delay-reason rules (their refusals answered with the answers kept
// too), and come back to the section with a message.
import { redirect } from "@remix-run/node";
import {
  liftLegalHold,
  placeLegalHold,
  proposalChecks,
  proposalProblems,
  proposeClosure,
  reopenCase,
  returnClosure,
  signOffClosure,
  type ClosureResult,
} from "~/allegations/closure.server";
import { recordDelayReason } from "~/allegations/delay-reasons.server";
import { sectionPath } from "~/cases/sections";
import { setFlash } from "~/utils/flash.server";
import { invalid, parseValues, type FormValues } from "~/utils/forms.server";
import { delayReasonForm, liftHoldForm, placeHoldForm, proposeForm, reopenForm, returnForm, type Intent } from "./schema.server";

type Sent = { request: Request; userId: string; caseId: string; reference: string; values: FormValues };
type Answer = Response | ReturnType<typeof invalid>;

/** Back to the section with a message, or the refusal with what was typed. */
async function answer(result: ClosureResult, { reference, values }: Sent, message: string): Promise<Answer> {
  if (!result.done) return invalid({ errors: result.errors, values }, result.status);
  return redirect(sectionPath(reference, "closure"), { headers: { "Set-Cookie": await setFlash(message) } });
}

export const handleForm: Record<Intent, (sent: Sent) => Promise<Answer>> = {
  async propose(sent) {
    // Every problem at once: the case's own (no outcome, open actions) with the form's.
    const parsed = parseValues(proposeForm, sent.values);
    const typed = typeof sent.values.openActionsReason === "string" ? sent.values.openActionsReason.trim() : "";
    const problems = proposalProblems(await proposalChecks(sent.caseId), typed || null);
    if (!parsed.ok || Object.keys(problems).length) {
      const { outcome, ...rest } = problems;
      // In page order: the outcome (above the form), then the form's fields.
      const errors = { ...(outcome ? { outcome } : {}), ...(parsed.ok ? {} : parsed.failure.errors), ...rest };
      return invalid({ errors, values: sent.values });
    }
    return answer(
      await proposeClosure(sent.request, sent.userId, sent.caseId, parsed.data),
      sent,
      "Closure proposed: a manager will sign it off",
    );
  },
  async "sign-off"(sent) {
    return answer(await signOffClosure(sent.request, sent.userId, sent.caseId), sent, "Closure signed off: the case is closed");
  },
  async return(sent) {
    const parsed = parseValues(returnForm, sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    return answer(await returnClosure(sent.request, sent.userId, sent.caseId, parsed.data), sent, "Closure returned to the LADO");
  },
  async reopen(sent) {
    const parsed = parseValues(reopenForm, sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    return answer(await reopenCase(sent.request, sent.userId, sent.caseId, parsed.data), sent, "Case reopened");
  },
  async "delay-reason"(sent) {
    const parsed = parseValues(delayReasonForm, sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    const { month, delayReason } = parsed.data;
    return answer(
      await recordDelayReason(sent.request, sent.userId, sent.caseId, { month, reason: delayReason }),
      sent,
      "Reason for delay recorded",
    );
  },
  async "place-hold"(sent) {
    const parsed = parseValues(placeHoldForm, sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    return answer(await placeLegalHold(sent.request, sent.userId, sent.caseId, parsed.data), sent, "Legal hold placed");
  },
  async "lift-hold"(sent) {
    const parsed = parseValues(liftHoldForm, sent.values);
    if (!parsed.ok) return invalid(parsed.failure);
    return answer(await liftLegalHold(sent.request, sent.userId, sent.caseId, parsed.data), sent, "Legal hold lifted");
  },
};
