import Link from "next/link";

/** A staff page that does not exist, or a complaint, provider or alert that is not there: inside the staff layout. */
export default function StaffNotFound() {
  return (
    <>
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p className="mt-2">
        Cette page de l&apos;espace CNDP n&apos;existe pas, ou l&apos;élément demandé n&apos;existe plus.
      </p>
      <p className="mt-4">
        <Link href="/staff" className="text-brand-800 underline">
          Retour au tableau de bord
        </Link>
      </p>
    </>
  );
}
