import fs from 'node:fs';
import path from 'node:path';
import { checkSettings, SETTING_PATTERNS, SETTINGS } from '../../src/config/settings';
import { ConfigurationError } from '../../src/errors/configuration-error';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every variable name the product code reads from the environment, templates expanded. */
function namesReadByCode(): Set<string> {
  const names = new Set<string>();
  const subgraphs = ['EDITORIAL', 'ACCOUNTS', 'DISCUSSION', 'AUDIENCE'];
  for (const file of ['src', 'resolvers', 'entities'].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\benv\s*(?:\.\s*([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) names.add(m[1] ?? m[2]);
    // Variables read through a zod object schema over the environment.
    for (const m of text.matchAll(/^\s*([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{4,}): z\./gm)) names.add(m[1]);
    for (const m of text.matchAll(/\(\s*env\s*,\s*['"]([A-Z][A-Z0-9_]+)['"]/g)) names.add(m[1]);
    for (const m of text.matchAll(/\benv\s*\[\s*`([A-Z_]*)\$\{[^}]+\}([A-Z_]*)`\s*\]/g)) {
      for (const s of subgraphs) names.add(`${m[1]}${s}${m[2]}`);
    }
  }
  return names;
}

function namesInReadmeTable(): Set<string> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  return new Set([...section.matchAll(/^\| `([A-Z][A-Z0-9_<>]*)` \|/gm)].map((m) => m[1]));
}

describe('configuration reference', () => {
  it('lists every variable the code reads', () => {
    // Set by the test runner, not by an operator: tells the HTTP log to stay quiet under jest.
    const notSettings = new Set(['JEST_WORKER_ID']);
    const missing = [...namesReadByCode()].filter((name) => !notSettings.has(name) && !(name in SETTINGS) && !Object.values(SETTING_PATTERNS).some((p) => p.names.test(name)));
    expect(missing).toEqual([]);
  });

  it('documents every family of variables whose names the code builds', () => {
    const prefixes = new Set<string>();
    for (const file of ['src', 'resolvers', 'entities'].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]*)\$\{/g)) prefixes.add(m[1]);
    }
    const documented = [...Object.keys(SETTINGS), ...Object.keys(SETTING_PATTERNS)];
    expect([...prefixes].filter((prefix) => !documented.some((name) => name.startsWith(prefix) && name !== prefix))).toEqual([]);
    expect(() => checkSettings({ LIMIT_ANONYMOUS_COST: 'beaucoup' })).toThrow(/^Invalid configuration: LIMIT_ANONYMOUS_COST=/);
  });

  it('has a README table row for every variable, and no row for an unknown one', () => {
    const table = namesInReadmeTable();
    const declared = [...Object.keys(SETTINGS), ...Object.keys(SETTING_PATTERNS)];
    expect(declared.filter((name) => !table.has(name))).toEqual([]);
    expect([...table].filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('refuses a bad value with one line naming the variable', () => {
    expect(() => checkSettings({ PORT: 'quatre-mille' })).toThrow(ConfigurationError);
    expect(() => checkSettings({ PORT: 'quatre-mille' })).toThrow(/^Invalid configuration: PORT=/);
    expect(() => checkSettings({ SITE_URL: 'not a url' })).toThrow(/SITE_URL/);
    expect(() => checkSettings({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(() => checkSettings({ PORT: '4000', SITE_URL: 'https://www.exemple.fr', MAILER: 'none' })).not.toThrow();
  });
});
