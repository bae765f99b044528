import { fieldClass } from "./ui";

// The fields of the staff lists' filter forms (GET): a labelled choice with "all", a labelled input.

export function FilterSelect({
  id,
  label,
  value,
  options,
  all = "Tous",
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: [value: string, label: string][];
  all?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} className={fieldClass}>
        <option value="">{all}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterInput({
  id,
  label,
  value,
  type = "text",
}: {
  id: string;
  label: string;
  value: string | undefined;
  type?: "text" | "date";
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input id={id} name={id} type={type} defaultValue={value ?? ""} className={fieldClass} />
    </div>
  );
}
