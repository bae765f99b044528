/** A staff form field's problem, said beside it (its id is what the field's aria-describedby names). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="font-semibold text-red-800">
      {message.charAt(0).toUpperCase() + message.slice(1)}
    </p>
  );
}
