import { getTranslations } from "next-intl/server";
import { FormField, inputClass } from "@/components/form-field";

/** The citizen's phone number field (id and name `phone`), with the national and international examples. */
export async function PhoneField({
  label,
  defaultValue,
  error,
}: {
  label: string;
  defaultValue?: string;
  error?: string;
}) {
  const t = await getTranslations("Stop");
  return (
    <FormField
      id="phone"
      label={label}
      hint={t.rich("phoneHint", {
        num: (chunks) => (
          <bdi dir="ltr" className="inline-block">
            {chunks}
          </bdi>
        ),
      })}
      error={error}
    >
      {(describedBy, invalid) => (
        <input
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          dir="ltr"
          required
          defaultValue={defaultValue ?? ""}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={inputClass}
        />
      )}
    </FormField>
  );
}
