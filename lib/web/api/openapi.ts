import { z } from "zod";
import { responses } from "@/lib/sync/response-schemas";
import { API_ROUTES, type ApiRoute } from "@/lib/web/api-routes";

// OpenAPI 3.1 for /api/v1, generated from the route table's entries (api-routes.ts) and the zod schemas
// the handlers parse with, so the document cannot drift from the code. OpenAPI 3.1 uses JSON Schema 2020-12, zod's native target.

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

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1]!,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
}

function operationOf(route: ApiRoute) {
  const signed = route.auth !== "public";
  const parameters = [
    ...(signed ? signatureHeaders : []),
    ...(route.body ? [digestHeader] : []),
    ...pathParameters(route.path),
    ...(route.query ? queryParameters(route.query as z.ZodObject) : []),
  ];
  const answer =
    "binary" in route.response
      ? {
          "200": {
            description: route.responseDescription,
            content: {
              [route.response.binary]: { schema: { type: "string", contentMediaType: route.response.binary } },
            },
          },
          ...errorResponses,
        }
      : ok(route.responseDescription, route.response);
  return {
    [route.method.toLowerCase()]: {
      operationId: route.operationId,
      summary: route.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: body(route.body) } : {}),
      ...(signed ? {} : { security: [] }),
      responses: answer,
    },
  };
}

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "StopSMS provider API",
      version: "1.2.0",
      description:
        "The contract between the StopSMS platform and registered SMS providers (docs/protocol.md, version 1.2). Every request is signed with the provider's Ed25519 key (RFC 9421, with RFC 9530 Content-Digest on bodies); every response is signed by the platform (keys at /.well-known/stopsms-keys.json).",
    },
    servers: [{ url: `${serverUrl.replace(/\/+$/, "")}/api/v1` }],
    paths: {
      ...Object.fromEntries(Object.values(API_ROUTES).map((route) => [route.path, operationOf(route)])),
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document (no request signature needed)",
          responses: { "200": { description: "OpenAPI 3.1" } },
        },
      },
    },
    security: [{ rfc9421: [] }],
    components: {
      schemas: { Problem: json(responses.problem) },
      securitySchemes: {
        rfc9421: {
          type: "apiKey",
          in: "header",
          name: "Signature",
          description:
            "HTTP Message Signatures (RFC 9421), Ed25519 with the provider's registered key: covered components @method, @path, @query and, with a body, content-digest (RFC 9530, sha-256) and content-type; parameters created, keyid, nonce (single use within 600 s), alg=\"ed25519\". Every answer is signed by the platform (label stopsms, and stopsms-req bound to the request's signature). docs/protocol.md",
        },
      },
    },
  };
}
