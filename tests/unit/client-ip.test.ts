// The client address behind trusted proxies: X-Forwarded-For is read from the right, and only when the
// socket's peer is a trusted proxy.
import type { IncomingMessage } from 'node:http';
import { expect, test } from 'vitest';
import { clientIpResolver } from '../../api/client-ip';

const request = (peer: string | undefined, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as IncomingMessage;

test('without TRUSTED_PROXIES the socket peer is the client and X-Forwarded-For is ignored', () => {
  const clientIp = clientIpResolver(undefined);
  expect(clientIp(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  expect(clientIp(request('127.0.0.1', '198.51.100.1'))).toBe('127.0.0.1');
  expect(clientIp(request(undefined))).toBe('unknown');
});

test('IPv4-mapped IPv6 addresses read as IPv4, from the socket, the setting and the header', () => {
  expect(clientIpResolver(undefined)(request('::ffff:203.0.113.7'))).toBe('203.0.113.7');
  const clientIp = clientIpResolver('::ffff:127.0.0.1');
  expect(clientIp(request('127.0.0.1', '::FFFF:198.51.100.1'))).toBe('198.51.100.1');
  expect(clientIpResolver('127.0.0.1')(request('::ffff:127.0.0.1', '198.51.100.1'))).toBe('198.51.100.1');
});

test('behind a trusted proxy the right-most address that is not a trusted proxy is the client', () => {
  const clientIp = clientIpResolver('127.0.0.1, 10.0.0.5');
  // The client sent its own X-Forwarded-For ("1.2.3.4"); the proxies appended what they saw.
  expect(clientIp(request('127.0.0.1', '1.2.3.4, 203.0.113.7'))).toBe('203.0.113.7');
  expect(clientIp(request('127.0.0.1', '1.2.3.4, 203.0.113.7, 10.0.0.5'))).toBe('203.0.113.7');
  // Repeated headers, joined by Node or given as a list, read as one list.
  expect(clientIp(request('127.0.0.1', ['1.2.3.4', '203.0.113.7']))).toBe('203.0.113.7');
  // Every hop a trusted proxy: the first of them is as far as the chain goes.
  expect(clientIp(request('127.0.0.1', '10.0.0.5'))).toBe('10.0.0.5');
  // No header: the proxy itself made the request.
  expect(clientIp(request('127.0.0.1'))).toBe('127.0.0.1');
});

test('a peer that is not a trusted proxy cannot name another client', () => {
  const clientIp = clientIpResolver('127.0.0.1');
  expect(clientIp(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  expect(clientIp(request('127.0.0.2', '198.51.100.1'))).toBe('127.0.0.2');
});

test('an entry that is no address ends the chain at the last trusted proxy', () => {
  const clientIp = clientIpResolver('127.0.0.1, 10.0.0.5');
  for (const header of ['', 'unknown', '203.0.113.7:51234', '198.51.100.1, ', '1.2.3.4, <script>'])
    expect(clientIp(request('127.0.0.1', header)), header).toBe('127.0.0.1');
  expect(clientIp(request('127.0.0.1', '203.0.113.7, garbage, 10.0.0.5'))).toBe('10.0.0.5');
});

test('IPv6 proxies match however the address is spelled', () => {
  const clientIp = clientIpResolver('::1');
  expect(clientIp(request('0:0:0:0:0:0:0:1', '2001:DB8::7'))).toBe('2001:db8::7');
  expect(clientIp(request('::1', '198.51.100.1, 0::1'))).toBe('198.51.100.1');
});
