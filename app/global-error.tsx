"use client";

// The last resort, when the root layout itself failed: no layout, no translations, so the three languages
// at once, and no script needed to read it.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr" dir="ltr">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem", lineHeight: 1.5 }}>
        <main>
          <h1>StopSMS est momentanément indisponible</h1>
          <p>Réessayez dans quelques instants. Vos refus déjà enregistrés restent en vigueur.</p>
          <p lang="ar" dir="rtl">
            خدمة StopSMS غير متاحة مؤقتا. أعيدوا المحاولة بعد لحظات. تبقى اعتراضاتكم المسجلة سارية.
          </p>
          <p lang="en">
            StopSMS is briefly unavailable. Try again in a moment. Refusals already recorded stay in force.
          </p>
          <p>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load: the app that failed starts again */}
            <a href="/">StopSMS</a> · <code>{error.digest ?? ""}</code>
          </p>
        </main>
      </body>
    </html>
  );
}
