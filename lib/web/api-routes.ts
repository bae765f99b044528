import type { z } from "zod";
import {
  ackBody,
  changesQuery,
  checkBody,
  complaintResponseBody,
  complaintsQuery,
  consistencyQuery,
  inclusionQuery,
  keywordsBody,
  linksBody,
  numberEventsBody,
  snapshotQuery,
  treeHeadsQuery,
} from "@/lib/sync/schemas";
import { responses } from "@/lib/sync/response-schemas";

// The provider API's entries of the route table (lib/web/routes.ts): the schemas each endpoint parses with,
// which its route file runs through signedRoute() and the OpenAPI document is generated from
// (docs/protocol.md). Paths are relative to /api/v1, in OpenAPI's {param} form.

export interface ApiRoute<
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: "GET" | "POST";
  path: string;
  operationId: string;
  summary: string;
  /** "signed": a provider's (or an operator's) RFC 9421 signature; "public": signed or not, limited per address. */
  auth: "signed" | "operator" | "public";
  query?: Q;
  body?: B;
  /** What a 200 carries (JSON), or a binary file. */
  response: z.ZodType | { binary: string };
  responseDescription: string;
  /** The largest body accepted (the bulk calls: 100 000 numbers fit in ~2.5 MB). */
  bodyLimit?: number;
}

const BULK_BODY_LIMIT = 12 * 1024 * 1024;
/** The body limit of every other call (and of the 405 a wrong method gets). */
export const SMALL_API_BODY = 64 * 1024;

function route<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  entry: ApiRoute<Q, B>,
): ApiRoute<Q, B> {
  return entry;
}

