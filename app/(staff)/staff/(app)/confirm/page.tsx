import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { CONFIRMATIONS } from "@/app/(staff)/staff/actions/[action]/staff-actions";
import { dangerButtonClass, fieldClass, secondaryButtonClass } from "@/components/staff/ui";
import { safeBackPath } from "@/lib/web/safe-back";
import { parseConfirmation, STAFF_CONFIRM_COOKIE } from "@/lib/web/staff-confirmation";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Confirmer" };

/** The confirmation step of a destructive staff action (staff-actions.ts CONFIRMATIONS). */
export default async function ConfirmPage() {
  await signedInStaff();
  const pending = parseConfirmation((await cookies()).get(STAFF_CONFIRM_COOKIE)?.value);
  const confirmation =
    pending && Object.hasOwn(CONFIRMATIONS, pending.action) ? CONFIRMATIONS[pending.action] : undefined;
  if (!pending || !confirmation)
    return (
      <>
        <h1 className="text-2xl font-bold">Rien à confirmer</h1>
        <p className="mt-2">Cette confirmation a expiré ou a déjà été donnée.</p>
        <p className="mt-4">
          <Link href="/staff" className="text-brand-800 underline">
            Retour au tableau de bord
          </Link>
        </p>
      </>
    );
  const form = {
    get: (name: string) => pending.fields[name] ?? "",
    all: (name: string) => (pending.fields[name] ? [pending.fields[name]] : []),
  };
  const { title, consequence, button } = confirmation.describe(form);
  const back = safeBackPath(pending.fields.back, "/staff", "/staff");
  return (
    <section aria-labelledby="confirm-title" className="max-w-2xl rounded border-2 border-red-700 p-4">
      <h1 id="confirm-title" className="text-2xl font-bold text-red-800">
        {title}
      </h1>
      <p className="mt-2">{consequence}</p>
      <form
        method="post"
        action={`/staff/actions/${pending.action}`}
        className="mt-4 flex flex-wrap items-center gap-3"
      >
        {Object.entries(pending.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        {confirmation.askCode && (
          <div className="basis-full">
            <label htmlFor="code" className="block font-semibold">
              Code actuel de votre application, ou code de secours
            </label>
            <input id="code" name="code" required autoComplete="one-time-code" className={`${fieldClass} max-w-xs`} />
          </div>
        )}
        <button type="submit" className={dangerButtonClass}>
          {button}
        </button>
        <Link href={back} className={secondaryButtonClass}>
          Annuler
        </Link>
      </form>
    </section>
  );
}
