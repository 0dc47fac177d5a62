// How `npm start` and the benchmark run the API and the worker: built by scripts/build-services.ts and
// run by plain node (no tsx loader, no esbuild service, no webpack in the worker), with memory settings
// measured on the idle stack (docs/benchmark.md).
import { serviceEntryPoints, workflowBundlePath } from './paths';

export type Service = keyof typeof serviceEntryPoints;

/**
 * An old-space limit that makes V8 collect before it grows far, and one V8 background thread instead of
 * four (about 14 MiB less in the worker). The young generation keeps V8's default size: capping it at
 * 2 MB saved a few MiB idle, but the extra scavenges raised the CPU of a tracking poll from 23 to 34 ms
 * under the benchmark (docs/benchmark.md).
 */
const NODE_ARGS: Record<Service, string[]> = {
  api: ['--max-old-space-size=256', '--v8-pool-size=1'],
  worker: ['--max-old-space-size=512', '--v8-pool-size=1'],
};

/** Workflows the worker keeps cached: more than the benchmark's default of 582 orders. */
const WORKER_CACHE = '600';

/**
 * The node arguments and the environment (on top of `baseEnv`) to run `service` with. `script` replaces
 * the built entry point: the benchmark runs its bare worker with the order worker's settings.
 */
export function serviceCommand(
  service: Service,
  baseEnv: NodeJS.ProcessEnv,
  script: string[] = [serviceEntryPoints[service]],
): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: [...NODE_ARGS[service], ...script],
    env: {
      ...baseEnv,
      // glibc gives each thread that allocates its own malloc arena; the Temporal core's Rust threads
      // and Node's thread pool then hold memory in many of them. Two arenas: about 20 MiB less.
      MALLOC_ARENA_MAX: '2',
      ...(service === 'worker'
        ? { WORKFLOW_BUNDLE_PATH: workflowBundlePath, WORKER_MAX_CACHED_WORKFLOWS: baseEnv.WORKER_MAX_CACHED_WORKFLOWS ?? WORKER_CACHE }
        : {}),
    },
  };
}
