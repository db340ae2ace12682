export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Passwords of 10+ characters that still top every leaked-password list, French ones included. */
const COMMON = new Set([
  'password', 'password1', 'password12', 'password123', 'passw0rd', 'motdepasse', 'motdepasse1', 'motdepasse123',
  'azertyuiop', 'qwertyuiop', 'azerty1234', 'qwerty1234', 'azerty123456', 'qwerty123456', 'iloveyou', 'jetaime',
  'bonjour', 'soleil', 'football', 'baseball', 'princess', 'sunshine', 'welcome', 'administrator', 'superman',
  'letmein', 'trustno1', 'dragon', 'monkey', 'master', 'liverpool', 'chocolate', 'newsroom', 'changeme',
]);

/** Runs people type without thinking: digits (wrapping 9 to 0), the alphabet, keyboard rows (AZERTY and QWERTY). */
const RUNS = ['01234567890123456789', 'abcdefghijklmnopqrstuvwxyz', 'azertyuiopqsdfghjklmwxcvbn', 'qwertyuiopasdfghjklzxcvbnm'];

function isSequence(s: string): boolean {
  const reversed = [...s].reverse().join('');
  return RUNS.some((run) => run.includes(s) || run.includes(reversed));
}

/**
 * Why a password is too weak, or null. Deliberately short: length does most of the work
 * (10 characters minimum); this only refuses what an attacker tries first.
 */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return 'too few different characters';
  if (/^(.{1,4})\1+.{0,3}$/.test(lower)) return 'a short pattern repeated';
  if (isSequence(lower)) return 'a sequence of characters';
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[\d!.?_-]+$/, ''))) return 'a commonly used password';
  if (email && lower.includes(email.toLowerCase().split('@')[0]) && email.split('@')[0].length >= 4) return 'contains your email';
  return null;
}
