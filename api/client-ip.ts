// The address a request came from, for the login rate limit and the logs. Behind a proxy the socket's peer
// is the proxy, which names the client in X-Forwarded-For; any client can send that header too, so it is
// read only when the peer is one of TRUSTED_PROXIES, and then from the right: each trusted proxy appended
// the address it saw, and the first address from the right that is not a trusted proxy is the client.
// Entries left of it are whatever the client sent.
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Env } from '../lib/env';

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** One spelling per address: `::ffff:127.0.0.1` (an IPv4 peer of a dual-stack socket) is `127.0.0.1`. */
function normalizeAddress(address: string): string {
  const mapped = IPV4_MAPPED.exec(address);
  return mapped ? mapped[1]! : address.toLowerCase();
}

/** A function that gives a request's client address, trusting X-Forwarded-For from these proxies only. */
export function clientIpResolver(trustedProxies: Env['TRUSTED_PROXIES']): (req: IncomingMessage) => string {
  // BlockList compares addresses, not spellings (`::1` is `0:0:0:0:0:0:0:1`), and matches IPv4-mapped ones.
  const trusted = new BlockList();
  for (const entry of trustedProxies?.split(',') ?? []) {
    const address = normalizeAddress(entry.trim());
    trusted.addAddress(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
  const isTrusted = (address: string) => isIP(address) !== 0 && trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

  return (req) => {
    const peer = req.socket.remoteAddress;
    if (!peer) return 'unknown';
    let client = normalizeAddress(peer);
    if (!isTrusted(client)) return client;
    // Node joins repeated X-Forwarded-For headers with ", ", in order; its types allow a list as well.
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((hop) => normalizeAddress(hop.trim()));
    for (let i = hops.length - 1; i >= 0 && isTrusted(client); i--) {
      // Not an address (empty, "unknown", with a port): the chain can't be followed further, so the last
      // trusted proxy stands for the client.
      if (isIP(hops[i]!) === 0) break;
      client = hops[i]!;
    }
    return client;
  };
}
