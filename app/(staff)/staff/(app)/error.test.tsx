import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import StaffError from "./error";

describe("the staff error boundary", () => {
  it("says in French that the page failed, with the reference, a retry and the way back", () => {
    const error = Object.assign(new Error("boom: connection refused at 10.0.0.5"), { digest: "1681970346" });
    const html = renderToStaticMarkup(<StaffError error={error} reset={() => undefined} />);
    expect(html).toContain("Une erreur est survenue");
    expect(html).toContain("1681970346");
    expect(html).toContain("Réessayer");
    expect(html).toContain('href="/staff"');
    // Never the error's own message: it may carry internals.
    expect(html).not.toContain("boom");
  });
});
