import type { BodyBlock } from '../body-blocks';
import { BODY_BLOCK_TYPES } from '../body-blocks';
import type { FieldErrors } from './field-errors';

/** A body block as the admin sends it: one flat shape, checked against its `type`. */
export type BodyBlockInputShape = {
  type: string;
  text?: string | null;
  level?: number | null;
  attribution?: string | null;
  mediaId?: string | number | null;
  caption?: string | null;
  provider?: string | null;
  url?: string | null;
  ordered?: boolean | null;
  items?: string[] | null;
};

export const MAX_BLOCKS = 500;
const MAX_TEXT = 20_000;

/**
 * Turns admin input into stored blocks, reporting each bad block as `body[i]` (unknown type,
 * missing text, heading level, non-http embed URL). Returns the media ids it references so
 * the caller can check they exist.
 */
export function toBodyBlocks(input: BodyBlockInputShape[], errors: FieldErrors): { blocks: BodyBlock[]; mediaIds: number[] } {
  const blocks: BodyBlock[] = [];
  const mediaIds: number[] = [];
  if (input.length > MAX_BLOCKS) errors.add('body', `at most ${MAX_BLOCKS} blocks`);
  input.slice(0, MAX_BLOCKS).forEach((b, i) => {
    const field = `body[${i}]`;
    const text = (b.text ?? '').trim();
    const needText = () => {
      if (!text) errors.add(field, 'text is required');
      else if (text.length > MAX_TEXT) errors.add(field, `text is longer than ${MAX_TEXT} characters`);
    };
    switch (b.type) {
      case 'paragraph':
        needText();
        blocks.push({ type: 'paragraph', text });
        break;
      case 'heading':
        needText();
        if (b.level !== 2 && b.level !== 3) errors.add(field, 'level must be 2 or 3');
        blocks.push({ type: 'heading', text, level: b.level === 3 ? 3 : 2 });
        break;
      case 'quote':
        needText();
        blocks.push({ type: 'quote', text, attribution: b.attribution?.trim() || null });
        break;
      case 'image': {
        const id = Number(b.mediaId);
        if (!Number.isSafeInteger(id) || id <= 0) errors.add(field, 'mediaId is required');
        else mediaIds.push(id);
        blocks.push({ type: 'image', mediaId: id, caption: b.caption?.trim() || null });
        break;
      }
      case 'embed':
        if (!b.url || !/^https:\/\/[^\s]+$/.test(b.url) || b.url.length > 2000) errors.add(field, 'url must be an https URL');
        if (!b.provider?.trim()) errors.add(field, 'provider is required');
        blocks.push({ type: 'embed', provider: b.provider?.trim() ?? '', url: b.url ?? '', caption: b.caption?.trim() || null });
        break;
      case 'list': {
        const items = (b.items ?? []).map((x) => x.trim()).filter(Boolean);
        if (!items.length) errors.add(field, 'items are required');
        if (items.some((x) => x.length > MAX_TEXT)) errors.add(field, 'an item is too long');
        blocks.push({ type: 'list', ordered: Boolean(b.ordered), items });
        break;
      }
      default:
        errors.add(field, `unknown block type "${String(b.type).slice(0, 40)}" (expected one of ${BODY_BLOCK_TYPES.join(', ')})`);
    }
  });
  return { blocks, mediaIds };
}
