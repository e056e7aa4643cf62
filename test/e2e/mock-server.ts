// Serves web/dist under the production CSP with an in-memory API (mock-data.ts), so the UI can be
// looked at in Chromium without the real server. Usage: PORT=3105 node test/e2e/mock-server.ts
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import QRCode from 'qrcode';
import { permissionsOf } from '../../common/roles.ts';
import * as db from './mock-data.ts';

const DIST = join(import.meta.dirname, '../../web/dist');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};
type Stage = 'password_change' | 'totp_enrol' | 'totp' | 'full';
const sessions = new Map<string, { userId: string; stage: Stage; csrf: string }>();

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string | string[]> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
const fail = (res: ServerResponse, status: number, code: string, message: string, fields?: Record<string, string>) =>
  send(res, status, { error: { code, message, fields } });

function cookies(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries((req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=') as [string, string]));
}
async function json(req: IncomingMessage): Promise<Record<string, unknown>> {
  let s = '';
  for await (const chunk of req) s += chunk;
  return s ? JSON.parse(s) : {};
}
let failures = 0;

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = req.method ?? 'GET';
  const p = url.pathname.replace('/api/v1', '');
  const c = cookies(req);
  const s = c.ktgs_sid ? sessions.get(c.ktgs_sid) : undefined;
  if (method !== 'GET' && s && req.headers['x-csrf-token'] !== s.csrf) return fail(res, 403, 'csrf', 'Thiếu mã chống giả mạo yêu cầu.');
  const body = method === 'GET' ? {} : await json(req);
  if (p === '/auth/login') {
    const u = [...db.users.values()].find((x) => x.username === body.username && x.password === body.password);
    if (!u) {
      failures++;
      if (failures >= 3) return fail(res, 429, 'rate_limited', 'Đăng nhập sai nhiều lần.', { retryAfterSeconds: '30' });
      return fail(res, 401, 'unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const sid = randomBytes(16).toString('hex');
    const stage: Stage = u.mustChangePassword ? 'password_change' : u.totpEnabled ? 'totp' : 'full';
    sessions.set(sid, { userId: u.id, stage, csrf: randomBytes(16).toString('hex') });
    db.log('auth.login', u.fullName, 'user', u.id);
    return send(
      res,
      200,
      { stage },
      {
        'set-cookie': [
          `ktgs_sid=${sid}; Path=/; HttpOnly; SameSite=Strict`,
          `ktgs_csrf=${sessions.get(sid)?.csrf}; Path=/; SameSite=Strict`,
        ],
      },
    );
  }
  if (!s) return fail(res, 401, 'unauthenticated', 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.');
  const me = db.users.get(s.userId);
  if (!me) return fail(res, 401, 'unauthenticated', 'Phiên đăng nhập đã hết.');
  if (p === '/auth/me')
    return send(res, 200, {
      stage: s.stage,
      csrfToken: s.csrf,
      user: { ...me, totpRequired: true, permissions: [...permissionsOf(me.roles.map((r) => r.role)), 'audit.read'] },
    });
  if (p === '/auth/password') {
    if (body.currentPassword !== me.password)
      return fail(res, 400, 'validation', 'Mật khẩu hiện tại không đúng.', { currentPassword: 'Mật khẩu hiện tại không đúng' });
    me.password = String(body.newPassword);
    me.mustChangePassword = false;
    s.stage = me.totpEnabled ? 'full' : 'totp_enrol';
    return send(res, 200, { stage: s.stage });
  }
  if (p === '/auth/totp/enrol/start') {
    const otpauthUrl = `otpauth://totp/KTGS:${me.username}?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=KTGS`;
    return send(res, 200, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) });
  }
  if (p === '/auth/totp/enrol/confirm') {
    if (body.code === '000000') return fail(res, 400, 'validation', 'Mã xác thực không đúng.', { code: 'Mã xác thực không đúng' });
    me.totpEnabled = true;
    s.stage = 'full';
    return send(res, 200, {
      stage: 'full',
      recoveryCodes: Array.from({ length: 10 }, () =>
        randomBytes(5)
          .toString('hex')
          .replace(/(.{5})/, '$1-'),
      ),
    });
  }
  if (p === '/auth/totp') {
    s.stage = 'full';
    return send(res, 200, { stage: 'full' });
  }
  if (p === '/auth/logout' || p === '/auth/logout-all') {
    sessions.delete(c.ktgs_sid ?? '');
    return send(res, 204);
  }
  if (s.stage !== 'full')
    return fail(
      res,
      403,
      s.stage === 'totp' ? 'totp_required' : s.stage === 'totp_enrol' ? 'totp_enrolment_required' : 'password_change_required',
      'Cần hoàn tất đăng nhập.',
    );
  if (p === '/auth/tokens' && method === 'GET') return send(res, 200, { items: tokens });
  if (p === '/auth/tokens') {
    const item = {
      id: crypto.randomUUID(),
      name: String(body.name),
      scopes: body.scopes as string[],
      prefix: 'ktgs_ab12',
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + Number(body.expiresInDays) * 864e5).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    };
    tokens.push(item);
    return send(res, 200, { token: `ktgs_ab12${randomBytes(24).toString('base64url')}`, item });
  }
  if (p.startsWith('/auth/tokens/')) {
    const t = tokens.find((x) => x.id === p.split('/')[3]);
    if (t) t.revokedAt = new Date().toISOString();
    return send(res, 204);
  }
  if (p === '/orgs/roots') return send(res, 200, { items: [db.rootOrg] });
  if (p === '/orgs' && method === 'GET') return send(res, 200, { items: db.children(url.searchParams.get('parentId') ?? '') });
  if (p === '/orgs/search') return send(res, 200, { items: db.search(url.searchParams.get('q') ?? '') });
  if (p === '/orgs') return send(res, 200, db.newOrg(String(body.parentId), body));
  if (p.startsWith('/orgs/')) {
    const o = db.orgs.get(p.split('/')[2] ?? '');
    if (!o) return fail(res, 404, 'not_found', 'Không tìm thấy tổ chức.');
    if (method === 'PATCH') {
      if (body.version !== o.version) return fail(res, 409, 'conflict', 'Bản ghi đã được người khác sửa.');
      Object.assign(o, body, { version: o.version + 1 });
    }
    return send(res, 200, o);
  }
  if (p === '/users' && method === 'GET') {
    const q = url.searchParams.get('q') ?? '';
    const all = [...db.users.values()].filter((u) => u.username.includes(q) || u.fullName.includes(q));
    return send(res, 200, { items: all, total: all.length });
  }
  if (p === '/users') {
    const roles = (body.roles as { role: string; orgId: string }[]).map((r) => ({
      ...r,
      orgName: db.orgs.get(r.orgId)?.name ?? '?',
      orgPath: '',
    }));
    const u = db.addUser(String(body.username), String(body.fullName), 'Tam-thoi-987654', {
      roles: roles as never,
      clearance: Number(body.clearance),
    });
    db.log('user.create', me.fullName, 'user', u.id);
    return send(res, 200, { user: u, oneTimePassword: u.password });
  }
  if (p.endsWith('/reset-password')) return send(res, 200, { oneTimePassword: 'Moi-dat-lai-4567' });
  if (p.endsWith('/reset-totp')) return send(res, 204);
  if (p.startsWith('/users/')) {
    const u = db.users.get(p.split('/')[2] ?? '');
    if (!u) return fail(res, 404, 'not_found', 'Không tìm thấy người dùng.');
    if (method === 'PATCH') Object.assign(u, body, { version: u.version + 1, roles: u.roles });
    return send(res, 200, u);
  }
  if (p === '/audit') {
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('pageSize') ?? 20);
    const items = [...db.audit].reverse();
    return send(res, 200, { items: items.slice((page - 1) * size, page * size), total: items.length });
  }
  if (p === '/audit/verify') return send(res, 200, { ok: true, checked: db.audit.length, firstBroken: null });
  return fail(res, 404, 'not_found', 'Không có đường dẫn này.');
}
const tokens: {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}[] = [];

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  res.setHeader('content-security-policy', CSP);
  try {
    if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url);
    const file = url.pathname !== '/' && extname(url.pathname) ? join(DIST, url.pathname) : join(DIST, 'index.html');
    const data = await readFile(file).catch(() => null);
    if (!data) return send(res, 404, { error: { code: 'not_found', message: 'Không tìm thấy' } });
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  } catch (e) {
    console.error(e);
    fail(res, 500, 'internal', 'Lỗi máy chủ.');
  }
}).listen(Number(process.env.PORT ?? 3105), () => console.log(`mock KTGS on http://localhost:${process.env.PORT ?? 3105}`));
