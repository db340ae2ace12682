import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A section of the site. The tree is a materialised path of ids (`treePath` = "/1/7/12/"):
 * ancestors are the ids in the path (one `IN` query), descendants are a prefix range on an
 * indexed column, and moving a subtree is one UPDATE that rewrites the prefix. A closure table
 * would need O(depth) rows per node and a multi-row rewrite on every move for no faster reads.
 */
@Entity({ name: 'rubric' })
@Index('uq_rubric_path', ['path'], { unique: true })
@Index('ix_rubric_tree_path', ['treePath'])
@Index('ix_rubric_parent_position', ['parentId', 'position'])
export class Rubric {
  @PrimaryGeneratedColumn()
  id: number;

  /** The URL segment, unique among siblings (two rubrics may both be "culture"). */
  @Column({ type: 'varchar', length: 120 })
  slug: string;

  /** The full URL path of slugs from the root, e.g. "monde/ameriques/amerique-du-nord/etats-unis". */
  @Column({ type: 'varchar', length: 500 })
  path: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  /** "/<root id>/…/<own id>/": the ids of every ancestor and then itself. */
  @Column({ type: 'varchar', length: 255 })
  treePath: string;

  @Column({ type: 'int', default: 0 })
  depth: number;

  /** Order among siblings (menus). */
  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  archivedAt: Date | null;
}
