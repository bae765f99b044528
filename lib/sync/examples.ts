// The examples shown on /developers. An e2e test runs the curl recipe as printed, so it stays true.

export function curlExample(baseUrl: string): string {
  return `#!/usr/bin/env bash
# Sign and send GET /api/v1/suppressions/changes with curl and openssl (OpenSSL 3, Ed25519).
set -euo pipefail
BASE=${baseUrl.replace(/\/+$/, "")}
KEYID=acme-telecom-2026-01          # your key id, as registered with the CNDP
KEY=key.pem                         # your Ed25519 private key (PKCS#8 PEM), never sent anywhere
REQ_PATH=/api/v1/suppressions/changes
QUERY='?after=0&limit=1000'         # '?' alone when there is no query
CREATED=$(date +%s)
NONCE=$(openssl rand -base64 24 | tr '+/' '-_' | tr -d '=')
PARAMS="(\\"@method\\" \\"@path\\" \\"@query\\");created=$CREATED;keyid=\\"$KEYID\\";nonce=\\"$NONCE\\";alg=\\"ed25519\\""
# RFC 9421 signature base: one line per covered component, then @signature-params; no final newline.
printf '"@method": GET\\n"@path": %s\\n"@query": %s\\n"@signature-params": %s' "$REQ_PATH" "$QUERY" "$PARAMS" > base.txt
SIG=$(openssl pkeyutl -sign -inkey "$KEY" -rawin -in base.txt | base64 | tr -d '\\n')
curl -sS "$BASE$REQ_PATH$QUERY" -H "Signature-Input: sig1=$PARAMS" -H "Signature: sig1=:$SIG:"
# With a body (POST): add "content-digest" to the covered components and send
#   Content-Digest: sha-256=:$(openssl dgst -sha256 -binary body.json | base64):
`;
}

export function nodeExample(baseUrl: string): string {
  return `// Node.js 20+, no dependency: sign a request, then verify the platform's signed answer.
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify } from "node:crypto";
import { readFileSync } from "node:fs";

const BASE = "${baseUrl.replace(/\/+$/, "")}";
const KEYID = "acme-telecom-2026-01";
const key = createPrivateKey(readFileSync("key.pem"));

async function call(method, path, query = "", body) {
  const created = Math.floor(Date.now() / 1000);
  const nonce = randomBytes(18).toString("base64url");
  const headers = {};
  const components = ['"@method"', '"@path"', '"@query"'];
  const lines = [\`"@method": \${method}\`, \`"@path": \${path}\`, \`"@query": \${query || "?"}\`];
  if (body) {
    headers["content-type"] = "application/json";
    headers["content-digest"] = \`sha-256=:\${createHash("sha256").update(body).digest("base64")}:\`;
    components.push('"content-digest"');
    lines.push(\`"content-digest": \${headers["content-digest"]}\`);
  }
  const params = \`(\${components.join(" ")});created=\${created};keyid="\${KEYID}";nonce="\${nonce}";alg="ed25519"\`;
  lines.push(\`"@signature-params": \${params}\`);
  headers["signature-input"] = \`sig1=\${params}\`;
  headers["signature"] = \`sig1=:\${sign(null, Buffer.from(lines.join("\\n")), key).toString("base64")}:\`;
  const response = await fetch(BASE + path + query, { method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  await verifyAnswer(response, bytes); // keep the answer and its headers: they prove what you were given
  return JSON.parse(bytes.toString());
}

async function verifyAnswer(response, bytes) {
  const digest = \`sha-256=:\${createHash("sha256").update(bytes).digest("base64")}:\`;
  if (response.headers.get("content-digest") !== digest) throw new Error("body does not match Content-Digest");
  // Version 1.1 answers carry two signatures (stopsms, stopsms-req): take the member labelled stopsms.
  const member = (header) => header.split(/,\\s*(?=[a-z][a-z0-9_.*-]*=)/).find((m) => m.startsWith("stopsms=")).slice("stopsms=".length);
  const input = member(response.headers.get("signature-input"));
  const kid = /keyid="([^"]+)"/.exec(input)[1];
  const { keys } = await (await fetch(BASE + "/.well-known/stopsms-keys.json")).json();
  const jwk = keys.find((k) => k.kid === kid);
  const base = [\`"@status": \${response.status}\`, \`"content-type": \${response.headers.get("content-type")}\`,
    \`"content-digest": \${digest}\`, \`"@signature-params": \${input}\`].join("\\n");
  const signature = Buffer.from(member(response.headers.get("signature")).slice(1, -1), "base64");
  if (!verify(null, Buffer.from(base), createPublicKey({ key: jwk, format: "jwk" }), signature)) throw new Error("bad platform signature");
}

let after = 0;
for (;;) {
  const page = await call("GET", "/api/v1/suppressions/changes", \`?after=\${after}&limit=10000\`);
  for (const change of page.changes) console.log(change.op, change.phone, change.scope, change.sender ?? "*");
  after = page.next;          // store it durably before applying the next page
  if (!page.more) break;
}
`;
}

