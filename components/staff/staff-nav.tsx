import Link from "next/link";
import type { StaffMember } from "@/lib/auth/require-staff";

const LINKS = [
  { href: "/staff", label: "Tableau de bord", admin: false },
  { href: "/staff/complaints", label: "Signalements", admin: false },
  { href: "/staff/originators", label: "Émetteurs", admin: false },
  { href: "/staff/integrity", label: "Intégrité", admin: false },
  { href: "/staff/lookup", label: "Numéros", admin: false },
  { href: "/staff/providers", label: "Fournisseurs", admin: false },
  { href: "/staff/senders", label: "Expéditeurs", admin: false },
  { href: "/staff/sources", label: "Sources", admin: false },
  { href: "/staff/audit", label: "Audit", admin: true },
  { href: "/staff/security", label: "Mon compte", admin: false },
];

export function StaffNav({ staff }: { staff: StaffMember }) {
  return (
    <header className="border-b border-slate-200 bg-brand-50">
      {/* Who and where on one line, the sections on the next: at 1366 px the sections fit one row. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 pt-3">
        <Link href="/staff" className="font-bold text-brand-800">
          StopSMS · Espace CNDP
        </Link>
        <form method="post" action="/staff/sign-out" className="flex flex-nowrap items-center gap-2 text-sm">
          <span className="whitespace-nowrap">
            {staff.email} ({staff.role === "admin" ? "administrateur" : "analyste"})
          </span>
          <button type="submit" className="min-h-11 rounded border border-brand-700 px-3 text-brand-800">
            Se déconnecter
          </button>
        </form>
      </div>
      <nav aria-label="Espace CNDP" className="mx-auto max-w-6xl px-4 pb-1">
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {LINKS.filter((l) => !l.admin || staff.role === "admin").map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="inline-block py-2 text-brand-800 underline-offset-4 hover:underline">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
