import { isIPv4, isIPv6 } from "node:net";

/**
 * The client's network for a per-network budget: the /24 of an IPv4 address, the /56 of an IPv6 one (what
 * one subscriber or one small site usually holds). Anything else is its own network.
 */
export function networkOf(address: string): string {
  if (isIPv4(address)) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return networkOf(mapped[1]!);
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  const prefix = groups.slice(0, 4).map((g) => g.padStart(4, "0"));
  prefix[3] = `${prefix[3]!.slice(0, 2)}00`;
  return `${prefix.join(":")}::/56`;
}
