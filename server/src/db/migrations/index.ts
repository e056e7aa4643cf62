// Every migration, in order. A static list (not a folder scan) so that bundlers and tests see the same set.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
