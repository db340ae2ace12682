/** The value after `--name` on the command line, if any. */
export function argValue(name: string, argv: string[] = process.argv): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

export function hasFlag(name: string, argv: string[] = process.argv): boolean {
  return argv.includes(name);
}
