import 'reflect-metadata';
import { IsOptional, Max, MaxLength, Min, MetadataStorage, registerDecorator, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from '../../src/subgraphs/validation-metadata-memo';

// Classes built on a storage of their own, so the process's storage (and other tests) are untouched.
class Base {
  @Min(1)
  @Max(20)
  first = 4;
}

class Paged extends Base {
  @IsOptional()
  @MaxLength(10)
  after?: string;
}

describe('class-validator rules looked up once per class', () => {
  const copyOfGlobal = (): MetadataStorage => {
    // The decorators above wrote to the global storage; a fresh storage holding the same rules.
    const global = (globalThis as { classValidatorMetadataStorage?: MetadataStorage }).classValidatorMetadataStorage!;
    const storage = new MetadataStorage();
    for (const target of [Base, Paged]) for (const rule of global.getTargetValidationMetadatas(target, '', false, false)) if (rule.target === target) storage.addValidationMetadata(rule);
    return storage;
  };

  it('answers every class as class-validator does, and the same list the second time', () => {
    const plain = copyOfGlobal();
    const memo = copyOfGlobal();
    memoizeValidationMetadata(memo);
    for (const target of [Base, Paged]) {
      for (const always of [false, true]) {
        const expected = plain.getTargetValidationMetadatas(target, '', always, false);
        const first = memo.getTargetValidationMetadatas(target, '', always, false);
        expect(first).toEqual(expected);
        // Kept: class-validator's own look-up builds a new list on every call.
        expect(memo.getTargetValidationMetadatas(target, '', always, false)).toBe(first);
        expect(plain.getTargetValidationMetadatas(target, '', always, false)).not.toBe(expected);
      }
    }
    // Inherited rules come along: Paged has its own two and Base's two.
    expect(memo.getTargetValidationMetadatas(Paged, '', false, false).map((r) => r.propertyName).sort()).toEqual(['after', 'after', 'first', 'first']);
  });

  it('sees a rule added after the first look-up', () => {
    const memo = copyOfGlobal();
    memoizeValidationMetadata(memo);
    const before = memo.getTargetValidationMetadatas(Base, '', false, false).length;
    const [extra] = copyOfGlobal().getTargetValidationMetadatas(Paged, '', false, false).filter((r) => r.target === Paged);
    memo.addValidationMetadata({ ...extra, target: Base, propertyName: 'later' } as typeof extra);
    expect(memo.getTargetValidationMetadatas(Base, '', false, false)).toHaveLength(before + 1);
  });

  it('validates with the process storage memoized as before: the same failures and messages', () => {
    memoizeValidationMetadata();
    const options = { forbidUnknownValues: false, skipMissingProperties: true };
    const tooMany = Object.assign(new Paged(), { first: 40, after: 'much too long a cursor' });
    expect(validateSync(tooMany, options).map((e) => e.constraints)).toEqual([
      { maxLength: 'after must be shorter than or equal to 10 characters' },
      { max: 'first must not be greater than 20' },
    ]);
    expect(validateSync(Object.assign(new Paged(), { first: 3 }), options)).toEqual([]);
    // A class declared after the memo was installed is validated too.
    class Late {
      first = 0;
    }
    registerDecorator({ target: Late, propertyName: 'first', validator: { validate: (v: unknown) => typeof v === 'number' && v > 0 }, options: { message: 'first must be positive' } });
    expect(validateSync(new Late(), options).map((e) => e.constraints)).toEqual([{ customValidation: 'first must be positive' }]);
  });
});
