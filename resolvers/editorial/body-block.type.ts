import { createUnionType, Field, Int, ObjectType } from 'type-graphql';
import type { BodyBlock } from '../../src/editorial/body-blocks';

@ObjectType('ParagraphBlock', { description: 'A paragraph of plain text.' })
export class ParagraphBlockType {
  @Field()
  text: string;
}

@ObjectType('HeadingBlock', { description: 'An intertitle inside the body.' })
export class HeadingBlockType {
  @Field()
  text: string;

  @Field(() => Int, { description: '2 or 3.' })
  level: number;
}

@ObjectType('QuoteBlock', { description: 'A pull quote, with who said it.' })
export class QuoteBlockType {
  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  attribution: string | null;
}

@ObjectType('ImageBlock', { description: 'An image placed in the body.' })
export class ImageBlockType {
  mediaId: number;

  @Field(() => String, { nullable: true })
  caption: string | null;
}

@ObjectType('EmbedBlock', { description: 'Third-party content (video, post) shown by URL.' })
export class EmbedBlockType {
  @Field()
  provider: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  caption: string | null;
}

@ObjectType('ListBlock', { description: 'A bulleted or numbered list.' })
export class ListBlockType {
  @Field()
  ordered: boolean;

  @Field(() => [String])
  items: string[];
}

export const BodyBlockUnion = createUnionType({
  name: 'BodyBlock',
  description: 'One block of an article body.',
  types: () => [ParagraphBlockType, HeadingBlockType, QuoteBlockType, ImageBlockType, EmbedBlockType, ListBlockType] as const,
  resolveType: (value) => {
    const block = value as unknown as BodyBlock;
    switch (block.type) {
      case 'paragraph':
        return ParagraphBlockType;
      case 'heading':
        return HeadingBlockType;
      case 'quote':
        return QuoteBlockType;
      case 'image':
        return ImageBlockType;
      case 'embed':
        return EmbedBlockType;
      case 'list':
        return ListBlockType;
    }
  },
});
