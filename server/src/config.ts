// Configuration from the environment, validated once at start-up. Defaults are production defaults.
import path from 'node:path';
import { DEFAULT_TOTP_REQUIRED_ROLES, ROLES, type Role } from '../../common/roles.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  migrationDatabaseUrl: string | null;
  appRole: string;
  /** Force `Secure` cookies; they get it anyway whenever the request came over HTTPS. */
  secureCookies: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  totpRequiredRoles: readonly Role[];
  logLevel: string;
  webDir: string;
  rateLimitPerMinute: number;
  portal: PortalSettings;
}

/** The public portal's defences (issue #6, point 2): proof-of-work and hourly request limits. */
export interface PortalSettings {
  /**
   * Leading zero bits of the proof-of-work. Measured with common/portal-pow.ts on this project's 2-core
   * machine: 17 bits took 1.4 s on average in desktop Chromium (1.8 s in Node), 18 bits 2.0 s (5.9 s),
   * worst cases three times that; a phone is several times slower, and each bit doubles the work.
   */
  powDifficulty: number;
  /**
   * Submissions per hour from one address (a daily pseudonym of it, in memory only) and in total. Mobile
   * carriers put many subscribers behind one address, so the per-address share is not set too tight.
   */
  submitPerAddress: number;
  submitOverall: number;
  /** Follow-up requests (status, messages, downloads) per hour from one address and in total. */
  lookupPerAddress: number;
  lookupOverall: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`Biến môi trường ${name} phải là số nguyên từ ${min} đến ${max} (đang là "${raw}")`);
  }
  return n;
}

function roles(raw: string | undefined): readonly Role[] {
  if (raw === undefined) return DEFAULT_TOTP_REQUIRED_ROLES;
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const r of list) {
    if (!(ROLES as readonly string[]).includes(r)) throw new Error(`KTGS_TOTP_REQUIRED_ROLES: vai trò không hợp lệ "${r}"`);
  }
  return list as Role[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = path.resolve(import.meta.dirname, '../..');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.KTGS_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    migrationDatabaseUrl: env.KTGS_MIGRATION_DATABASE_URL || null,
    appRole: env.KTGS_APP_ROLE ?? 'ktgs_app',
    secureCookies: env.KTGS_SECURE_COOKIES === 'true',
    trustProxy: env.KTGS_TRUST_PROXY === 'true',
    sessionIdleMinutes: int(env, 'KTGS_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'KTGS_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    totpRequiredRoles: roles(env.KTGS_TOTP_REQUIRED_ROLES),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.join(root, 'web', 'dist'),
    rateLimitPerMinute: int(env, 'KTGS_RATE_LIMIT_PER_MINUTE', 600, 10, 1_000_000),
    portal: {
      powDifficulty: int(env, 'KTGS_PORTAL_POW_DIFFICULTY', 17, 1, 32),
      submitPerAddress: int(env, 'KTGS_PORTAL_SUBMIT_PER_HOUR', 10, 1, 1_000_000),
      submitOverall: int(env, 'KTGS_PORTAL_SUBMIT_TOTAL_PER_HOUR', 300, 1, 10_000_000),
      lookupPerAddress: int(env, 'KTGS_PORTAL_LOOKUP_PER_HOUR', 30, 1, 1_000_000),
      lookupOverall: int(env, 'KTGS_PORTAL_LOOKUP_TOTAL_PER_HOUR', 3000, 1, 10_000_000),
    },
  };
}
