import { z } from "zod";
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
  responses,
  snapshotQuery,
  treeHeadsQuery,
} from "./schemas";

// OpenAPI 3.1 for /api/v1, generated from the zod schemas the handlers parse with, so the document
// cannot drift from the code. OpenAPI 3.1 uses JSON Schema 2020-12, zod's native target.

const json = (schema: z.ZodType, io: "input" | "output" = "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

function queryParameters(schema: z.ZodObject) {
  const properties = (json(schema, "input").properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    description: property.description,
    schema: name === "after" ? { type: "integer", minimum: 0, default: 0 } : { ...property, description: undefined },
  }));
}

const signatureHeaders = [
  {
    name: "Signature-Input",
    in: "header",
    required: true,
    schema: { type: "string" },
    example:
      'sig1=("@method" "@path" "@query");created=1763884800;keyid="acme-telecom-2026-01";nonce="q3v9X2mJb8Lr0sTu";alg="ed25519"',
  },
  { name: "Signature", in: "header", required: true, schema: { type: "string" }, example: "sig1=:<base64>:" },
];
const digestHeader = {
  name: "Content-Digest",
  in: "header",
  required: true,
  schema: { type: "string" },
  example: "sha-256=:<base64>:",
};

const problem = {
  description: "Problem (RFC 9457)",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};
const errorResponses = {
  "400": { ...problem, description: "digest-mismatch" },
  "401": { ...problem, description: "signature-missing, signature-invalid, unknown-key, signature-expired, replayed" },
  "403": {
    ...problem,
    description: "forbidden: a sender this provider is not authorised for, or a suspended provider",
  },
  "413": { ...problem, description: "too-large" },
  "422": { ...problem, description: "invalid-request, with `errors`" },
  "429": { ...problem, description: "rate-limited, with Retry-After" },
};

function ok(description: string, schema: z.ZodType) {
  return { "200": { description, content: { "application/json": { schema: json(schema) } } }, ...errorResponses };
}

function body(schema: z.ZodType) {
  return { required: true, content: { "application/json": { schema: json(schema, "input") } } };
}

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "StopSMS provider API",
      version: "1.1.0",
      description:
        "The contract between the StopSMS platform and registered SMS providers (SYNC-PROTOCOL.md, version 1.1). Every request is signed with the provider's Ed25519 key (RFC 9421, with RFC 9530 Content-Digest on bodies); every response is signed by the platform (keys at /.well-known/stopsms-keys.json).",
    },
    servers: [{ url: `${serverUrl.replace(/\/+$/, "")}/api/v1` }],
    paths: {
      "/senders": {
        get: {
          operationId: "listSenders",
          summary: "The senders this provider may act for",
          parameters: signatureHeaders,
          responses: ok("Senders", responses.senders),
        },
      },
      "/suppressions/changes": {
        get: {
          operationId: "listChanges",
          summary:
            "The change feed, oldest first: every `all` change and the `sender` changes of this provider's senders",
          parameters: [...signatureHeaders, ...queryParameters(changesQuery)],
          responses: ok(
            "A page of changes; store `next` and call again with after=next; `more: true` means call again at once",
            responses.changes,
          ),
        },
      },
      "/suppressions/snapshot": {
        get: {
          operationId: "readSnapshot",
          summary: "Every opposition in force for this provider, for a first load or a rebuild",
          parameters: [...signatureHeaders, ...queryParameters(snapshotQuery)],
          responses: ok(
            "A page; repeat with `cursor` until it is null, then follow changes?after=<at>",
            responses.snapshot,
          ),
        },
      },
      "/suppressions/check": {
        post: {
          operationId: "washList",
          summary: "Wash a campaign list (at most 100000 numbers)",
          parameters: [...signatureHeaders, digestHeader],
          requestBody: body(checkBody),
          responses: ok("Suppressed numbers among those sent", responses.check),
        },
      },
      "/links": {
        post: {
          operationId: "mintLinks",
          summary: "Mint per-recipient StopSMS links (at most 100000; idempotent per sender+campaign+phone)",
          parameters: [...signatureHeaders, digestHeader],
          requestBody: body(linksBody),
          responses: ok("Links", responses.links),
        },
      },
      "/keywords": {
        post: {
          operationId: "recordKeyword",
          summary: "Report a STOP or START reply received by the provider",
          parameters: [...signatureHeaders, digestHeader],
          requestBody: body(keywordsBody),
          responses: ok("Whether an opposition was recorded or withdrawn", responses.keywords),
        },
      },
      "/suppressions/ack": {
        post: {
          operationId: "acknowledgeChanges",
          summary:
            "State, under your signature, that every change up to `applied` is applied (not beyond what you fetched: 422; never back: 409 ack-regressed)",
          parameters: [...signatureHeaders, digestHeader],
          requestBody: body(ackBody),
          responses: ok("The acknowledgement as recorded", responses.ack),
        },
      },
      "/numbers/events": {
        post: {
          operationId: "reportNumberEvents",
          summary:
            "Operators only (403 otherwise): report disconnected, reinstated or ported numbers, at most 10000 a call; an event already applied is accepted again without effect",
          parameters: [...signatureHeaders, digestHeader],
          requestBody: body(numberEventsBody),
          responses: ok("What the events did", responses.numberEvents),
        },
      },
      "/log/tree-head": {
        get: {
          operationId: "readTreeHead",
          summary:
            "The transparency log's tree head now (public: signed or unsigned; the signed response is the signed tree head)",
          responses: ok("Tree head", responses.treeHead),
        },
      },
      "/log/tree-heads": {
        get: {
          operationId: "listTreeHeads",
          summary: "Tree heads recorded every hour (public)",
          parameters: queryParameters(treeHeadsQuery),
          responses: ok("Recorded tree heads, oldest first", responses.treeHeads),
        },
      },
      "/log/inclusion": {
        get: {
          operationId: "proveInclusion",
          summary: "RFC 9162 audit path: change `index` is in the tree of `size` (public)",
          parameters: queryParameters(inclusionQuery),
          responses: ok("Inclusion proof", responses.inclusion),
        },
      },
      "/log/consistency": {
        get: {
          operationId: "proveConsistency",
          summary: "RFC 9162 consistency proof between two tree sizes (public)",
          parameters: queryParameters(consistencyQuery),
          responses: ok("Consistency proof", responses.consistency),
        },
      },
      "/complaints": {
        get: {
          operationId: "listComplaints",
          summary:
            "Complaints about your senders or your links, oldest first; numbers masked unless the citizen agreed to share them",
          parameters: [...signatureHeaders, ...queryParameters(complaintsQuery)],
          responses: ok("A page of complaints; call again with after=next while more is true", responses.complaints),
        },
      },
      "/complaints/{id}/response": {
        post: {
          operationId: "answerComplaint",
          summary: "Your answer to a complaint, before respond_by (404 for a complaint you may not see)",
          parameters: [
            ...signatureHeaders,
            digestHeader,
            { name: "id", in: "path", required: true, schema: { type: "string", example: "C-7F3KQ-92QDX" } },
          ],
          requestBody: body(complaintResponseBody),
          responses: ok("The answer as recorded, and whether it was late", responses.complaintResponse),
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document (no request signature needed)",
          responses: { "200": { description: "OpenAPI 3.1" } },
        },
      },
    },
    components: { schemas: { Problem: json(responses.problem) } },
  };
}