export const API_ROUTES = {
  senders: route({
    method: "GET",
    path: "/senders",
    operationId: "listSenders",
    summary: "The senders this provider may act for",
    auth: "signed",
    response: responses.senders,
    responseDescription: "Senders",
  }),
  sources: route({
    method: "GET",
    path: "/sources",
    operationId: "listSources",
    summary: "The registered list sources a campaign may declare (1.2; `own` is implicit)",
    auth: "signed",
    response: responses.sources,
    responseDescription: "List sources",
  }),
  changes: route({
    method: "GET",
    path: "/suppressions/changes",
    operationId: "listChanges",
    summary: "The change feed, oldest first: every `all` change and the `sender` changes of this provider's senders",
    auth: "signed",
    query: changesQuery,
    response: responses.changes,
    responseDescription:
      "A page of changes; store `next` and call again with after=next; `more: true` means call again at once",
  }),
  snapshot: route({
    method: "GET",
    path: "/suppressions/snapshot",
    operationId: "readSnapshot",
    summary: "Every opposition in force for this provider, for a first load or a rebuild",
    auth: "signed",
    query: snapshotQuery,
    response: responses.snapshot,
    responseDescription: "A page; repeat with `cursor` until it is null, then follow changes?after=<at>",
  }),
  snapshotFiles: route({
    method: "GET",
    path: "/suppressions/snapshot/files",
    operationId: "listSnapshotFiles",
    summary:
      "The manifest of the latest snapshot files covering this provider's lists (503 snapshot-files-not-ready until one exists)",
    auth: "signed",
    response: responses.snapshotFiles,
    responseDescription: "Files to download, each with its SHA-256, then follow changes?after=<at>",
  }),
  snapshotFile: route({
    method: "GET",
    path: "/suppressions/snapshot/files/{name}",
    operationId: "readSnapshotFile",
    summary: "One gzip NDJSON file of the manifest (one opposition a line), streamed with its Content-Digest",
    auth: "signed",
    response: { binary: "application/gzip" },
    responseDescription: "The file",
  }),
  check: route({
    method: "POST",
    path: "/suppressions/check",
    operationId: "washList",
    summary: "Wash a campaign list (at most 100000 numbers)",
    auth: "signed",
    body: checkBody,
    bodyLimit: BULK_BODY_LIMIT,
    response: responses.check,
    responseDescription: "Suppressed numbers among those sent",
  }),
  links: route({
    method: "POST",
    path: "/links",
    operationId: "mintLinks",
    summary:
      "Mint per-recipient StopSMS links (at most 100000; idempotent per sender+campaign+phone); the campaign's first mint carries its declaration (1.2)",
    auth: "signed",
    body: linksBody,
    bodyLimit: BULK_BODY_LIMIT,
    response: responses.links,
    responseDescription: "Links",
  }),
  keywords: route({
    method: "POST",
    path: "/keywords",
    operationId: "recordKeyword",
    summary: "Report a STOP or START reply received by the provider",
    auth: "signed",
    body: keywordsBody,
    bodyLimit: SMALL_API_BODY,
    response: responses.keywords,
    responseDescription: "Per number, what was recorded or withdrawn, and why not",
  }),
  ack: route({
    method: "POST",
    path: "/suppressions/ack",
    operationId: "acknowledgeChanges",
    summary:
      "State, under your signature, that every change up to `applied` is applied (not beyond what you fetched: 422; never back: 409 ack-regressed)",
    auth: "signed",
    body: ackBody,
    bodyLimit: SMALL_API_BODY,
    response: responses.ack,
    responseDescription: "The acknowledgement as recorded",
  }),
  numberEvents: route({
    method: "POST",
    path: "/numbers/events",
    operationId: "reportNumberEvents",
    summary:
      "Operators only (403 otherwise): report disconnected, reinstated or ported numbers of the caller's own ranges, at most 10000 a call (422 number-not-owned or at-out-of-range: nothing applied; 202 when held for review)",
    auth: "operator",
    body: numberEventsBody,
    bodyLimit: BULK_BODY_LIMIT,
    response: responses.numberEvents,
    responseDescription: "What the events did",
  }),
  treeHead: route({
    method: "GET",
    path: "/log/tree-head",
    operationId: "readTreeHead",
    summary:
      "The transparency log's signed tree head: live for a signed call (providers), else the one published at most hourly",
    auth: "public",
    response: responses.treeHead,
    responseDescription: "Tree head",
  }),
  treeHeads: route({
    method: "GET",
    path: "/log/tree-heads",
    operationId: "listTreeHeads",
    summary: "Tree heads recorded every hour (public)",
    auth: "public",
    query: treeHeadsQuery,
    response: responses.treeHeads,
    responseDescription: "Recorded tree heads, oldest first",
  }),
  inclusion: route({
    method: "GET",
    path: "/log/inclusion",
    operationId: "proveInclusion",
    summary:
      "RFC 9162 audit path: change `index` is in the tree of `size` (public; unsigned: size up to the published head)",
    auth: "public",
    query: inclusionQuery,
    response: responses.inclusion,
    responseDescription: "Inclusion proof",
  }),
  consistency: route({
    method: "GET",
    path: "/log/consistency",
    operationId: "proveConsistency",
    summary: "RFC 9162 consistency proof between two tree sizes (public; unsigned: up to the published head)",
    auth: "public",
    query: consistencyQuery,
    response: responses.consistency,
    responseDescription: "Consistency proof",
  }),
  complaints: route({
    method: "GET",
    path: "/complaints",
    operationId: "listComplaints",
    summary:
      "Complaints about your links, or about your senders without a link (number always masked then); the full number only to the link's minting provider, with the citizen's consent",
    auth: "signed",
    query: complaintsQuery,
    response: responses.complaints,
    responseDescription: "A page of complaints; call again with after=next while more is true",
  }),
  complaintResponse: route({
    method: "POST",
    path: "/complaints/{id}/response",
    operationId: "answerComplaint",
    summary:
      "Your answer to a complaint, before respond_by (404 for a complaint you may not see); each answer is kept with its history",
    auth: "signed",
    body: complaintResponseBody,
    bodyLimit: SMALL_API_BODY,
    response: responses.complaintResponse,
    responseDescription: "The answer as recorded, and whether it was late",
  }),
};

export type ApiRouteName = keyof typeof API_ROUTES;
