import type { Metadata } from "next";
import { PageShell } from "@/components/page-shell";
import { env } from "@/lib/env";
import { curlExample, nodeExample } from "@/lib/sync/examples";
import { buildOpenApiDocument } from "@/lib/sync/openapi";

export const metadata: Metadata = { title: "Provider API (v1)" };

type Operation = {
  summary: string;
  operationId: string;
  parameters?: { name: string; in: string; description?: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs leading-relaxed text-slate-50"
      dir="ltr"
    >
      <code>{children}</code>
    </pre>
  );
}

// For providers' developers, in English (the language of the protocol document); citizen pages are the
// ones translated into French, Arabic and English.
export default function DevelopersPage() {
  const base = env().STOPSMS_PUBLIC_URL;
  const doc = buildOpenApiDocument(base);
  const paths = Object.entries(doc.paths) as [string, Record<string, Operation>][];
  return (
    <PageShell path="/developers">
      <div lang="en" dir="ltr">
        <h1 className="text-2xl font-bold text-brand-800">StopSMS provider API, version 1</h1>
        <p className="mt-3">
          Registered SMS providers pull the suppression list, wash campaign lists, mint per-recipient StopSMS links and
          report STOP replies. Every request is signed with your Ed25519 key (RFC 9421 HTTP Message Signatures, with an
          RFC 9530 <code>Content-Digest</code> on bodies); every answer, errors included, is signed by the platform so
          that you can prove later which list you were given. The machine-readable description is{" "}
          <a className="text-brand-800 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1); the platform keys are at{" "}
          <a className="text-brand-800 underline" href="/.well-known/stopsms-keys.json">
            /.well-known/stopsms-keys.json
          </a>{" "}
          (JWKS).
        </p>

        <h2 className="mt-8 text-xl font-semibold">1. Register a key</h2>
        <p className="mt-2">
          Create a key pair and give only the public key (SPKI PEM) to the CNDP, with the key id you will use:
        </p>
        <Code label="key generation">
          {"openssl genpkey -algorithm ed25519 -out key.pem\nopenssl pkey -in key.pem -pubout -out key.pub.pem"}
        </Code>

        <h2 className="mt-8 text-xl font-semibold">2. Sign every request</h2>
        <ul className="mt-2 list-disc space-y-1 ps-6">
          <li>
            <code>
              Signature-Input: sig1=(&quot;@method&quot; &quot;@path&quot; &quot;@query&quot;
              &quot;content-digest&quot;);created=…;keyid=&quot;…&quot;;nonce=&quot;…&quot;;alg=&quot;ed25519&quot;
            </code>{" "}
            — <code>content-digest</code> exactly when there is a body.
          </li>
          <li>
            <code>created</code> within 300 s of the platform clock; a <code>nonce</code> of at least 16 characters,
            never reused within 600 s.
          </li>
          <li>
            Refusals: 401 <code>signature-missing</code>, <code>signature-invalid</code>, <code>unknown-key</code> (also
            revoked keys), <code>signature-expired</code>, <code>replayed</code>; 400 <code>digest-mismatch</code>; 403{" "}
            <code>forbidden</code>; 413 <code>too-large</code>; 422 <code>invalid-request</code>; 429{" "}
            <code>rate-limited</code>.
          </li>
        </ul>
        <h3 className="mt-4 font-semibold">curl and openssl</h3>
        <Code label="curl example">{curlExample(base)}</Code>
        <h3 className="mt-4 font-semibold">Node.js</h3>
        <Code label="Node.js example">{nodeExample(base)}</Code>
        <p className="mt-2">
          The reference client does all of this (snapshot, then the change feed, with every answer verified):{" "}
          <code>npm run sync-client -- --url {base} --keyid … --key key.pem --out ./stopsms --watch</code>.
        </p>

        <h2 className="mt-8 text-xl font-semibold">3. Endpoints</h2>
        {paths.map(([path, operations]) =>
          Object.entries(operations).map(([method, op]) => (
            <section key={`${method} ${path}`} className="mt-6 border-t border-slate-200 pt-4">
              <h3 className="font-mono font-semibold" dir="ltr">
                {method.toUpperCase()} /api/v1{path}
              </h3>
              <p className="mt-1">{op.summary}</p>
              {op.parameters?.some((p) => p.in === "query") && (
                <p className="mt-1 text-sm">
                  Query:{" "}
                  {op.parameters
                    .filter((p) => p.in === "query")
                    .map((p) => p.name)
                    .join(", ")}
                </p>
              )}
              {op.requestBody && (
                <Code label={`${op.operationId} request body schema`}>
                  {JSON.stringify(op.requestBody.content["application/json"]!.schema, null, 2)}
                </Code>
              )}
              {op.responses["200"]?.content && (
                <Code label={`${op.operationId} response schema`}>
                  {JSON.stringify(op.responses["200"].content["application/json"]!.schema, null, 2)}
                </Code>
              )}
            </section>
          )),
        )}
      </div>
    </PageShell>
  );
}
