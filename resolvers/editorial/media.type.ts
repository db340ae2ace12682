import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RenditionName {
  THUMBNAIL = 'thumbnail',
  CARD = 'card',
  HERO = 'hero',
  SQUARE = 'square',
  SOCIAL = 'social',
}
registerEnumType(RenditionName, { name: 'RenditionName', description: 'Standard crops served by the image CDN.' });

@ObjectType('FocalPoint', { description: 'Where crops keep the subject: fractions of width and height from the top left.' })
export class FocalPointType {
  @Field(() => Float)
  x: number;

  @Field(() => Float)
  y: number;
}

@ObjectType('Rendition', { description: 'A resized crop of an image, centred on its focal point.' })
export class RenditionType {
  @Field(() => RenditionName)
  name: RenditionName;

  @Field()
  url: string;

  @Field(() => Int)
  width: number;

  @Field(() => Int)
  height: number;
}

@ObjectType('Media', { description: 'An image of the media library.' })
@Directive('@key(fields: "id")')
export class MediaType {
  @Field(() => ID)
  id: number;

  @Field({ description: 'Alternative text for screen readers.' })
  altText: string;

  @Field(() => String, { nullable: true, description: 'Photographer or agency.' })
  credit: string | null;

  @Field(() => String, { nullable: true })
  caption: string | null;

  @Field(() => Int, { description: 'Width of the original in pixels.' })
  width: number;

  @Field(() => Int, { description: 'Height of the original in pixels.' })
  height: number;

  @Field({ description: 'MIME type of the original.' })
  mimeType: string;
}
