import { createUnionType, Field, Int, ObjectType } from 'type-graphql';
import type { RouteTarget } from '../../src/editorial/route.service';
import { ArticleType } from './article.type';
import { AuthorType } from './author.type';
import { RubricType } from './rubric.type';
import { TagType } from './tag.type';

@ObjectType('Redirect', { description: 'The page moved: send the reader to `location`.' })
export class RedirectType {
  @Field({ description: 'New public path.' })
  location: string;

  @Field(() => Int, { description: 'HTTP status to answer with (301).' })
  statusCode: number;
}

@ObjectType('GoneRoute', { description: 'The page existed and was deleted (an article in the trash): answer 410 Gone, not 404.' })
export class GoneRouteType {
  @Field({ description: 'The path asked for.' })
  path: string;

  @Field(() => Int, { description: 'HTTP status to answer with (410).' })
  statusCode: number;
}

/** `route` answers with the node itself, a redirect, or "gone". */
export const RouteResultUnion = createUnionType({
  name: 'RouteResult',
  description: 'What a public URL path shows: an article, rubric, author or tag page, a redirect, or a deleted page.',
  types: () => [ArticleType, RubricType, AuthorType, TagType, RedirectType, GoneRouteType] as const,
  resolveType: (value) => {
    switch ((value as { __route?: RouteTarget['kind'] }).__route) {
      case 'article':
        return ArticleType;
      case 'rubric':
        return RubricType;
      case 'author':
        return AuthorType;
      case 'tag':
        return TagType;
      case 'gone':
        return GoneRouteType;
      default:
        return RedirectType;
    }
  },
});
