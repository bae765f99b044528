import { headers } from "next/headers";
import { parseStaffFlash, STAFF_FLASH_HEADER } from "@/lib/web/staff-flash";

/** The outcome of the staff member's last form post (lib/web/staff-flash.ts), shown once. */
export async function FlashMessage() {
  const flash = parseStaffFlash((await headers()).get(STAFF_FLASH_HEADER));
  if (flash?.kind === "error")
    return (
      <p role="alert" className="mt-4 rounded border-2 border-red-700 p-3 font-semibold text-red-800">
        {flash.message}
      </p>
    );
  if (flash?.kind === "ok")
    return (
      <p role="status" className="mt-4 rounded border-s-4 border-brand-700 bg-brand-50 p-3">
        {flash.message}
      </p>
    );
  return null;
}
