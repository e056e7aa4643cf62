// HTTP routes for sign-in, second factor, password and API tokens. Thin: parse, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loginSchema,
  meSchema,
  passwordChangeSchema,
  SESSION_STAGES,
  tokenCreateSchema,
  tokenSchema,
  totpCodeSchema,
  totpEnrolConfirmSchema,
  totpEnrolStartSchema,
} from '../../../../common/auth.ts';
import type { Config } from '../../config.ts';
import { authOf, clearSessionCookies, SESSION_COOKIE, setSessionCookies } from '../../platform/http/auth-hook.ts';
import type { SecondFactorService } from './second-factor.service.ts';
import type { TokenService } from './tokens.service.ts';

const stageReply = z.object({ stage: z.enum(SESSION_STAGES) });
const tags = ['Xác thực'];

export function authRoutes(app: FastifyInstance, deps: { auth: SecondFactorService; tokens: TokenService; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth, tokens, config } = deps;

  r.post('/api/v1/auth/login', {
    schema: { tags, summary: 'Đăng nhập', body: loginSchema, response: { 200: stageReply } },
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      const result = await auth.login(request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
        previousToken: request.cookies[SESSION_COOKIE] ?? null,
      });
      setSessionCookies(reply, config, result.token, result.csrf);
      return { stage: result.stage };
    },
  });

  r.get('/api/v1/auth/me', {
    schema: { tags, summary: 'Người dùng hiện tại', response: { 200: meSchema } },
    config: { auth: 'partial', stages: ['password_change', 'totp_enrol', 'totp', 'full'] },
    handler: async (request) => auth.me(authOf(request)),
  });

  r.post('/api/v1/auth/password', {
    schema: { tags, summary: 'Đổi mật khẩu', body: passwordChangeSchema, response: { 200: stageReply } },
    config: { auth: 'partial', stages: ['password_change', 'full'] },
    handler: async (request, reply) => {
      const a = authOf(request);
      const rotated = await auth.changePassword(a, request.body.currentPassword, request.body.newPassword);
      if (rotated) setSessionCookies(reply, config, rotated.token, rotated.csrf);
      return { stage: rotated?.stage ?? 'full' };
    },
  });

  r.post('/api/v1/auth/totp/enrol/start', {
    schema: { tags, summary: 'Bắt đầu đăng ký xác thực hai lớp', response: { 200: totpEnrolStartSchema } },
    config: { auth: 'partial', stages: ['totp_enrol', 'full'] },
    handler: async (request) => auth.enrolStart(authOf(request)),
  });

  r.post('/api/v1/auth/totp/enrol/confirm', {
    schema: {
      tags,
      summary: 'Xác nhận đăng ký xác thực hai lớp',
      body: totpEnrolConfirmSchema,
      response: { 200: z.object({ stage: z.enum(SESSION_STAGES), recoveryCodes: z.array(z.string()) }) },
    },
    config: { auth: 'partial', stages: ['totp_enrol', 'full'] },
    handler: async (request, reply) => {
      const { rotated, recoveryCodes } = await auth.enrolConfirm(authOf(request), request.body.code);
      if (rotated) setSessionCookies(reply, config, rotated.token, rotated.csrf);
      return { stage: rotated?.stage ?? 'full', recoveryCodes };
    },
  });

  r.post('/api/v1/auth/totp', {
    schema: { tags, summary: 'Nhập mã xác thực hai lớp', body: totpCodeSchema, response: { 200: stageReply } },
    config: { auth: 'partial', stages: ['totp'], rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      const rotated = await auth.verifySecondFactor(authOf(request), request.body);
      setSessionCookies(reply, config, rotated.token, rotated.csrf);
      return { stage: rotated.stage };
    },
  });

  r.post('/api/v1/auth/logout', {
    schema: { tags, summary: 'Đăng xuất' },
    config: { auth: 'partial', stages: ['password_change', 'totp_enrol', 'totp', 'full'] },
    handler: async (request, reply) => {
      await auth.logout(authOf(request), false);
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  });

  r.post('/api/v1/auth/logout-all', {
    schema: { tags, summary: 'Đăng xuất khỏi mọi phiên' },
    config: { auth: 'partial', stages: ['password_change', 'totp_enrol', 'totp', 'full'] },
    handler: async (request, reply) => {
      await auth.logout(authOf(request), true);
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  });

  r.get('/api/v1/auth/tokens', {
    schema: { tags, summary: 'Mã truy cập API của tôi', response: { 200: z.object({ items: z.array(tokenSchema) }) } },
    handler: async (request) => ({ items: await tokens.list(authOf(request).actor) }),
  });

  r.post('/api/v1/auth/tokens', {
    schema: {
      tags,
      summary: 'Tạo mã truy cập API (hiện một lần)',
      body: tokenCreateSchema,
      response: { 200: z.object({ token: z.string(), item: tokenSchema }) },
    },
    handler: async (request) => tokens.create(authOf(request).actor, request.body),
  });

  r.delete('/api/v1/auth/tokens/:id', {
    schema: { tags, summary: 'Thu hồi mã truy cập API', params: z.object({ id: z.uuid({ error: 'Mã không hợp lệ' }) }) },
    handler: async (request, reply) => {
      await tokens.revoke(authOf(request).actor, request.params.id);
      return reply.status(204).send();
    },
  });
}
