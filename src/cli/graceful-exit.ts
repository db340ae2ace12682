/**
 * How every long-running command ends on SIGTERM or SIGINT: `steps` run one after the other
 * (stop taking requests and let those in flight finish, flush buffers and spans, close
 * connections), then the process exits 0. Each signal is handled once.
 */
export function exitAfterDrain(steps: Array<() => unknown>): void {
  const drain = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    for (const step of steps) await step();
    process.exit(0);
  };
  process.once('SIGTERM', () => void drain('SIGTERM'));
  process.once('SIGINT', () => void drain('SIGINT'));
}
