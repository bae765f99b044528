"use client";

import Link from "next/link";

/** An unexpected failure in a staff page: said in French, with the navigation still there and a retry. */
export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" aria-labelledby="staff-error">
      <h1 id="staff-error" className="text-2xl font-bold">
        Une erreur est survenue
      </h1>
      <p className="mt-2">
        La page n&apos;a pas pu être affichée. Rien n&apos;a été modifié par cet affichage. Réessayez ; si l&apos;erreur
        persiste, transmettez cette référence à l&apos;équipe technique : <code>{error.digest ?? "—"}</code>.
      </p>
      <p className="mt-4 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={reset}
          className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
        >
          Réessayer
        </button>
        <Link href="/staff" className="inline-flex min-h-11 items-center text-brand-800 underline">
          Retour au tableau de bord
        </Link>
      </p>
    </section>
  );
}
