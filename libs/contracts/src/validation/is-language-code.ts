import { registerDecorator, type ValidationOptions } from 'class-validator';
import ISO6391 from 'iso-639-1';

/** An ISO 639-1 language code such as en, ru or kk. */
export function IsLanguageCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLanguageCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must hold ISO 639-1 language codes such as en, ru or kk', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && ISO6391.validate(value) },
    });
}
