import { getNamedType, getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

export type CostModel = {
  /** Size assumed for a list whose size no argument gives (a resolver's default page is 20). */
  defaultListSize: number;
  /** Arguments that say how many items a list field returns. */
  sizeArguments: readonly string[];
  /**
   * Sizes of argument-less lists that the data bounds far below the default, as
   * `Type.field` → items (e.g. the home page's rubric blocks follow the top-level rubrics).
   */
  fieldListSizes: Readonly<Record<string, number>>;
};

/**
 * Sizes the data keeps small, so the pages readers load are not priced as if every list held
 * `defaultListSize` items. Anything missing here costs the default.
 */
export const DEFAULT_FIELD_LIST_SIZES: Readonly<Record<string, number>> = {
  'HomePage.rubricBlocks': 12,
  'HomePage.selection': 6,
  'HeadlineBlock.secondary': 4,
  'RubricBlock.articles': 12,
  'Article.authors': 3,
  'Article.tags': 5,
  'Article.breadcrumb': 5,
  'Article.secondaryRubrics': 3,
  'Article.corrections': 3,
  'Rubric.breadcrumb': 5,
  'Rubric.ancestors': 5,
  'Media.renditions': 5,
  'Article.body': 40,
  'ListBlock.items': 10,
};

export const DEFAULT_COST_MODEL: CostModel = {
  defaultListSize: 20,
  sizeArguments: ['first', 'last', 'limit'],
  fieldListSizes: DEFAULT_FIELD_LIST_SIZES,
};

/** `edges`/`nodes` of a Relay connection: their size is the connection field's `first`. */
function isConnectionPage(parentName: string, fieldName: string): boolean {
  return parentName.endsWith('Connection') && (fieldName === 'edges' || fieldName === 'nodes');
}

/**
 * Every field costs 1 plus its selection times the number of items it returns: the `first` /
 * `limit` it is given (or the schema's default for it), a known bound, or the default list size.
 * Nested lists therefore multiply, which is what makes `children { parent { children … } } }`
 * and `first: 100` three levels deep expensive.
 */
export function listCostEstimator(model: CostModel): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection (development only: production turns it off) is the IDE's, not a page's.
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    const known = model.fieldListSizes[`${type.name}.${field.name}`];
    let size = 1;
    if (known !== undefined) {
      size = known;
    } else if (isConnectionPage(type.name, field.name)) {
      size = 1;
    } else {
      const returnsMany = isListType(getNullableType(field.type)) || getNamedType(field.type).name.endsWith('Connection');
      const sizeArg = returnsMany ? field.args.find((a) => model.sizeArguments.includes(a.name)) : undefined;
      if (sizeArg) {
        const given = args[sizeArg.name];
        size = typeof given === 'number' && given >= 0 ? given : model.defaultListSize;
      } else if (returnsMany) {
        size = model.defaultListSize;
      }
    }
    return 1 + size * childComplexity;
  };
}

/**
 * The cost of the operation to run, from the API schema. Throws the GraphQLError of a variable
 * that cannot be coerced (the request fails validation there anyway).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  estimator: ComplexityEstimator,
): number {
  return getComplexity({ schema, query: document, operationName, variables, estimators: [estimator] });
}

