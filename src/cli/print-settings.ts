/** `npm run settings`: the configuration table of the README, printed from src/config/settings.ts. */
import { SETTING_PATTERNS, SETTINGS } from '../config/settings';

const cell = (text: string) => text.replace(/\|/g, '\\|');
console.log('| variable | default | read by | what it does |\n|---|---|---|---|');
for (const [name, setting] of [...Object.entries(SETTINGS), ...Object.entries(SETTING_PATTERNS)]) {
  const fallback = 'default' in setting && setting.default ? cell(setting.default) : '—';
  console.log(`| \`${name}\` | ${fallback} | ${setting.readBy} | ${cell(setting.doc)} |`);
}
