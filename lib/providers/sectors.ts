/** Senders' sectors (open statistics): a short fixed list, in the order the pages show them. */
export const SECTORS = ["banking", "telecom", "retail", "real-estate", "insurance", "politics", "other"] as const;
export type Sector = (typeof SECTORS)[number];

/** The staff's (French) names; citizen pages take theirs from the messages files. */
export const SECTOR_LABELS_FR: Record<Sector, string> = {
  banking: "Banque",
  telecom: "Télécommunications",
  retail: "Commerce",
  "real-estate": "Immobilier",
  insurance: "Assurance",
  politics: "Politique",
  other: "Autre",
};
