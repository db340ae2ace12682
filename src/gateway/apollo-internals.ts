/**
 * A module as Apollo Gateway's own imports resolve it (its package exports every file), so that
 * a wrap replaces what the gateway calls, not a second copy. Throws when it is missing.
 */
export function gatewayModule<T>(specifier: string): T {
  return require(require.resolve(specifier, { paths: [require.resolve('@apollo/gateway')] })) as T;
}
