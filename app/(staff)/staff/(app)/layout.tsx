import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { StaffNav } from "@/components/staff/staff-nav";
import { currentStaff } from "@/lib/auth/require-staff";

export const metadata: Metadata = {
  title: { default: "Espace CNDP", template: "%s · Espace CNDP · StopSMS" },
  robots: { index: false },
};

// First gate: no session, no staff page. Each lib function the pages call checks the role again.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  if (!staff) redirect("/staff/sign-in");
  return (
    <div lang="fr" dir="ltr">
      <StaffNav staff={staff} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
