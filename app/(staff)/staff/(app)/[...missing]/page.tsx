import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Page introuvable" };

// Any other /staff/… path: the staff "page introuvable" (with the navigation), not the citizens' one.
export default function MissingStaffPage(): never {
  notFound();
}
