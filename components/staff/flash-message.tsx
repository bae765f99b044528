export function FlashMessage({ ok, error }: { ok?: string; error?: string }) {
  if (error)
    return (
      <p role="alert" className="mt-4 rounded border-2 border-red-700 p-3 font-semibold text-red-800">
        {error}
      </p>
    );
  if (ok)
    return (
      <p role="status" className="mt-4 rounded border-s-4 border-brand-700 bg-brand-50 p-3">
        {ok}
      </p>
    );
  return null;
}
