import { Field, Int, ObjectType } from 'type-graphql';
import { RubricType } from './rubric.type';

@ObjectType('BreadcrumbItem', { description: 'One step of a breadcrumb, from the home page down.' })
export class BreadcrumbItemType {
  @Field({ description: 'Label, e.g. "Monde".' })
  name: string;

  @Field({ description: 'Public URL path, e.g. "/monde".' })
  path: string;

  @Field(() => RubricType, { nullable: true, description: 'The rubric of this step; null for the home page.' })
  rubric: unknown;
}

@ObjectType('ShareLinks', { description: 'Ready-made share URLs for a page.' })
export class ShareLinksType {
  @Field()
  facebook: string;

  @Field()
  x: string;

  @Field()
  linkedin: string;

  @Field()
  email: string;
}

@ObjectType('ReadingTime', { description: 'Estimated reading time of the body.' })
export class ReadingTimeType {
  @Field(() => Int)
  minutes: number;

  @Field({ description: 'Display label, e.g. "3 min".' })
  label: string;

  @Field(() => Int, { description: 'Words counted in the body.' })
  words: number;
}

@ObjectType('Seo', { description: 'Search-engine fields, with defaults filled from the article.' })
export class SeoType {
  @Field()
  metaTitle: string;

  @Field()
  metaDescription: string;

  @Field({ description: 'Absolute canonical URL.' })
  canonicalUrl: string;
}

@ObjectType('SocialLinks', { description: 'An author’s public profiles.' })
export class SocialLinksType {
  @Field(() => String, { nullable: true })
  x?: string;

  @Field(() => String, { nullable: true })
  facebook?: string;

  @Field(() => String, { nullable: true })
  linkedin?: string;

  @Field(() => String, { nullable: true })
  instagram?: string;

  @Field(() => String, { nullable: true })
  website?: string;
}
