import fs from 'node:fs';
import path from 'node:path';

/**
 * The V8 flags an npm script (`npm start` by default) runs the server with, read from
 * package.json, for whatever starts a server process of its own (benchmarks, tests), so that it
 * runs as the shipped one does. Today the one flag is the young generation's size: under ten concurrent article pages
 * the default 16 MB semi-space promoted 271 MB to the old generation in 6,000 pages (scavenge
 * pauses 770–920 ms); at 32 MB, 6.5 MB (190–250 ms). See the README's performance part.
 */
export function serverNodeFlags(script = 'start'): string[] {
  const file = path.resolve(__dirname, '../../package.json');
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts[script].split(/\s+/).filter((word) => word.startsWith('--max-'));
}
