import { registerDecorator, type ValidationOptions } from 'class-validator';
import { passwordWeakness } from '../../src/accounts/password-policy';

/** 10 to 128 characters and not one an attacker tries first (see password-policy.ts). */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordWeakness(value) === null,
        defaultMessage: (args) => `password too weak: ${passwordWeakness(String(args?.value ?? '')) ?? 'invalid'}`,
      },
    });
}
