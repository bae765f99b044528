import { headers } from "next/headers";
import { parseStaffFlash, STAFF_FLASH_HEADER } from "@/lib/web/staff-flash";

export interface KeptFields {
  value(name: string): string | undefined;
  error(name: string): string | undefined;
  /** The attributes that mark a field and tie it to its error (`<id>-error`). */
  invalid(name: string, id: string): { "aria-invalid"?: true; "aria-describedby"?: string };
}

/** What the staff member typed in the form of `action` when it was refused, and each field's problem. */
export async function keptForm(action: string): Promise<KeptFields> {
  const flash = parseStaffFlash((await headers()).get(STAFF_FLASH_HEADER));
  const form = flash?.form?.action === action ? flash.form : null;
  return {
    value: (name) => form?.values[name],
    error: (name) => form?.errors[name],
    invalid: (name, id) => (form?.errors[name] ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {}),
  };
}
