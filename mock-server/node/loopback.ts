import { isIP } from 'node:net';

/**
 * True for loopback addresses: 127.0.0.0/8, ::1, their IPv4-mapped forms, and
 * the name `localhost`.
 */
export function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  if (a === 'localhost' || a === '::1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return isIP(v4) === 4 && v4.startsWith('127.');
}
