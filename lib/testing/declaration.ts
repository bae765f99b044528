/** A campaign declaration (docs/protocol.md 1.2) for the tests, benches and e2e that mint through the API. */
export const TEST_DECLARATION = {
  purpose: "offres de la saison",
  basis: "consent",
  source: "own",
  collected_at: "2025-03",
  collected_how: "inscription en magasin",
} as const;
