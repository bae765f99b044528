import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { FlashMessage } from "@/components/staff/flash-message";
import { buttonClass, fieldClass } from "@/components/staff/ui";
import { startTotpEnrolment } from "@/lib/auth/manage-totp";
import { currentStaff } from "@/lib/auth/require-staff";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Sécurité du compte" };

type Props = { searchParams: Promise<{ enrol?: string }> };

export default async function SecurityPage({ searchParams }: Props) {
  await signedInStaff();
  const [flash, staff] = await Promise.all([searchParams, currentStaff()]);
  if (!staff) return null;
  const enrolment = !staff.totpEnabled && flash.enrol === "1" ? await startTotpEnrolment() : null;
  return (
    <>
      <h1 className="text-2xl font-bold">Sécurité du compte</h1>
      <FlashMessage />
      <h2 className="mt-6 text-xl font-semibold">Double authentification (TOTP)</h2>
      {staff.totpEnabled ? (
        <form method="post" action="/staff/actions/totp-disable" className="mt-2 max-w-sm">
          <p>Activée. Pour la désactiver, saisissez un code actuel.</p>
          <input type="hidden" name="back" value="/staff/security" />
          <label htmlFor="code" className="mt-3 block font-semibold">
            Code à 6 chiffres
          </label>
          <input id="code" name="code" inputMode="numeric" pattern="[0-9]{6}" required className={fieldClass} />
          <button type="submit" className={`${buttonClass} mt-3`}>
            Désactiver
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
          <input type="hidden" name="back" value="/staff/security" />
          <label htmlFor="code" className="mt-3 block font-semibold">
            Code à 6 chiffres
          </label>
          <input id="code" name="code" inputMode="numeric" pattern="[0-9]{6}" required className={fieldClass} />
          <button type="submit" className={`${buttonClass} mt-3`}>
            Activer
          </button>
        </form>
      ) : (
        <p className="mt-2">
          Non activée.{" "}
          <Link href="/staff/security?enrol=1" prefetch={false} className="text-brand-800 underline">
            Activer la double authentification
          </Link>
        </p>
      )}
    </>
  );
}
