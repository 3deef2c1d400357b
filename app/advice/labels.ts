// How advice records read on screen and in the tracker's export.
import type { LetterMethod } from "~/generated/prisma/enums";

export const letterMethodLabels: Record<LetterMethod, string> = {
  EMAIL: "Email",
  POST: "Post",
};

/** "by email", "by post": how a letter went, in a sentence. */
export const sentBy: Record<LetterMethod, string> = {
  EMAIL: "by email",
  POST: "by post",
};
