import { fieldClass, secondaryButtonClass } from "@/components/staff/ui";
import type { NumberRange } from "@/lib/numbers/number-ranges";

/** An operator's ANRT number ranges: its number events may name only these numbers (and those ported to it). */
export function NumberRanges({
  slug,
  ranges,
  admin,
  back,
}: {
  slug: string;
  ranges: NumberRange[];
  admin: boolean;
  back: string;
}) {
  return (
    <section aria-labelledby="ranges">
      <h2 id="ranges" className="mt-8 text-xl font-semibold">
        Plages de numéros attribuées par l&apos;ANRT
      </h2>
      <p className="mt-1 max-w-3xl">
        L&apos;opérateur ne peut déclarer résiliés, rétablis ou portés que les numéros de ces plages, et ceux qui lui
        ont été portés. Tout autre numéro fait refuser l&apos;appel entier.
      </p>
      {ranges.length === 0 ? (
        <p className="mt-2 font-semibold">Aucune plage : tous ses événements de numéros sont refusés.</p>
      ) : (
        <ul className="mt-2 space-y-1" data-testid="number-ranges">
          {ranges.map((r) => (
            <li key={`${r.first}-${r.last}`} className="flex flex-wrap items-center gap-3">
              <span className="font-mono" dir="ltr">
                {r.first} – {r.last}
              </span>
              {admin && (
                <form method="post" action="/staff/actions/number-range-remove">
                  <input type="hidden" name="slug" value={slug} />
                  <input type="hidden" name="range" value={`${r.first}-${r.last}`} />
                  <input type="hidden" name="back" value={back} />
                  <button type="submit" className={secondaryButtonClass}>
                    Retirer
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {admin && (
        <form method="post" action="/staff/actions/number-range-add" className="mt-3 flex flex-wrap items-end gap-2">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="back" value={back} />
          <div>
            <label htmlFor="range" className="block font-semibold">
              Ajouter une plage (premier-dernier, format international)
            </label>
            <input
              id="range"
              name="range"
              required
              dir="ltr"
              placeholder="+212600000000-+212609999999"
              className={fieldClass}
            />
          </div>
          <button type="submit" className={secondaryButtonClass}>
            Ajouter
          </button>
        </form>
      )}
    </section>
  );
}
