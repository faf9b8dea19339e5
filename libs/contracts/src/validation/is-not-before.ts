import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A date-time string that is not earlier than another date-time field of the same object. */
export function IsNotBefore(otherField: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [otherField],
      options: { message: `$property must not be before ${otherField}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[otherField];
          if (typeof value !== 'string' || typeof other !== 'string') return true; // other rules report these
          const [a, b] = [Date.parse(value), Date.parse(other)];
          return Number.isNaN(a) || Number.isNaN(b) || a >= b;
        },
      },
    });
}
