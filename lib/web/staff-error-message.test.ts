import { describe, expect, it } from "vitest";
import { z } from "zod";
import { conflict, DomainError } from "@/lib/errors";
import { addProviderKeySchema } from "@/lib/providers/schemas";
import { parseInput } from "@/lib/validation";
import { staffErrorMessage, staffFieldErrors } from "@/lib/web/staff-error-message";

const thrown = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error("did not throw");
};

describe("lib errors as the staff read them", () => {
  it("says a keyed error in French from its area's message file", () => {
    const error = conflict("key id acme-01 is already registered", {
      id: "providers.keyid-taken",
      values: { keyid: "acme-01" },
    });
    expect(staffErrorMessage(error)).toBe("L'identifiant de clé acme-01 est déjà utilisé.");
  });

  it("says each field problem with the field's French name, never zod's English", () => {
    const error = thrown(() =>
      parseInput(addProviderKeySchema, {
        providerSlug: "Bad Slug",
        keyid: "x",
        publicKeyPem: "-----BEGIN PRIVATE KEY-----",
      }),
    );
    const message = staffErrorMessage(error);
    expect(message).toContain("Fournisseur : lettres minuscules");
    expect(message).toContain("Identifiant de la clé : 3 à 100 lettres");
    expect(message).toContain("Clé publique : c'est une clé PRIVÉE");
    expect(message).not.toMatch(/must|expected|Invalid|PRIVATE key/);
  });

  it("falls back to a general French sentence for an error without one", () => {
    expect(staffErrorMessage(new DomainError("conflict", "something in English", 409))).toBe(
      "Cette modification est en conflit avec l'état actuel.",
    );
    expect(staffErrorMessage(thrown(() => parseInput(z.object({ note: z.string().min(1) }), { note: "" })))).toBe(
      "Formulaire incomplet ou incorrect. Note : à remplir.",
    );
  });

  it("names the field each problem is about, for the form to mark it and say it beside it", () => {
    const error = thrown(() =>
      parseInput(addProviderKeySchema, {
        providerSlug: "acme",
        keyid: "ok-key-01",
        publicKeyPem: "-----BEGIN PRIVATE KEY-----",
      }),
    );
    expect(staffFieldErrors(error)).toEqual({ publicKeyPem: expect.stringMatching(/^c'est une clé PRIVÉE/) });
    expect(staffFieldErrors(conflict("taken", { id: "providers.keyid-taken", values: { keyid: "acme-01" } }))).toEqual({
      keyid: "L'identifiant de clé acme-01 est déjà utilisé.",
    });
    expect(staffFieldErrors(new DomainError("conflict", "something", 409))).toEqual({});
  });
});
