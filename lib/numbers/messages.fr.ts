// Number ranges' and number events' errors as the staff read them (French).
export const NUMBER_MESSAGES_FR: Record<string, (v: Record<string, string>) => string> = {
  "numbers.range-invalid": () =>
    "Plage invalide : premier et dernier numéros au format international, de même longueur, par exemple +212600000000-+212609999999.",
  "numbers.not-operator": (v) => `${v.slug} n'est pas un opérateur : seuls les opérateurs ont des plages de numéros.`,
  "numbers.range-overlap": (v) => `Cette plage chevauche une plage déjà attribuée à ${v.slug}.`,
  "numbers.no-ended-opposition": () =>
    "Aucune opposition terminée par une résiliation depuis moins de 90 jours ne correspond : rien n'a été rétabli.",
};
