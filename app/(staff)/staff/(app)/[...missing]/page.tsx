import { notFound } from "next/navigation";

// Any other /staff/… path: the staff "page introuvable" (with the navigation), not the citizens' one.
export default function MissingStaffPage(): never {
  notFound();
}
