// Infrastructure every service receives explicitly: the database, configuration and data keys.
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { Keyring } from './crypto.ts';

export interface AppContext {
  database: Database;
  config: Config;
  keyring: Keyring;
}
