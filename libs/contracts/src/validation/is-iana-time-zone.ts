import { registerDecorator, type ValidationOptions } from 'class-validator';

const zones = new Set(Intl.supportedValuesOf('timeZone'));
// Intl lists canonical zones only; UTC and its aliases are valid too.
for (const alias of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']) zones.add(alias);

/** An IANA time zone name such as Asia/Almaty. */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Asia/Almaty', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && zones.has(value) },
    });
}
