import { BlockList, isIP } from "node:net";

// Which peers may tell us who the client is (X-Forwarded-For) and which host it asked for
// (X-Forwarded-Host/Proto): only the reverse proxies named in STOPSMS_TRUSTED_PROXIES. With none named, the
// client is the socket's peer and every forwarded header is dropped, so no client can pick its own address
// (and with it, its own rate-limit bucket).

export const CLIENT_IP_HEADER = "x-stopsms-client-ip";
const FORWARDED = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "forwarded",
  CLIENT_IP_HEADER,
];

/** Parses `10.0.0.1, 10.1.0.0/16, ::1` (addresses and CIDRs, IPv4 and IPv6); throws on a bad entry. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split("/") as [string, string | undefined];
    const family = isIP(address);
    if (family === 0) throw new Error(`STOPSMS_TRUSTED_PROXIES: ${entry} is not an address or CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128))
        throw new Error(`STOPSMS_TRUSTED_PROXIES: ${entry} has a bad prefix`);
      list.addSubnet(address, prefix, type);
    }
  }
  return list;
}

const normalise = (address: string) =>
  address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
// BlockList.check builds a SocketAddress on every call (1 % of the server's time under the landing bench):
// each list's answers are remembered per address, a few thousand at most (the proxies, the busiest clients).
const decided = new WeakMap<BlockList, Map<string, boolean>>();
const trusts = (list: BlockList, address: string) => {
  let known = decided.get(list);
  if (!known) decided.set(list, (known = new Map()));
  let trusted = known.get(address);
  if (trusted === undefined) {
    const family = isIP(address);
    trusted = family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    if (known.size >= 4096) known.clear();
    known.set(address, trusted);
  }
  return trusted;
};

/**
 * The client's address: walking X-Forwarded-For from the right, past every trusted proxy, the first
 * address not trusted; when the socket's peer is not a trusted proxy, the peer itself.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList,
): { client: string; fromTrustedProxy: boolean } {
  const peer = normalise(socketAddress ?? "unknown");
  if (!trusts(trusted, peer)) return { client: peer, fromTrustedProxy: false };
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => normalise(h.trim()))
    .filter((h) => isIP(h) !== 0);
  let client = peer;
  while (hops.length > 0 && trusts(trusted, client)) client = hops.pop()!;
  return { client, fromTrustedProxy: true };
}

/**
 * Rewrites a request's headers in place, before anything reads them (scripts/serve.ts): the decided client
 * address in CLIENT_IP_HEADER, and the forwarded headers kept only from a trusted proxy.
 */
export function applyClientAddress(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  trusted: BlockList,
): void {
  const forwardedFor = [headers["x-forwarded-for"]].flat().filter(Boolean).join(",");
  const { client, fromTrustedProxy } = resolveClientAddress(socketAddress, forwardedFor, trusted);
  if (!fromTrustedProxy) for (const name of FORWARDED) delete headers[name];
  else delete headers[CLIENT_IP_HEADER];
  headers[CLIENT_IP_HEADER] = client;
}
