import { locales } from "@/lib/i18n/locales";

const names: Record<string, string> = { fr: "Français", ar: "العربية", en: "English" };

/** Plain form posts: switching language works without JavaScript, and the choice is kept in a cookie. */
export function LanguageSwitcher({ current, returnTo, label }: { current: string; returnTo: string; label: string }) {
  return (
    <form method="post" action="/lang" className="flex flex-wrap gap-1" aria-label={label}>
      <input type="hidden" name="next" value={returnTo} />
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-current={locale === current ? "true" : undefined}
          className="min-h-11 min-w-11 rounded px-2 text-sm text-brand-800 underline-offset-4 hover:underline aria-[current=true]:font-bold aria-[current=true]:underline"
        >
          {names[locale]}
        </button>
      ))}
    </form>
  );
}
