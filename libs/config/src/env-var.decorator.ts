import 'reflect-metadata';
const ENV_VARS = Symbol('plenary:env-vars');

export interface EnvVarOptions {
  /**
   * May be left unset even though it has no default. Documentation only: the property's own
   * validators (IsOptional, ValidateIf) decide what is accepted.
   */
  optional?: boolean;
  /** Never echoed back in error messages or documentation examples. */
  secret?: boolean;
}

interface EnvVarMetadata extends EnvVarOptions {
  name: string;
  description: string;
}

export interface EnvVarDescription {
  name: string;
  description: string;
  required: boolean;
  secret: boolean;
  default?: string;
}

/**
 * Marks a config class property as read from the environment variable of the same name.
 * The description feeds the README's configuration table and the docker-compose check.
 */
export function EnvVar(description: string, options: EnvVarOptions = {}): PropertyDecorator {
  return (target, propertyKey) => {
    const own: EnvVarMetadata[] = Reflect.getOwnMetadata(ENV_VARS, target) ?? [];
    Reflect.defineMetadata(
      ENV_VARS,
      [...own, { name: String(propertyKey), description, ...options }],
      target,
    );
  };
}

function metadataOf(configClass: abstract new () => object): EnvVarMetadata[] {
  const byName = new Map<string, EnvVarMetadata>();
  // Walk from the base class down so that a subclass may re-describe a variable.
  const chain: object[] = [];
  for (
    let proto = configClass.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    chain.unshift(proto);
  }
  for (const proto of chain) {
    for (const meta of (Reflect.getOwnMetadata(ENV_VARS, proto) ?? []) as EnvVarMetadata[]) {
      byName.set(meta.name, meta);
    }
  }
  return [...byName.values()];
}

/** Every environment variable a config class reads, with whether it must be set and its default. */
export function describeEnvVars(configClass: new () => object): EnvVarDescription[] {
  const defaults = new configClass() as Record<string, unknown>;
  return metadataOf(configClass).map((meta) => {
    const value = defaults[meta.name];
    return {
      name: meta.name,
      description: meta.description,
      required: value === undefined && !meta.optional,
      secret: meta.secret ?? false,
      ...(value === undefined ? {} : { default: String(value) }),
    };
  });
}
