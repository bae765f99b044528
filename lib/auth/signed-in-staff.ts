import "server-only";
import { redirect } from "next/navigation";
import { currentStaff } from "./require-staff";

/**
 * The first line of every staff page. Next renders the layout (which sends a visitor without a session
 * to sign in) and the page at the same time: a page that reached its lib calls would have them refuse the
 * visitor, and Next log that refusal as a stack trace — for what is only an anonymous visit.
 */
export async function signedInStaff(): Promise<void> {
  if (!(await currentStaff())) redirect("/staff/sign-in");
}
