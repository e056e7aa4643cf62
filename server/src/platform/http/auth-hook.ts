// Who is calling: a session cookie or an API token; CSRF and sign-in stage checks for every route.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionStage } from '../../../../common/auth.ts';
import type { Config } from '../../config.ts';
import type { Authenticated, AuthService } from '../../modules/auth/auth.service.ts';
import { safeEqual } from '../auth/secrets.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'ktgs_sid';
export const CSRF_COOKIE = 'ktgs_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** 'public': no sign-in; 'partial': a session in one of `stages`; default: a full sign-in. */
    auth?: 'public' | 'partial';
    stages?: SessionStage[];
  }
}

const STAGE_ERRORS: Record<Exclude<SessionStage, 'full'>, AppError> = {
  password_change: new AppError('password_change_required', 'Bạn cần đổi mật khẩu trước khi tiếp tục.'),
  totp_enrol: new AppError('totp_enrolment_required', 'Bạn cần đăng ký xác thực hai lớp trước khi tiếp tục.'),
  totp: new AppError('totp_required', 'Nhập mã xác thực hai lớp để tiếp tục.'),
};

export function setSessionCookies(reply: FastifyReply, config: Config, token: string, csrf: string) {
  const secure = config.secureCookies || reply.request.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
  reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'strict', secure, path: '/' });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Refuses cross-site writes outright when the browser tells us where they come from. */
function checkOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (!origin || SAFE_METHODS.has(request.method)) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('csrf', 'Yêu cầu bị từ chối: nguồn gửi không hợp lệ.');
  }
  if (host !== request.host) throw new AppError('csrf', 'Yêu cầu bị từ chối: gửi từ một trang khác.');
}

export function registerAuthHook(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const cfg = request.routeOptions.config ?? {};
    // The web UI's files and the OpenAPI description are public; every other /api route is not.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    checkOrigin(request);
    // Public routes (health, sign-in) need nobody: no session or token lookup for them.
    if (cfg.auth === 'public') return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.auth = await auth.fromApiToken(header.slice(7).trim(), request.id);
      if (!request.auth) throw new AppError('unauthenticated', 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
      const scopes = request.auth.actor.tokenScopes ?? [];
      if (!SAFE_METHODS.has(request.method) && !scopes.includes('write')) {
        throw new AppError('forbidden', 'Mã truy cập này chỉ có quyền đọc.');
      }
      if (cfg.auth === 'partial') throw new AppError('forbidden', 'Chức năng này chỉ dùng được khi đăng nhập trên trình duyệt.');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await auth.fromSessionToken(token, request.id) : null;
    const session = request.auth?.session;
    if (!request.auth || !session) {
      throw new AppError('unauthenticated', token ? 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.' : 'Bạn cần đăng nhập.');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrf)) {
        throw new AppError('csrf', 'Yêu cầu thiếu mã chống giả mạo (CSRF). Tải lại trang rồi thử lại.');
      }
    }
    if (cfg.auth === 'partial') {
      if (!(cfg.stages ?? []).includes(session.stage)) {
        if (session.stage !== 'full') throw STAGE_ERRORS[session.stage];
        throw new AppError('forbidden', 'Bước này không áp dụng cho phiên hiện tại.');
      }
      return;
    }
    if (session.stage !== 'full') throw STAGE_ERRORS[session.stage];
  });
}

/** The authenticated caller; routes behind the hook always have one. */
export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new AppError('unauthenticated', 'Bạn cần đăng nhập.');
  return request.auth;
}
