/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) by self time: the top functions and
 * the top packages/files, as percentages of the samples. Used to decide what to optimise.
 *   node -r @swc-node/register bench/cpu-profile-summary.ts <file.cpuprofile> [--top 40]
 */
import fs from 'node:fs';
import { argValue } from '../src/cli/args';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The package a script belongs to (`node_modules/<pkg>`), else its path inside the repository. */
function owner(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (!url) return '(native)';
  if (url.startsWith('node:')) return url;
  const src = url.search(/\/(src|bench|resolvers|entities)\//);
  return src >= 0 ? url.slice(src + 1) : url;
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)} %  ${key}`);
}

function main(): void {
  const file = process.argv[2];
  const count = Number(argValue('--top') ?? 40);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const fn = `${functionName || '(anonymous)'}  ${owner(url)}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + 1);
    byOwner.set(owner(url), (byOwner.get(owner(url)) ?? 0) + 1);
  }
  const total = profile.samples.length;
  console.log(`${total} samples\n\nby package or file:`);
  console.log(top(byOwner, total, count).join('\n'));
  console.log('\nby function:');
  console.log(top(byFunction, total, count).join('\n'));
}

main();
