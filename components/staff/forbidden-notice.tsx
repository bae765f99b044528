const ROLE_TOO_LOW = "Votre rôle (analyste) ne permet pas d'accéder à cette page. Demandez à un administrateur.";

/** Access refused, in the staff's words: a page the role cannot open, or an action it cannot take. */
export function ForbiddenNotice({ message = ROLE_TOO_LOW, backHref }: { message?: string; backHref?: string }) {
  return (
    <section>
      <h1 className="text-2xl font-bold">Accès refusé</h1>
      <p className="mt-3">{message}</p>
      {backHref && (
        <p className="mt-4">
          <a href={backHref} className="font-semibold text-brand-800 underline">
            Retour au tableau de bord
          </a>
        </p>
      )}
    </section>
  );
}
