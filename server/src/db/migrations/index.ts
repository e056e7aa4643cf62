// Every migration, in order. A static list (not a folder scan) so that bundlers and tests see the same set.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_registry.ts';
import * as m0003 from './0003_member_search.ts';
import * as m0004 from './0004_work_calendar.ts';
import * as m0005 from './0005_inspection.ts';
import * as m0006 from './0006_coverage.ts';
import * as m0010 from './0010_supervision.ts';
import * as m0011 from './0011_discipline.ts';
import * as m0012 from './0012_petitions.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_registry': m0002,
  '0003_member_search': m0003,
  '0004_work_calendar': m0004,
  '0005_inspection': m0005,
  '0006_coverage': m0006,
  '0010_supervision': m0010,
  '0011_discipline': m0011,
  '0012_petitions': m0012,
};
