// Command-line options of `npm run bench`. Defaults are the figures the issue asks to be measured at.
import { parseArgs } from 'node:util';

const PHASES = ['checkout', 'tracking', 'lifecycle', 'service', 'idle', 'scale'] as const;
export type Phase = (typeof PHASES)[number];
/** What `npm run bench` runs without --phases; the scale phase takes minutes, so it runs only when asked. */
const DEFAULT_PHASES: Phase[] = ['checkout', 'tracking', 'lifecycle', 'service', 'idle'];

const TEMPORAL_TARGETS = ['dev-server', 'cluster'] as const;
/** The Temporal the load phases run on: the in-memory dev server, or the four-process cluster on PostgreSQL. */
export type TemporalTarget = (typeof TEMPORAL_TARGETS)[number];

export interface BenchOptions {
  orders: number;
  concurrency: number;
  phases: Phase[];
  /** Also run the same operations against bare Temporal, for the ours/bare ratios. */
  bare: boolean;
  /** Simulated buyers polling the tracking query. */
  trackers: number;
  /** How often each simulated buyer polls in real life, in seconds (the web app's default). */
  pollEverySeconds: number;
  /** How much faster than real life the tracking run polls. */
  speedup: number;
  /** How many polls each simulated buyer makes in the tracking run. */
  pollsPerTracker: number;
  /** Buyer accounts the orders are spread over. */
  buyerAccounts: number;
  /** Orders placed and moved (and polls made) before measuring, to warm the processes up. */
  warmupOrders: number;
  seed: number;
  /** Orders of the service-time phase, placed and moved by one caller at a time. */
  serviceOrders: number;
  /** Seconds the idle phase waits after `npm start` is ready before it reads memory. */
  idleSettleSeconds: number;
  /** Open orders the scale phase holds, in ascending order, e.g. [1000, 10000]. */
  openOrders: number[];
  /** The order worker's workflow cache (maxCachedWorkflows) when the scale phase runs. */
  workerCache: number;
  /** The Temporal server of the load phases; ours and bare both run on it. */
  temporal: TemporalTarget;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --orders N            orders to place and move to delivered (default 500)
  --concurrency C       concurrent callers for checkout and lifecycle (default 16)
  --phases LIST         comma-separated: ${PHASES.join(',')}
                        (default ${DEFAULT_PHASES.join(',')})
  --no-bare             skip the bare Temporal comparison
  --trackers B          simulated buyers polling the tracking query (default 1000)
  --poll-every S        seconds between one buyer's polls in real life (default 30)
  --speedup K           the tracking run polls K times faster than real life (default 3)
  --polls P             polls per simulated buyer in the tracking run (default 2)
  --buyer-accounts A    registered buyer accounts the orders are spread over (default 8)
  --warmup W            warm-up orders, excluded from the figures (default 32)
  --seed S              seed of the generated load (default 20261126)
  --service-orders N    orders placed and moved one call at a time in the service phase (default 50)
  --idle-settle S       seconds the idle phase waits after npm start is ready (default 20)
  --open-orders LIST    open orders the scale phase holds, e.g. 1000,10000 (default 1000,10000);
                        giving it adds the scale phase
  --worker-cache N      the worker's workflow cache while the scale phase runs (default 250)
  --temporal T          dev-server (default): the in-memory Temporal dev server;
                        cluster: frontend, history, matching and worker as four processes on the
                        PostgreSQL server of DATABASE_URL (temporal-cluster.yml, free ports), which
                        needs DATABASE_URL; the idle phase, which measures npm start, is left out

DATABASE_URL, when set, points the benchmark at that PostgreSQL database instead of the embedded one;
it must be empty or hold only an earlier benchmark's data. Its role must be allowed to create databases
for --temporal cluster, which keeps Temporal's data in <database>_temporal and <database>_visibility.
`;

function wholeNumber(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}, not "${text}"`);
  return value;
}

/** Parses the command line; `env` is read for DATABASE_URL, which --temporal cluster needs. */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      orders: { type: 'string' },
      concurrency: { type: 'string' },
      phases: { type: 'string' },
      'no-bare': { type: 'boolean', default: false },
      trackers: { type: 'string' },
      'poll-every': { type: 'string' },
      speedup: { type: 'string' },
      polls: { type: 'string' },
      'buyer-accounts': { type: 'string' },
      warmup: { type: 'string' },
      seed: { type: 'string' },
      'service-orders': { type: 'string' },
      'idle-settle': { type: 'string' },
      'open-orders': { type: 'string' },
      'worker-cache': { type: 'string' },
      temporal: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const temporal = (values.temporal ?? 'dev-server') as TemporalTarget;
  if (!TEMPORAL_TARGETS.includes(temporal)) throw new Error(`--temporal must be ${TEMPORAL_TARGETS.join(' or ')}, not "${temporal}"`);
  if (temporal === 'cluster' && !env.DATABASE_URL)
    throw new Error(
      '--temporal cluster needs DATABASE_URL: the cluster keeps its databases on that PostgreSQL server ' +
        '(DATABASE_URL=$(bash scripts/ci-postgres.sh bench) prints one whose role may create databases).',
    );
  // The idle phase measures `npm start`, which runs the dev server whatever --temporal says.
  const defaults = temporal === 'cluster' ? DEFAULT_PHASES.filter((phase) => phase !== 'idle') : DEFAULT_PHASES;
  const phases = (values.phases ?? [...defaults, ...(values['open-orders'] ? ['scale'] : [])].join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const phase of phases) {
    if (!PHASES.includes(phase as Phase)) throw new Error(`Unknown phase "${phase}"; choose from ${PHASES.join(', ')}`);
  }
  if (temporal === 'cluster' && phases.includes('idle'))
    throw new Error('The idle phase measures npm start, which runs the dev server; leave it out of --phases with --temporal cluster.');
  const options: BenchOptions = {
    orders: wholeNumber('orders', values.orders, 500),
    concurrency: wholeNumber('concurrency', values.concurrency, 16),
    phases: PHASES.filter((phase) => phases.includes(phase)),
    bare: !values['no-bare'],
    trackers: wholeNumber('trackers', values.trackers, 1000),
    pollEverySeconds: wholeNumber('poll-every', values['poll-every'], 30),
    speedup: wholeNumber('speedup', values.speedup, 3),
    pollsPerTracker: wholeNumber('polls', values.polls, 2),
    buyerAccounts: wholeNumber('buyer-accounts', values['buyer-accounts'], 8),
    warmupOrders: wholeNumber('warmup', values.warmup, 32, 0),
    seed: wholeNumber('seed', values.seed, 20261126, 0),
    serviceOrders: wholeNumber('service-orders', values['service-orders'], 50),
    idleSettleSeconds: wholeNumber('idle-settle', values['idle-settle'], 20, 0),
    openOrders: (values['open-orders'] ?? '1000,10000')
      .split(',')
      .map((text) => wholeNumber('open-orders', text.trim(), 0))
      .sort((a, b) => a - b),
    workerCache: wholeNumber('worker-cache', values['worker-cache'], 250, 2),
    temporal,
    help: values.help,
  };
  return options;
}
