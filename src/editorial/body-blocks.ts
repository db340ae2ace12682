/**
 * An article body is an ordered list of typed blocks, stored as JSON on the article row.
 * The shape here is the storage contract: GraphQL types mirror it, and the search
 * index and reading time are derived from it.
 */
export type ParagraphBlock = { type: 'paragraph'; text: string };
export type HeadingBlock = { type: 'heading'; text: string; level: 2 | 3 };
export type QuoteBlock = { type: 'quote'; text: string; attribution?: string | null };
export type ImageBlock = { type: 'image'; mediaId: number; caption?: string | null };
export type EmbedBlock = { type: 'embed'; provider: string; url: string; caption?: string | null };
export type ListBlock = { type: 'list'; ordered: boolean; items: string[] };

export type BodyBlock = ParagraphBlock | HeadingBlock | QuoteBlock | ImageBlock | EmbedBlock | ListBlock;

export const BODY_BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'image', 'embed', 'list'] as const;

/** The readable text of a body, block by block, for search and word counts. */
export function bodyText(blocks: BodyBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        parts.push(block.text);
        break;
      case 'quote':
        parts.push(block.text);
        if (block.attribution) parts.push(block.attribution);
        break;
      case 'list':
        parts.push(...block.items);
        break;
      case 'image':
      case 'embed':
        if (block.caption) parts.push(block.caption);
        break;
    }
  }
  return parts.join('\n');
}
