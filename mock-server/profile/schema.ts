/**
 * What a latency profile JSON may say, as zod 4 schemas and the matching
 * types. Every object is strict, so a typo (`"sigmaa"`) is an error rather
 * than a silently ignored key. Every number is in milliseconds unless named
 * otherwise. Rules carry their own messages (`must be > 0`), which
 * `parseProfile` prints one per line beside the field's path.
 */
import { z } from 'zod';

/** The routes a profile can override; they are the routes the mock delays. */
export const ROUTE_NAMES = ['pokemon', 'pokemon-list'] as const;

/** `pokemon` is `/api/v2/pokemon/{id|name}`, `pokemon-list` is `/api/v2/pokemon?limit=&offset=`. */
export type RouteName = (typeof ROUTE_NAMES)[number];

/** Every distribution `type`, in documentation order. */
export const DISTRIBUTION_TYPES = [
  'fixed',
  'uniform',
  'normal',
  'lognormal',
  'exponential',
  'pareto',
  'mixture',
  'empirical',
] as const;

/** Always `ms`. */
export interface FixedDistribution {
  type: 'fixed';
  ms: number;
}

/** Uniform on `[min, max]`. */
export interface UniformDistribution {
  type: 'uniform';
  min: number;
  max: number;
}

/**
 * Normal with `mean` and `sd`, truncated at 0 by inverse CDF (the mass below
 * 0 is removed and the rest rescaled, so there is no spike at 0 and no
 * resampling loop).
 */
export interface NormalDistribution {
  type: 'normal';
  mean: number;
  sd: number;
}

/** Lognormal: `median · exp(sigma · Z)`. `sigma` is dimensionless (the sd of the log). */
export interface LognormalDistribution {
  type: 'lognormal';
  median: number;
  sigma: number;
}

/** `shift` plus an exponential with the given `mean`. */
export interface ExponentialDistribution {
  type: 'exponential';
  mean: number;
  /** Added to every draw. @defaultValue `0` */
  shift?: number | undefined;
}

/**
 * `shift` plus a Pareto (type I) with minimum `scale` (xm) and tail index
 * `alpha`: P(X > x) = (scale / x)^alpha for x ≥ scale. So the smallest draw
 * is `shift + scale`; `alpha ≤ 1` has no finite mean (set a clamp).
 */
export interface ParetoDistribution {
  type: 'pareto';
  scale: number;
  alpha: number;
  /** Added to every draw. @defaultValue `0` */
  shift?: number | undefined;
}

/** One component of a mixture; weights need not sum to 1 (they are normalised). */
export interface MixtureComponent {
  weight: number;
  dist: Distribution;
}

/** Picks a component with probability proportional to its weight, then draws from it. */
export interface MixtureDistribution {
  type: 'mixture';
  components: MixtureComponent[];
}

/**
 * Measured latencies. Exactly one of:
 * - `samples`: each draw is one of the samples, equally likely (a bootstrap:
 *   nothing is invented between measured values);
 * - `percentiles`: `{ "0": 20, "50": 90, "99": 800, "100": 2000 }`, a
 *   piecewise-linear quantile function through the points. `"0"` and `"100"`
 *   are required (it interpolates, never extrapolates); values must not
 *   decrease (equal values make an atom, e.g. cache hits at 1 ms).
 */
export interface EmpiricalDistribution {
  type: 'empirical';
  samples?: number[] | undefined;
  percentiles?: Record<string, number> | undefined;
}

/** A delay distribution, in ms, discriminated on `type`. */
export type Distribution =
  | FixedDistribution
  | UniformDistribution
  | NormalDistribution
  | LognormalDistribution
  | ExponentialDistribution
  | ParetoDistribution
  | MixtureDistribution
  | EmpiricalDistribution;

/** Bounds applied to every sampled delay (after rounding). */
export interface Clamp {
  min?: number | undefined;
  max?: number | undefined;
}

/**
 * A route's own delay and clamp. Each field, when present, replaces the
 * profile's: a route `clamp` replaces the whole global clamp (no field-wise
 * merge), a route without `clamp` uses the global one.
 */
export interface RouteOverride {
  delay?: Distribution | undefined;
  clamp?: Clamp | undefined;
}

/** The faults the server can inject, by what the client sees. */
export const FAULT_KINDS = ['http-error', 'rate-limited', 'malformed-json', 'reset', 'empty', 'hang'] as const;

/**
 * A fault injected with `probability` per request (on `routes`, or all API
 * routes), drawn from the same keyed seed as the delays, so a run replays.
 * The profile's delay is applied first, then the fault:
 * - `http-error`: a 5xx (`status`, default 503) with a plain-text body;
 * - `rate-limited`: 429 with `Retry-After: retryAfterSeconds` (default 1);
 * - `malformed-json`: status 200, body cut in half (a parse error, as the blog's `JSONDecodeError`);
 * - `reset`: headers and half the body, then the connection is destroyed;
 * - `empty`: the connection is closed before any byte of a response;
 * - `hang`: no response at all, until the client gives up.
 */