export function pythonExample(baseUrl: string): string {
  return `# Python 3.10+: pip install http-message-signatures requests cryptography
# (http-message-signatures implements RFC 9421; Ed25519 keys come from cryptography).
import base64, hashlib, json, secrets
import requests
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from http_message_signatures import HTTPMessageSigner, HTTPSignatureKeyResolver, algorithms

BASE = "${baseUrl.replace(/\/+$/, "")}"
KEYID = "acme-telecom-2026-01"

class Keys(HTTPSignatureKeyResolver):
    def resolve_private_key(self, key_id):
        with open("key.pem", "rb") as f:
            return load_pem_private_key(f.read(), password=None)

signer = HTTPMessageSigner(signature_algorithm=algorithms.ED25519, key_resolver=Keys())

def call(method, path, query="", body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = requests.Request(method, BASE + path + query, data=data).prepare()
    covered = ["@method", "@path", "@query"]
    if data is not None:
        request.headers["Content-Type"] = "application/json"
        request.headers["Content-Digest"] = "sha-256=:" + base64.b64encode(hashlib.sha256(data).digest()).decode() + ":"
        covered.append("content-digest")
    signer.sign(request, key_id=KEYID, label="sig1", nonce=secrets.token_urlsafe(18), include_alg=True,
                covered_component_ids=covered)
    response = requests.Session().send(request)
    response.raise_for_status()  # errors are application/problem+json, signed too
    return response.json()

page = call("GET", "/api/v1/suppressions/changes", "?after=0&limit=1000")
print(page["next"], len(page["changes"]))  # store next, call again with after=next
`;
}

export function phpExample(baseUrl: string): string {
  return `<?php
// PHP 8 with ext-sodium (bundled) and ext-curl: Ed25519 needs no library.
const BASE = '${baseUrl.replace(/\/+$/, "")}';
const KEYID = 'acme-telecom-2026-01';
// The 32-byte seed of your key: openssl pkey -in key.pem -outform DER | tail -c 32 > key.seed
$secret = sodium_crypto_sign_seed_keypair(file_get_contents('key.seed'));
$secretKey = sodium_crypto_sign_secretkey($secret);

function call(string $method, string $path, string $query = '', ?array $body = null) {
    global $secretKey;
    $lines = ["\\"@method\\": $method", "\\"@path\\": $path", "\\"@query\\": " . ($query ?: '?')];
    $components = '"@method" "@path" "@query"';
    $headers = [];
    $data = $body === null ? null : json_encode($body);
    if ($data !== null) {
        $digest = 'sha-256=:' . base64_encode(hash('sha256', $data, true)) . ':';
        $headers[] = 'Content-Type: application/json';
        $headers[] = "Content-Digest: $digest";
        $components .= ' "content-digest"';
        $lines[] = "\\"content-digest\\": $digest";
    }
    $params = "($components);created=" . time() . ';keyid="' . KEYID . '";nonce="'
        . rtrim(strtr(base64_encode(random_bytes(18)), '+/', '-_'), '=') . '";alg="ed25519"';
    $lines[] = "\\"@signature-params\\": $params";
    $signature = base64_encode(sodium_crypto_sign_detached(implode("\\n", $lines), $secretKey));
    $headers[] = "Signature-Input: sig1=$params";
    $headers[] = "Signature: sig1=:$signature:";
    $curl = curl_init(BASE . $path . $query);
    curl_setopt_array($curl, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_HTTPHEADER => $headers,
        CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => $data]);
    return json_decode(curl_exec($curl), true);
}

$page = call('GET', '/api/v1/suppressions/changes', '?after=0&limit=1000');
echo $page['next'], ' ', count($page['changes']), PHP_EOL; // store next, call again with after=next
`;
}
