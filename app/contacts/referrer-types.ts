// What the referrer's type decides about the questions asked (pure, so pages
// and schemas share it; no zod, so the browser bundle stays free of it).
// Organisation, its type and the employer's own questions make sense only
// for some referrers: a parent must never have to invent an organisation.
import type { ReferrerType } from "~/generated/prisma/enums";

type Type = ReferrerType | undefined | null;

/** An employer or another professional: asked for their organisation and its type. */
export const asksOrganisation = (type: Type) => type === "EMPLOYER" || type === "OTHER_PROFESSIONAL";

/** Another authority's LADO or a regulator: asked which authority or body (no type needed). */
export const asksAuthority = (type: Type) => type === "OTHER_LADO" || type === "REGULATOR";

/**
 * The person's employer or the setting itself: asked whether its senior
 * manager knows, whether the person was suspended or moved, and (required)
 * when it found out, which starts the statutory clock.
 */
export const isEmployer = (type: Type) => type === "EMPLOYER";

/** Someone giving a role at work (not a parent, child, member of the public, the person themselves). */
export const asksRole = (type: Type) => asksOrganisation(type) || asksAuthority(type);

/** No name or contact details are asked of an anonymous referrer. */
export const isAnonymous = (type: Type) => type === "ANONYMOUS";
