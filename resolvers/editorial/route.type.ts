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

/** `route` answers with the node itself, or a redirect. */
export const RouteResultUnion = createUnionType({
  name: 'RouteResult',
  description: 'What a public URL path shows: an article, rubric, author or tag page, or a redirect.',
  types: () => [ArticleType, RubricType, AuthorType, TagType, RedirectType] as const,
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
      default:
        return RedirectType;
    }
  },
});
