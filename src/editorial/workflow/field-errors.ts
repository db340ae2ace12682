import { AppError, ErrorCode } from '../../errors/app-error';

export type FieldError = { field: string; messages: string[] };

/** Collects every problem of an input before refusing it, so a form can show them all at once. */
export class FieldErrors {
  private readonly errors = new Map<string, string[]>();

  add(field: string, message: string): void {
    const list = this.errors.get(field) ?? [];
    list.push(message);
    this.errors.set(field, list);
  }

  get empty(): boolean {
    return this.errors.size === 0;
  }

  /** Throws BAD_USER_INPUT listing the fields, if any problem was found. */
  throwIfAny(message = 'Invalid input'): void {
    if (this.empty) return;
    const fields: FieldError[] = [...this.errors].map(([field, messages]) => ({ field, messages }));
    throw new AppError(ErrorCode.BadUserInput, message, { fields });
  }
}

/** Editorial dates must be plausible: from 2000 to five years ahead. */
export function checkEditorialDate(errors: FieldErrors, field: string, value: Date | null | undefined, now: Date): void {
  if (!value) return;
  const min = Date.UTC(2000, 0, 1);
  const max = now.getTime() + 5 * 366 * 24 * 3600 * 1000;
  if (Number.isNaN(value.getTime()) || value.getTime() < min || value.getTime() > max) {
    errors.add(field, 'must be between 2000-01-01 and five years from now');
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** URL segments: lower-case ASCII words joined by single dashes, at most `max` characters. */
export function checkSlug(errors: FieldErrors, field: string, value: string, max: number): void {
  if (!SLUG.test(value) || value.length > max) errors.add(field, 'must be lower-case words joined by dashes');
}
