import fs from 'node:fs';
import net from 'node:net';

/** The first port the kernel hands out as the source port of outgoing connections (Linux; 32768 elsewhere). */
function ephemeralLow(): number {
  try {
    return Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

/**
 * A loopback port nothing listens on (taken, then released), for a server a test starts later.
 * Chosen below the kernel's ephemeral range: a port from that range (`listen(0)`) could be
 * handed meanwhile to any outgoing connection as its source port, and the server's later
 * `listen` then failed with EADDRINUSE (seen once in CI, test/ops/readiness.test.ts).
 */
export async function closedPort(): Promise<number> {
  const high = ephemeralLow();
  const low = Math.max(1024, high - 12_000);
  for (;;) {
    const port = low + Math.floor(Math.random() * (high - low));
    const server = net.createServer();
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return port;
    }
  }
}

export type TcpRelay = { close(): Promise<void> };

/**
 * A TCP relay on `port` to a real server (Redis): the server "comes back" on that port when the
 * relay starts listening, and goes away again, connections cut, when it closes. Stopping the
 * shared Redis itself would disturb every other test on the machine.
 */
export async function relayTo(port: number, target: URL, defaultPort = 6379): Promise<TcpRelay> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || defaultPort), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    close: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
