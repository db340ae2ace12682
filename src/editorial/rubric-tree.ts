import type { Rubric } from '../../entities/editorial/rubric.entity';

/**
 * The whole rubric tree in memory. A newsroom has tens to a few hundred rubrics, so one
 * SELECT per request gives every breadcrumb, menu and descendant list without further SQL.
 */
export class RubricTree {
  private readonly byId = new Map<number, Rubric>();
  private readonly byPath = new Map<string, Rubric>();
  private readonly childrenOf = new Map<number | null, Rubric[]>();
  /**
   * Values others derive from this tree, by kind and rubric id (breadcrumbs), kept with it: a
   * WeakMap keyed by the tree would keep a request's tree and everything derived from it alive
   * through young-generation collections, which treat its entries as strong (object-slot.ts).
   */
  private readonly derived = new Map<symbol, Map<number, unknown>>();

  constructor(rubrics: Rubric[]) {
    for (const r of rubrics) {
      this.byId.set(r.id, r);
      this.byPath.set(r.path, r);
      const siblings = this.childrenOf.get(r.parentId) ?? [];
      siblings.push(r);
      this.childrenOf.set(r.parentId, siblings);
    }
    for (const list of this.childrenOf.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  }

  /** What `build` derives from rubric `id` of this tree, built once per tree and `kind`. */
  derive<T>(kind: symbol, id: number, build: () => T): T {
    let ofKind = this.derived.get(kind);
    if (!ofKind) this.derived.set(kind, (ofKind = new Map()));
    if (!ofKind.has(id)) ofKind.set(id, build());
    return ofKind.get(id) as T;
  }

  get(id: number): Rubric | undefined {
    return this.byId.get(id);
  }

  findByPath(path: string): Rubric | undefined {
    return this.byPath.get(path);
  }

  /** Top-level rubrics in menu order. */
  roots(includeArchived = false): Rubric[] {
    return this.children(null, includeArchived);
  }

  children(id: number | null, includeArchived = false): Rubric[] {
    const list = this.childrenOf.get(id) ?? [];
    return includeArchived ? list : list.filter((r) => !r.archivedAt);
  }

  /** From the root down to the rubric itself. */
  lineage(id: number): Rubric[] {
    const rubric = this.byId.get(id);
    if (!rubric) return [];
    return rubric.treePath
      .split('/')
      .filter(Boolean)
      .map((part) => this.byId.get(Number(part)))
      .filter((r): r is Rubric => Boolean(r));
  }

  ancestors(id: number): Rubric[] {
    return this.lineage(id).slice(0, -1);
  }

  /** The rubric and every rubric below it. */
  subtree(id: number): Rubric[] {
    const root = this.byId.get(id);
    if (!root) return [];
    return [...this.byId.values()].filter((r) => r.treePath.startsWith(root.treePath));
  }

  all(): Rubric[] {
    return [...this.byId.values()];
  }
}
