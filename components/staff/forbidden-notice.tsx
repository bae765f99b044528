export function ForbiddenNotice() {
  return (
    <section>
      <h1 className="text-2xl font-bold">Accès refusé</h1>
      <p className="mt-3">
        Votre rôle (analyste) ne permet pas d&apos;accéder à cette page. Demandez à un administrateur.
      </p>
    </section>
  );
}
