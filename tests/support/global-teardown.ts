// Loaded by Jest as CommonJS, outside the test environment: relative imports name the .ts file.
import { stopInfrastructure } from './infrastructure.ts';

export default async function globalTeardown(): Promise<void> {
  await stopInfrastructure();
}
