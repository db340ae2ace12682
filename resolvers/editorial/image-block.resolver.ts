import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Media } from '../../entities/editorial/media.entity';
import type { RequestContext } from '../../src/context/request-context';
import type { ImageBlock } from '../../src/editorial/body-blocks';
import { EditorialRuntime } from '../../src/editorial/editorial-runtime';
import { ImageBlockType } from './body-block.type';
import { MediaType } from './media.type';

@Resolver(() => ImageBlockType)
export class ImageBlockResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @FieldResolver(() => MediaType, { nullable: true, description: 'The image, with its renditions.' })
  image(@Root() block: ImageBlock, @Ctx() ctx: RequestContext): Promise<Media | null> {
    return this.rt.loaders(ctx).mediaById.load(block.mediaId);
  }
}
