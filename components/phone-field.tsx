import { FormField, inputClass } from "@/components/form-field";
import type { Locale } from "@/lib/i18n/locales";
import { translatorIn } from "@/lib/i18n/translator";

/** The citizen's phone number field (id and name `phone`), with the national and international examples. */
export function PhoneField({
  locale,
  label,
  defaultValue,
  error,
}: {
  locale: Locale;
  label: string;
  defaultValue?: string;
  error?: string;
}) {
  const t = translatorIn(locale, "Stop");
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
