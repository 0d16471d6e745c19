/**
 * Latency profiles: the JSON schema and its validation, loading shipped and
 * user profiles, distributions (quantile, CDF), the keyed counter-based
 * sampler the mock server draws delays from, and `profile show` rendering.
 */
export { ROUTE_NAMES, DISTRIBUTION_TYPES, FAULT_KINDS, profileSchema, distributionSchema, clampSchema } from './schema.ts';
export type {
  Fault,
  RateLimit,
  ConcurrencyCap,
  Bandwidth,
  Profile,
  RouteName,
  RouteOverride,
  Clamp,
  Distribution,
  FixedDistribution,
  UniformDistribution,
  NormalDistribution,
  LognormalDistribution,
  ExponentialDistribution,
  ParetoDistribution,
  MixtureDistribution,
  MixtureComponent,
  EmpiricalDistribution,
} from './schema.ts';
export { parseProfile, formatPath } from './parse-profile.ts';
export { loadProfile, listProfiles, isProfilePath, SHIPPED_PROFILES_DIR } from './load-profile.ts';
export { ProfileError, ProfileNotFoundError } from '../errors/index.ts';
export type { ValidationIssue as ProfileIssue } from '../errors/index.ts';
export { quantile, cdf, drawFrom } from './distribution.ts';
export { sampleDelay, createDelaySampler, resolveRoute, finishDelay, MAX_DELAY_MS } from './sampler.ts';
export type { DelaySampler, DrawName, RouteDelay } from './sampler.ts';
export { keyedUniforms, hashString, wordsToUniform } from './counter-rng.ts';
export type { UniformSource } from './counter-rng.ts';
export { philox4x32 } from './philox.ts';
export { normalCdf, normalQuantile } from './normal.ts';
export { renderProfile, describeDistribution, resolveRenderOptions } from './show.ts';
export type { RenderProfileOptions } from './show.ts';
export { pickFault } from './sampler.ts';
