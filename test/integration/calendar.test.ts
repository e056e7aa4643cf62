// Issue #4 point 7: holidays computed by the Labour Code (Bộ luật Lao động 2019, Điều 112), and the
// official schedule recorded by an administrator, which wins; every deadline uses it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, type Session } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
let nationalAdmin: Session;
let provinceAdmin: Session;

// The Government's complete schedule for 2025 (it replaces the computed defaults): Tết from Saturday 25/1
// to Sunday 2/2; Saturday 26/4 worked in exchange for Friday 2/5 off; Quốc khánh 1–2/9.
const OFFICIAL_2025 = {
  replacesDefaults: true,
  decisionNo: 'Công văn 1345/TTg-KTTH',
  entries: [
    ...['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'].map(
      (date) => ({ date, kind: 'day_off', name: 'Nghỉ Tết Ất Tỵ' }),
    ),
    { date: '2025-01-01', kind: 'day_off', name: 'Tết Dương lịch' },
    { date: '2025-04-07', kind: 'day_off', name: 'Giỗ Tổ Hùng Vương' },
    { date: '2025-04-30', kind: 'day_off', name: 'Ngày Chiến thắng' },
    { date: '2025-05-01', kind: 'day_off', name: 'Ngày Quốc tế Lao động' },
    { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi' },
    { date: '2025-09-01', kind: 'day_off', name: 'Quốc khánh' },
    { date: '2025-09-02', kind: 'day_off', name: 'Quốc khánh' },
    { date: '2025-04-26', kind: 'working_day', name: 'Làm bù cho ngày 02/5' },
  ],
  version: 0,
};

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  nationalAdmin = await login(app, await createUser(ctx, { roles: [{ role: 'admin', orgCode: 'TW' }], totp: true }));
  provinceAdmin = await login(app, await createUser(ctx, { roles: [{ role: 'admin', orgCode: 'T40' }], totp: true }));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const due = async (from: string, days: number) =>
  (
    await app.inject({ method: 'GET', url: `/api/v1/calendar/working-days?from=${from}&days=${days}`, headers: provinceAdmin.headers })
  ).json().due;

describe('working calendar', () => {
  it('computes the holidays of a year with compensating days (Điều 112; Giỗ Tổ 26/4/2026 is a Sunday)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/calendar/2026', headers: provinceAdmin.headers });
    const days = res.json().days as { date: string; kind: string; source: string }[];
    expect(days.find((d) => d.date === '2026-04-26')).toMatchObject({ kind: 'holiday', source: 'default' });
    expect(days.find((d) => d.date === '2026-04-27')).toMatchObject({ kind: 'compensating' });
    expect(days.some((d) => d.date === '2026-02-17')).toBe(true);
    expect(await due('2026-04-24', 1)).toBe('2026-04-28');
  });

  it('lets only a national administrator record the official schedule, which then wins', async () => {
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/2025',
      headers: provinceAdmin.headers,
      payload: OFFICIAL_2025,
    });
    expect(refused.statusCode).toBe(403);
    const saved = await app.inject({ method: 'PUT', url: '/api/v1/calendar/2025', headers: nationalAdmin.headers, payload: OFFICIAL_2025 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ recorded: true, version: 1 });
    // Friday 24/1 + 1 working day: the whole official Tết break is skipped.
    expect(await due('2025-01-24', 1)).toBe('2025-02-03');
    // Saturday 26/4/2025 is a working day; Friday 2/5 is not.
    expect(await due('2025-04-25', 1)).toBe('2025-04-26');
    expect(await due('2025-04-29', 1)).toBe('2025-05-05');
  });

  it('refuses a stale edit and a day outside the year, naming the field', async () => {
    const stale = await app.inject({ method: 'PUT', url: '/api/v1/calendar/2025', headers: nationalAdmin.headers, payload: OFFICIAL_2025 });
    expect(stale.statusCode).toBe(409);
    const wrongYear = await app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/2025',
      headers: nationalAdmin.headers,
      payload: { ...OFFICIAL_2025, version: 1, entries: [{ date: '2026-01-01', kind: 'day_off', name: 'Tết Dương lịch' }] },
    });
    expect(wrongYear.json().error.fields['entries.0.date']).toMatch(/không thuộc năm 2025/);
  });
});
