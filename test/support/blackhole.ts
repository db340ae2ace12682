import { closedPort } from './tcp-relay';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type Blackhole = { url: string; port: number; connections: number; close(): Promise<void> };

/**
 * A server that accepts connections and reads requests but never answers: what a subgraph
 * stuck on a lock or a dead database looks like to its callers. `port` reuses a given port
 * (to stand in for a stopped subgraph at its own URL).
 */
export async function startBlackhole(port = 0): Promise<Blackhole> {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0 };
  const server = net.createServer((socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/graphql`,
    port: bound,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The URL of a loopback port nobody listens on (bound, then released): connections are refused. */
export async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await closedPort()}/graphql`;
}
