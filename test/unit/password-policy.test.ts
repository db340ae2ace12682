import { passwordWeakness } from '../../src/accounts/password-policy';

describe('password policy', () => {
  it.each([
    ['Court-1', 'at least 10 characters'],
    ['x'.repeat(129), 'at most 128 characters'],
    ['aaaaaaaaaaaa', 'too few different characters'],
    ['abababababab', 'too few different characters'],
    ['abcdabcdabcd', 'a short pattern repeated'],
    ['1234567890', 'a sequence of characters'],
    ['9876543210', 'a sequence of characters'],
    ['azertyuiop', 'a sequence of characters'],
    ['abcdefghijk', 'a sequence of characters'],
    ['Motdepasse123', 'a commonly used password'],
    ['Password123!', 'a commonly used password'],
  ])('refuses %p (%s)', (password, reason) => {
    expect(passwordWeakness(password)).toBe(reason);
  });

  it('refuses a password built on the email address', () => {
    expect(passwordWeakness('camille.martin2026', 'Camille.Martin@example.com')).toBe('contains your email');
  });

  it.each(['Correct-horse-battery-9', 'le chat dort sur le radiateur', 'Ünïcödé-pässwörd', 'x7#Lq!92mZ'])('accepts %p', (password) => {
    expect(passwordWeakness(password, 'someone@example.com')).toBeNull();
  });
});
