/**
 * Peer tests run only where the toolchain is installed; CI installs it and
 * sets POKEBENCH_REQUIRE_PEERS=1 (`.ci/run`), which turns a missing toolchain
 * into a failing test instead of a silently skipped suite.
 */
import { describe, it } from 'vitest';

/** The variable that makes a missing peer toolchain fail. */
export const REQUIRE_PEERS = 'POKEBENCH_REQUIRE_PEERS';

/**
 * Whether the peer suite can run. When it cannot and the environment requires
 * peers, registers a failing test that names what is missing and the fix.
 *
 * @example describe.runIf(peerSuite(python.available, 'python3 with httpx', 'apt-get install python3-httpx'))('…', () => {…})
 */
export function peerSuite(available: boolean, what: string, fix: string): boolean {
  if (!available && process.env[REQUIRE_PEERS] === '1') {
    describe(`required peer: ${what}`, () => {
      it(`is installed (${REQUIRE_PEERS}=1)`, () => {
        throw new Error(`${what} was not found, and ${REQUIRE_PEERS}=1 requires the peer tests to run. ${fix}`);
      });
    });
  }
  return available;
}