export interface Fault {
  kind: (typeof FAULT_KINDS)[number];
  probability: number;
  status?: number | undefined;
  retryAfterSeconds?: number | undefined;
  routes?: RouteName[] | undefined;
}

/**
 * A token bucket in front of the API routes: `burst` tokens, refilled at
 * `requestsPerSecond`; a request that finds the bucket empty is answered at
 * once with 429 and a `Retry-After` saying when the next token comes (no delay
 * drawn: a rate limiter rejects before the backend does any work).
 */
export interface RateLimit {
  requestsPerSecond: number;
  /** Bucket size: requests allowed back to back. @defaultValue `max(1, ceil(requestsPerSecond))` */
  burst?: number | undefined;
}

/**
 * A backend with `max` workers: at most `max` API requests are served (their
 * delay, then their body) at once; the rest wait in a FIFO queue, as they do
 * in front of a thread pool. With `queueLimit`, a request that finds the queue
 * full is answered at once with 503 and `Retry-After: 1`. A cap of c makes any
 * strategy at most `partial(1/c)`: the model schedules on min(k, c) slots.
 */
export interface ConcurrencyCap {
  max: number;
  /** Requests allowed to wait. @defaultValue unlimited */
  queueLimit?: number | undefined;
}

/**
 * A per-response bandwidth: after the profile's delay, the body is streamed
 * at `bytesPerSecond`, so a 250 KB body takes visibly longer than a 5 KB one.
 * Unlike Toxiproxy, which delays every chunk, the delay is applied once per
 * response, then the bytes flow at this rate.
 */
export interface Bandwidth {
  bytesPerSecond: number;
}

/** A parsed, valid latency profile. Treat as immutable: samplers cache derived tables per object. */
export interface Profile {
  name?: string | undefined;
  description?: string | undefined;
  /** Any safe integer. @defaultValue `1` */
  seed: number;
  delay: Distribution;
  clamp?: Clamp | undefined;
  routes?: Partial<Record<RouteName, RouteOverride>> | undefined;
  /** Faults to inject; their probabilities add up to at most 1 on every route. */
  faults?: Fault[] | undefined;
  /** A token-bucket rate limit on the API routes. */
  rateLimit?: RateLimit | undefined;
  /** A server concurrency cap (c workers and a queue). */
  concurrency?: ConcurrencyCap | undefined;
  /** A per-response bandwidth throttle. */
  bandwidth?: Bandwidth | undefined;
}

const GE0 = 'must be >= 0';
const GT0 = 'must be > 0';

/** A strict object whose unknown-key error lists the known keys. */
function strict<S extends z.ZodRawShape>(shape: S, unknown = `unknown field; known fields: ${Object.keys(shape).join(', ')}`) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknown : undefined),
  });
}

const nonNegative = () => z.number().min(0, GE0);
const positive = () => z.number().gt(0, GT0);

const fixedSchema = strict({ type: z.literal('fixed'), ms: nonNegative() });

const uniformSchema = strict({ type: z.literal('uniform'), min: nonNegative(), max: nonNegative() }).check((ctx) => {
  const { min, max } = ctx.value;
  if (min > max) ctx.issues.push({ code: 'custom', message: `must be <= max (${max})`, path: ['min'], input: min });
});

const normalSchema = strict({ type: z.literal('normal'), mean: nonNegative(), sd: positive() });

const lognormalSchema = strict({ type: z.literal('lognormal'), median: positive(), sigma: positive() });

const exponentialSchema = strict({ type: z.literal('exponential'), mean: positive(), shift: nonNegative().optional() });

const paretoSchema = strict({
  type: z.literal('pareto'),
  scale: positive(),
  alpha: positive(),
  shift: nonNegative().optional(),
});

const componentSchema = strict({
  weight: positive(),
  get dist(): z.ZodType<Distribution> {
    return distributionSchema;
  },
});

const mixtureSchema = strict({
  type: z.literal('mixture'),
  components: z.array(componentSchema).min(1, 'must have at least 1 component'),
});

const PERCENTILE_KEY = /^(?:\d{1,3})(?:\.\d+)?$/;

const empiricalSchema = strict({
  type: z.literal('empirical'),
  samples: z.array(nonNegative()).min(1, 'must have at least 1 sample').optional(),
  percentiles: z.record(z.string(), nonNegative()).optional(),
}).check((ctx) => {
  const { samples, percentiles } = ctx.value;
  if ((samples === undefined) === (percentiles === undefined)) {
    const message = 'must have exactly one of "samples" or "percentiles"';
    ctx.issues.push({ code: 'custom', message, path: [], input: ctx.value });
  }
  if (percentiles !== undefined) checkPercentiles(percentiles, ctx.issues);
});

