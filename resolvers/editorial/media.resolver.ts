import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Media } from '../../entities/editorial/media.entity';
import { mediaRendition, mediaRenditions, originalUrl } from '../../src/editorial/media-renditions';
import { FocalPointType, MediaType, RenditionName, RenditionType } from './media.type';

@Resolver(() => MediaType)
export class MediaResolver {
  @FieldResolver(() => String, { description: 'URL of the original file.' })
  url(@Root() media: Media): string {
    return originalUrl(media);
  }

  @FieldResolver(() => FocalPointType)
  focalPoint(@Root() media: Media): FocalPointType {
    return { x: media.focalX, y: media.focalY };
  }

  @FieldResolver(() => [RenditionType], { description: 'Every standard crop.' })
  renditions(@Root() media: Media): RenditionType[] {
    return mediaRenditions(media) as RenditionType[];
  }

  @FieldResolver(() => RenditionType, { description: 'One standard crop.' })
  rendition(@Root() media: Media, @Arg('name', () => RenditionName) name: RenditionName): RenditionType {
    return mediaRendition(media, name) as RenditionType;
  }
}
