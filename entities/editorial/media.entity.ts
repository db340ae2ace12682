import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An image in the media library. Renditions are derived from the storage key, not stored. */
@Entity({ name: 'media' })
export class Media {
  @PrimaryGeneratedColumn()
  id: number;

  /** Path of the original in the image store, e.g. "2026/11/port-tanger.jpg". */
  @Column({ type: 'varchar', length: 300 })
  storageKey: string;

  @Column({ type: 'varchar', length: 60, default: 'image/jpeg' })
  mimeType: string;

  @Column({ type: 'varchar', length: 500 })
  altText: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  credit: string | null;

  @Column({ type: 'text', nullable: true })
  caption: string | null;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  /** Focal point in [0,1] from the left and from the top: crops keep it in frame. */
  @Column({ type: 'float', default: 0.5 })
  focalX: number;

  @Column({ type: 'float', default: 0.5 })
  focalY: number;
}
