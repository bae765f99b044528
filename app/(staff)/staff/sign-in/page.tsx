import type { Metadata } from "next";
import { cookies } from "next/headers";
import { inputClass } from "@/components/form-field";
import { flashCookieName, readFlash } from "@/lib/web/form-flash";
import { LOCK_MINUTES } from "@/lib/auth/verify-credentials";

export const metadata: Metadata = {
  title: { absolute: "Connexion · Espace CNDP · StopSMS" },
  robots: { index: false },
};

const MESSAGES: Record<string, string> = {
  invalid: "Adresse ou mot de passe incorrect.",
  locked: `Trop d'essais infructueux : le compte est verrouillé pendant ${LOCK_MINUTES} minutes. Réessayez plus tard ou contactez un administrateur.`,
  "totp-required": "Saisissez le code à 6 chiffres de votre application d'authentification.",
  "totp-invalid": "Le code à 6 chiffres est incorrect.",
};

type Flash = { email?: string; reason?: string; askCode?: boolean };

// The CNDP staff area is in French, the working language of its users.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const [cookieStore, { signedOut }] = await Promise.all([cookies(), searchParams]);
  const flash = (readFlash(cookieStore.get(flashCookieName("signin"))?.value) ?? {}) as Flash;
  const message = flash.reason ? (MESSAGES[flash.reason] ?? MESSAGES.invalid) : undefined;
  return (
    <main id="main" lang="fr" dir="ltr" className="mx-auto max-w-md px-4 py-10">
      <p className="text-lg font-bold text-brand-800">StopSMS · Espace CNDP</p>
      <h1 className="mt-4 text-2xl font-bold">Connexion</h1>
      {signedOut && !message && (
        <p role="status" className="mt-3">
          Vous êtes déconnecté.
        </p>
      )}
      {message && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 p-3 font-semibold text-red-800">
          {message}
        </p>
      )}
      <form method="post" action="/staff/sign-in/submit" className="mt-4">
        <label htmlFor="email" className="mt-4 block font-semibold">
          Adresse électronique
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={flash.email ?? ""}
          className={inputClass}
        />
        <label htmlFor="password" className="mt-4 block font-semibold">
          Mot de passe
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
        <label htmlFor="code" className="mt-4 block font-semibold">
          Code à 6 chiffres {flash.askCode ? "" : "(si la double authentification est activée)"}
        </label>
        <p id="code-hint" className="text-sm text-slate-700">
          Téléphone perdu : saisissez l&apos;un de vos codes de secours (XXXX-XXXX-XXXX-XXXX).
        </p>
        <input id="code" name="code" autoComplete="one-time-code" aria-describedby="code-hint" className={inputClass} />
        <button
          type="submit"
          className="mt-6 min-h-12 w-full rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white"
        >
          Se connecter
        </button>
      </form>
    </main>
  );
}