function checkPercentiles(percentiles: Record<string, number>, issues: z.core.$ZodRawIssue[]): void {
  const points: { key: string; p: number; value: number }[] = [];
  for (const [key, value] of Object.entries(percentiles)) {
    const p = Number(key);
    if (!PERCENTILE_KEY.test(key) || p > 100) {
      const message = 'must be a percentile from "0" to "100" (e.g. "50", "99.9")';
      issues.push({ code: 'custom', message, path: ['percentiles', key], input: key });
      continue;
    }
    const twin = points.find((point) => point.p === p);
    if (twin) {
      const message = `duplicates percentile "${twin.key}"`;
      issues.push({ code: 'custom', message, path: ['percentiles', key], input: key });
      continue;
    }
    points.push({ key, p, value });
  }
  const missing = [0, 100].filter((end) => !points.some((point) => point.p === end));
  if (missing.length > 0) {
    const names = missing.map((end) => `"${end}"`).join(' and ');
    const message = `must include ${names} (the quantile function is interpolated between the given points, never extrapolated)`;
    issues.push({ code: 'custom', message, path: ['percentiles'], input: percentiles });
  }
  points.sort((a, b) => a.p - b.p);
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1];
    const point = points[i];
    if (prev && point && point.value < prev.value) {
      const message = `must be >= the value at percentile "${prev.key}" (${prev.value}): percentiles must not decrease`;
      issues.push({ code: 'custom', message, path: ['percentiles', point.key], input: point.value });
    }
  }
}

/** Any {@link Distribution}; rejects unknown `type`s by listing the known ones. */
export const distributionSchema: z.ZodType<Distribution> = z.discriminatedUnion(
  'type',
  [fixedSchema, uniformSchema, normalSchema, lognormalSchema, exponentialSchema, paretoSchema, mixtureSchema, empiricalSchema],
  { error: unknownType },
);

function unknownType(issue: z.core.$ZodRawIssue): string | undefined {
  // Not an object at all: let the generic `must be an object` rule speak.
  if (issue.code !== 'invalid_union') return undefined;
  const input: unknown = issue.input;
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  const known = DISTRIBUTION_TYPES.join(', ');
  return type === undefined ? `is required (one of: ${known})` : `must be one of: ${known}; got ${JSON.stringify(type)}`;
}

/** A {@link Clamp}. */
export const clampSchema = strict({ min: nonNegative().optional(), max: nonNegative().optional() }).check((ctx) => {
  const { min, max } = ctx.value;
  if (min !== undefined && max !== undefined && min > max) {
    ctx.issues.push({ code: 'custom', message: `must be <= max (${max})`, path: ['min'], input: min });
  }
});

const routeOverrideSchema = strict({ delay: distributionSchema.optional(), clamp: clampSchema.optional() });

const routesSchema = strict(
  Object.fromEntries(ROUTE_NAMES.map((route) => [route, routeOverrideSchema.optional()])) as Record<
    RouteName,
    z.ZodOptional<typeof routeOverrideSchema>
  >,
  `unknown route; known routes: ${ROUTE_NAMES.join(', ')}`,
);

const faultSchema = strict({
  kind: z.enum(FAULT_KINDS, { error: `must be one of ${FAULT_KINDS.join(', ')}` }),
  probability: z.number().min(0, GE0).max(1, 'must be <= 1'),
  status: z.int().min(500, 'must be a 5xx status (500..599)').max(599, 'must be a 5xx status (500..599)').optional(),
  retryAfterSeconds: z.int().min(0, GE0).optional(),
  routes: z.array(z.enum(ROUTE_NAMES, { error: `unknown route; known routes: ${ROUTE_NAMES.join(', ')}` })).min(1).optional(),
}).check((ctx) => {
  const { kind, status, retryAfterSeconds } = ctx.value;
  if (status !== undefined && kind !== 'http-error') {
    ctx.issues.push({ code: 'custom', message: 'only an http-error fault takes a status', path: ['status'], input: status });
  }
  if (retryAfterSeconds !== undefined && kind !== 'rate-limited') {
    ctx.issues.push({ code: 'custom', message: 'only a rate-limited fault takes retryAfterSeconds', path: ['retryAfterSeconds'], input: retryAfterSeconds });
  }
});

const faultsSchema = z.array(faultSchema).check((ctx) => {
  for (const route of ROUTE_NAMES) {
    const total = ctx.value.filter((f) => !f.routes || f.routes.includes(route)).reduce((a, f) => a + f.probability, 0);
    if (total > 1 + 1e-9) {
      ctx.issues.push({ code: 'custom', message: `probabilities on route ${route} add up to ${total}, must be <= 1`, path: [], input: ctx.value });
    }
  }
});

const rateLimitSchema = strict({
  requestsPerSecond: positive(),
  burst: z.int('must be an integer').min(1, 'must be >= 1').optional(),
});

const concurrencySchema = strict({
  max: z.int('must be an integer').min(1, 'must be >= 1'),
  queueLimit: z.int('must be an integer').min(0, GE0).optional(),
});

const bandwidthSchema = strict({ bytesPerSecond: z.number().min(1, 'must be >= 1 (bytes per second)') });

/** A whole {@link Profile}; `seed` defaults to 1. */
export const profileSchema = strict({
  name: z.string().optional(),
  description: z.string().optional(),
  seed: z.int().default(1),
  delay: distributionSchema,
  clamp: clampSchema.optional(),
  routes: routesSchema.optional(),
  faults: faultsSchema.optional(),
  rateLimit: rateLimitSchema.optional(),
  concurrency: concurrencySchema.optional(),
  bandwidth: bandwidthSchema.optional(),
});
