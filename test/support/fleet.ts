import { startServiceProcess, type ServiceProcess } from './service-process';

export type FleetRole = 'gatewayA' | 'gatewayB' | 'editorial1' | 'editorial2' | 'accounts' | 'discussion' | 'audience';

export type Fleet = {
  /** The running process of each role (replaced by `restart`). */
  readonly processes: Record<FleetRole, ServiceProcess>;
  /** Starts the role again at its port with its environment, e.g. after a SIGKILL. */
  restart(role: FleetRole): Promise<ServiceProcess>;
  /** Stops every process (SIGTERM: each drains), gateways first. */
  stop(): Promise<void>;
};

/**
 * A fleet as separate processes on loopback, configured as the README's Deployment section
 * describes: two gateways (A calls editorial1, B calls editorial2), two editorial instances,
 * one instance of each other subgraph. `env` goes to every process (databases, broker, Redis,
 * log level…); `roleEnv` adds variables per role. Used by test/fleet and bench/fleet.bench.ts.
 */
export async function startFleet(options: {
  env: Record<string, string>;
  roleEnv?: Partial<Record<FleetRole, Record<string, string>>>;
  readyTimeoutMs?: number;
}): Promise<Fleet> {
  const envs = {} as Record<FleetRole, Record<string, string>>;
  const processes = {} as Record<FleetRole, ServiceProcess>;
  const started: ServiceProcess[] = [];
  const launch = async (role: FleetRole, extra: Record<string, string>, port?: number) => {
    envs[role] ??= { ...options.env, ...extra, ...options.roleEnv?.[role] };
    const gateway = role.startsWith('gateway');
    const name = gateway ? 'gateway' : role.replace(/\d$/, '');
    const p = await startServiceProcess({ name, kind: gateway ? 'gateway' : 'subgraph', env: envs[role], port, readyTimeoutMs: options.readyTimeoutMs ?? 60_000 });
    processes[role] = p;
    started.push(p);
    return p;
  };
  const stop = async () => {
    for (const p of [...started].reverse()) await p.kill('SIGTERM');
  };
  try {
    // Subgraph processes only open databases that already exist (migrated by the caller); the
    // ones nobody waits for start side by side.
    await Promise.all([launch('editorial1', {}), launch('editorial2', {}), launch('accounts', {})]);
    const editorial = { SUBGRAPH_EDITORIAL_URL: processes.editorial1.url };
    await Promise.all([launch('discussion', editorial), launch('audience', editorial)]);
    const routes = (editorialUrl: string) => ({
      SUBGRAPH_EDITORIAL_URL: editorialUrl,
      SUBGRAPH_ACCOUNTS_URL: processes.accounts.url,
      SUBGRAPH_DISCUSSION_URL: processes.discussion.url,
      SUBGRAPH_AUDIENCE_URL: processes.audience.url,
    });
    await Promise.all([launch('gatewayA', routes(processes.editorial1.url)), launch('gatewayB', routes(processes.editorial2.url))]);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    processes,
    restart: (role) => launch(role, {}, processes[role].port),
    stop,
  };
}
