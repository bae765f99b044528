import type { Metadata } from "next";
import { headers } from "next/headers";
import Image from "next/image";
import Link from "next/link";
import { FlashMessage } from "@/components/staff/flash-message";
import { buttonClass, dangerSecondaryButtonClass, fieldClass } from "@/components/staff/ui";
import { isAdminTotpRequired } from "@/lib/auth/admin-totp-policy";
import { startTotpEnrolment } from "@/lib/auth/manage-totp";
import { countUnusedRecoveryCodes } from "@/lib/auth/recovery-codes";
import { currentStaff } from "@/lib/auth/require-staff";
import { signedInStaff } from "@/lib/auth/signed-in-staff";
import { parseStaffFlash, STAFF_FLASH_HEADER } from "@/lib/web/staff-flash";

export const metadata: Metadata = { title: "Mon compte" };

type Props = { searchParams: Promise<{ enrol?: string }> };

export default async function SecurityPage({ searchParams }: Props) {
  await signedInStaff();
  const [query, staff, headerList] = await Promise.all([searchParams, currentStaff(), headers()]);
  if (!staff) return null;
  // The recovery codes come once, with the message of the activation (the flash is read once).
  const codes = parseStaffFlash(headerList.get(STAFF_FLASH_HEADER))?.codes ?? [];
  const enrolment =
    !staff.totpEnabled && (query.enrol === "1" || query.enrol === "new")
      ? await startTotpEnrolment(query.enrol === "new")
      : null;
  const [unused, adminTotpRequired] = await Promise.all([
    staff.totpEnabled ? countUnusedRecoveryCodes(staff.id) : 0,
    isAdminTotpRequired(),
  ]);
  return (
    <>
      <h1 className="text-2xl font-bold">Mon compte</h1>
      <FlashMessage />
      {staff.role === "admin" && adminTotpRequired && !staff.totpEnabled && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 p-3 font-semibold text-red-800">
          La double authentification est exigée pour les administrateurs : tant qu&apos;elle n&apos;est pas activée,
          vous n&apos;avez que les droits d&apos;un analyste.
        </p>
      )}
      {codes.length > 0 && (
        <section aria-labelledby="codes-title" className="mt-4 max-w-xl rounded border-2 border-brand-700 p-4">
          <h2 id="codes-title" className="text-lg font-semibold">
            Vos codes de secours
          </h2>
          <p className="mt-1">
            Chacun remplace une fois le code de votre application, si vous perdez votre téléphone. Imprimez-les ou
            rangez-les hors de ce téléphone : ils ne seront plus affichés.
          </p>
          <ul className="mt-3 grid grid-cols-2 gap-2 font-mono" data-testid="recovery-codes">
            {codes.map((code) => (
              <li key={code} dir="ltr">
                {code}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 className="mt-6 text-xl font-semibold">Double authentification (TOTP)</h2>
      {staff.totpEnabled ? (
        <form method="post" action="/staff/actions/totp-disable" className="mt-2 max-w-xl">
          <p>
            Activée. Codes de secours non utilisés : <strong data-testid="recovery-left">{unused}</strong> sur 10.
          </p>
          <input type="hidden" name="back" value="/staff/security" />
          <button type="submit" className={`${dangerSecondaryButtonClass} mt-3`}>
            Désactiver…
          </button>
        </form>
      ) : enrolment ? (
        <form method="post" action="/staff/actions/totp-confirm" className="mt-2 max-w-sm">
          <p>Scannez ce code avec votre application d&apos;authentification, puis saisissez le code affiché.</p>
          <Image
            src={enrolment.qrDataUrl}
            alt="QR code d'enrôlement TOTP"
            width={200}
            height={200}
            unoptimized
            className="mt-3"
          />
          <p className="mt-2 text-sm">
            Ou saisissez la clé :{" "}
            <code data-testid="totp-secret" className="break-all">
              {enrolment.secret}
            </code>
          </p>
          {/* A wrong code comes back to this same QR code: the one already scanned. */}
          <input type="hidden" name="back" value="/staff/security?enrol=1" />
          <label htmlFor="code" className="mt-3 block font-semibold">
            Code à 6 chiffres
          </label>
          <input id="code" name="code" inputMode="numeric" pattern="[0-9]{6}" required className={fieldClass} />
          <button type="submit" className={`${buttonClass} mt-3`}>
            Activer
          </button>
          <p className="mt-3 text-sm">
            <Link href="/staff/security?enrol=new" prefetch={false} className="text-brand-800 underline">
              Obtenir un nouveau QR code
            </Link>
          </p>
        </form>
      ) : (
        <p className="mt-2">
          Non activée.{" "}
          <Link href="/staff/security?enrol=1" prefetch={false} className="text-brand-800 underline">
            Activer la double authentification
          </Link>
        </p>
      )}
      {staff.role === "admin" && (
        <section aria-labelledby="policy-title" className="mt-8 max-w-xl">
          <h2 id="policy-title" className="text-xl font-semibold">
            Règle pour tous les administrateurs
          </h2>
          <p className="mt-2" data-testid="admin-totp-policy">
            {adminTotpRequired
              ? "La double authentification est exigée : un administrateur qui ne l'a pas activée n'a que les droits d'un analyste."
              : "La double authentification n'est pas exigée des administrateurs."}
          </p>
          <form method="post" action="/staff/actions/admin-totp-policy" className="mt-2">
            <input type="hidden" name="back" value="/staff/security" />
            <input type="hidden" name="required" value={adminTotpRequired ? "no" : "yes"} />
            <button type="submit" className={buttonClass}>
              {adminTotpRequired ? "Ne plus l'exiger" : "L'exiger de tous les administrateurs"}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
