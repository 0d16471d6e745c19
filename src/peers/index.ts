/**
 * External peer clients: programs in any language that speak the
 * `pokebench-peer/1` protocol (peers/README.md). The kit ships the blog's
 * Python (httpx) and Go (net/http) clients and runs any program a user brings.
 */
export { PEER_PROTOCOL, peerReportSchema, peerModelSchema, parsePeerLine, parsePeerOutput } from './protocol.ts';
export type { PeerReport, PeerModel, PeerParse } from './protocol.ts';
export { findPython, findGo, INSTALL_COMMANDS } from './toolchains.ts';
export type { ToolchainCheck, ToolchainName, FindToolchainOptions } from './toolchains.ts';
export { buildGoPeer, GO_PEER_DIR } from './go-build.ts';
export type { GoBuild, GoBuildOptions } from './go-build.ts';
export {
  SHIPPED_PEERS,
  SHIPPED_PEER_NAMES,
  PYTHON_PEER_DIR,
  findShippedPeer,
  customPeer,
  resolvePeerCommand,
  declaredModelLabel,
} from './registry.ts';
export type { DeclaredModel, ShippedPeer, ShippedPeerName, CustomPeer, PeerSpec, PeerCommand } from './registry.ts';
export { parseCommandLine } from './command-line.ts';
export { runPeer, resolveRunPeerOptions, PROTOCOL_ENV } from './run-peer.ts';
export type { RunPeerOptions, ResolvedRunPeerOptions, PeerRun, PeerFailureReason } from './run-peer.ts';
