// One example request and answer for every endpoint of the provider API, shown on /developers. The e2e
// suite sends each request, as printed, to the running app and checks that the answer has the fields the
// example shows (e2e/api/developer-examples.spec.ts): an example cannot drift from the API.
// Placeholders in braces are filled from the live platform: {sender}, {seq}, {size}, {complaint}.
import type { responses } from "./response-schemas";

export interface EndpointExample {
  id: string;
  method: "GET" | "POST";
  /** Path under /api/v1, with its query string. */
  path: string;
  body?: unknown;
  /** No signature needed (the public transparency-log calls). */
  public?: boolean;
  /** Only an operator's key may call it. */
  operator?: boolean;
  /** The response schema (lib/sync/schemas.ts) the answer follows: the example's own and the live one's. */
  schema: keyof typeof responses;
  answer: Record<string, unknown>;
}

const at = "2026-11-23T08:00:00.000Z";
const hash = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";

export const ENDPOINT_EXAMPLES: EndpointExample[] = [
  {
    id: "senders",
    method: "GET",
    path: "/senders",
    schema: "senders",
    answer: { senders: [{ code: "{sender}", name: "Souk Market", sms_ids: ["SOUKMARKET"] }] },
  },
  {
    id: "sources",
    method: "GET",
    path: "/sources",
    schema: "sources",
    answer: { sources: [{ code: "databroker-x", name: "DataBroker X", kind: "broker" }] },
  },
  {
    id: "snapshot",
    method: "GET",
    path: "/suppressions/snapshot?limit=2",
    schema: "snapshot",
    answer: {
      at: 1042,
      entries: [
        { phone: "+212612345678", scope: "all", sender: null, since: at },
        { phone: "+212698765432", scope: "sender", sender: "{sender}", since: at },
      ],
      cursor: "eyJwIjoiKzIxMjY5ODc2NTQzMiJ9",
    },
  },
  {
    id: "snapshot-files",
    method: "GET",
    path: "/suppressions/snapshot/files",
    schema: "snapshotFiles",
    answer: {
      at: 1042,
      files: [
        {
          scope: "all",
          sender: null,
          url: "https://stopsms.ma/api/v1/suppressions/snapshot/files/9f2c6e0b7d4a41c3b8e5f1a2d3c4b5a6978877665544332211009f8e7d6c5b4a.ndjson.gz",
          sha256: "3b7e1f0c9d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c",
          entries: 125000,
          bytes: 1187340,
        },
      ],
    },
  },
  {
    id: "changes",
    method: "GET",
    path: "/suppressions/changes?after=0&limit=2",
    schema: "changes",
    answer: {
      changes: [
        {
          seq: 1,
          op: "add",
          reason: "opposed",
          phone: "+212612345678",
          scope: "all",
          sender: null,
          at,
          index: 0,
          salt: hash,
        },
      ],
      next: 1,
      more: true,
      head: 1042,
    },
  },
  {
    id: "check",
    method: "POST",
    path: "/suppressions/check",
    body: { sender: "{sender}", phones: ["0612345678", "+212698765432"] },
    schema: "check",
    answer: { checked: 2, suppressed: [{ phone: "+212612345678", scope: "all" }], invalid: [] },
  },
  {
    id: "links",
    method: "POST",
    path: "/links",
    body: {
      sender: "{sender}",
      campaign: "soldes-hiver",
      phones: ["0612345678"],
      expires_in_days: 90,
      declaration: {
        purpose: "soldes d'hiver",
        basis: "customer",
        source: "own",
        collected_at: "2025-03",
        collected_how: "carte de fidélité",
      },
    },
    schema: "links",
    answer: {
      links: [{ phone: "+212612345678", code: "Kx7mP2qR", url: "https://stopsms.ma/Kx7mP2qR" }],
      invalid: [],
    },
  },
  {
    id: "keywords",
    method: "POST",
    path: "/keywords",
    body: { from: "0612345678", text: "STOP", sender: "{sender}" },
    schema: "keywords",
    answer: { recorded: true, op: "add", scope: "sender", receipt: "R-7KX2M-9QWPT" },
  },
  {
    id: "ack",
    method: "POST",
    path: "/suppressions/ack",
    body: { applied: "{seq}" },
    schema: "ack",
    answer: { applied: 1042, at },
  },
  {
    id: "number-events",
    method: "POST",
    path: "/numbers/events",
    operator: true,
    // `at`: when it happened, within the last 7 days; the number: one of the operator's own ranges.
    body: { events: [{ phone: "0612345678", event: "disconnected", at: "{recent}" }] },
    schema: "numberEvents",
    answer: { accepted: 1, ended: 1, restored: 0, invalid: [] },
  },
  {
    id: "complaints",
    method: "GET",
    path: "/complaints?limit=1",
    schema: "complaints",
    answer: {
      complaints: [
        {
          id: "C-4KX9M-2QWPT",
          type: "sent-after-opposition",
          sender: "{sender}",
          campaign: "soldes-hiver",
          link: "Kx7mP2qR",
          phone: "+212 6•• •• •• 78",
          received_at: at,
          reported_at: at,
          verdict: "violation",
          respond_by: at,
          reported_times: 1,
        },
      ],
      next: "C-4KX9M-2QWPT",
      more: true,
    },
  },
  {
    id: "complaint-response",
    method: "POST",
    path: "/complaints/{complaint}/response",
    body: { action: "suppressed", text: "Number removed from every campaign." },
    schema: "complaintResponse",
    answer: { id: "C-4KX9M-2QWPT", responded_at: at, late: false },
  },
  {
    id: "tree-head",
    method: "GET",
    path: "/log/tree-head",
    public: true,
    schema: "treeHead",
    answer: { size: 1043, root: hash, at },
  },
  {
    id: "tree-heads",
    method: "GET",
    path: "/log/tree-heads?after=2026-11-01T00:00:00Z",
    public: true,
    schema: "treeHeads",
    answer: { tree_heads: [{ size: 1000, root: hash, at }], more: false },
  },
  {
    id: "inclusion",
    method: "GET",
    path: "/log/inclusion?index=0&size={size}",
    public: true,
    schema: "inclusion",
    answer: { index: 0, size: 1043, leaf: hash, path: [hash] },
  },
  {
    id: "consistency",
    method: "GET",
    path: "/log/consistency?from=1&to={size}",
    public: true,
    schema: "consistency",
    answer: { from: 1, to: 1043, path: [hash] },
  },
];

/** An example with its placeholders filled in: in the path, the body and the answer shown. */
export function fillExample(example: EndpointExample, values: Record<string, string | number>) {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  // In JSON, a placeholder that is a whole string becomes the value itself (a number stays a number).
  const fillJson = <T>(value: T): T =>
    JSON.parse(
      JSON.stringify(value).replace(/"\{(\w+)\}"|\{(\w+)\}/g, (whole, quoted?: string, bare?: string) => {
        const filled = values[(quoted ?? bare)!];
        if (filled === undefined) return whole;
        return quoted ? JSON.stringify(filled) : String(filled);
      }),
    ) as T;
  return {
    ...example,
    path: fill(example.path),
    body: example.body === undefined ? undefined : fillJson(example.body),
    answer: fillJson(example.answer),
  };
}
