// Builds the Fastify application: security headers, limits, OpenAPI, auth, routes, the web UI.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { auditRoutes } from '../../modules/audit/audit.routes.ts';
import { AuditService } from '../../modules/audit/audit.service.ts';
import { authRoutes } from '../../modules/auth/auth.routes.ts';
import { SecondFactorService } from '../../modules/auth/second-factor.service.ts';
import { TokenService } from '../../modules/auth/tokens.service.ts';
import { calendarRoutes } from '../../modules/calendar/calendar.routes.ts';
import { caseRoutes } from '../../modules/cases/cases.routes.ts';
import { coverageRoutes } from '../../modules/coverage/coverage.routes.ts';
import { disciplineRoutes } from '../../modules/discipline/discipline.routes.ts';
import { disciplineComplaintRoutes } from '../../modules/discipline-complaints/complaints.routes.ts';
import { disciplineDocumentRoutes } from '../../modules/discipline-documents/discipline-documents.routes.ts';
import { documentRoutes } from '../../modules/documents/documents.routes.ts';
import { importRoutes } from '../../modules/imports/imports.routes.ts';
import { memberRoutes } from '../../modules/members/members.routes.ts';
import { notificationRoutes } from '../../modules/notifications/notifications.routes.ts';
import { orgLifecycleRoutes } from '../../modules/orgs/org-lifecycle.routes.ts';
import { orgRoutes } from '../../modules/orgs/orgs.routes.ts';
import { OrgService } from '../../modules/orgs/orgs.service.ts';
import { petitionRoutes } from '../../modules/petitions/petitions.routes.ts';
import { portalRoutes } from '../../modules/portal/portal.routes.ts';
import { programmeRoutes } from '../../modules/programmes/programmes.routes.ts';
import { qualityRoutes } from '../../modules/quality/quality.routes.ts';
import { remediationRoutes } from '../../modules/remediation/remediation.routes.ts';
import { supervisionRoutes } from '../../modules/supervision/supervision.routes.ts';
import { userRoutes } from '../../modules/users/users.routes.ts';
import { UserService } from '../../modules/users/users.service.ts';
import type { AppContext } from '../app-context.ts';
import { registerAuthHook } from './auth-hook.ts';
import { body, errorHandler } from './errors.ts';
import { loggerOptions } from './logging.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildOptions {
  logger?: boolean;
  /** Where JSON log lines go (tests read them to prove secrets stay out); stdout by default. */
  logStream?: { write(line: string): void };
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false ? false : { ...loggerOptions(ctx.config.logLevel), ...(opts.logStream ? { stream: opts.logStream } : {}) },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  });
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, c) => ({
      statusCode: 429,
      ...body('rate_limited', `Quá nhiều yêu cầu. Vui lòng thử lại sau ${Math.ceil(c.ttl / 1000)} giây.`),
    }),
  });
  await app.register(cookie);
  // Uploads (imports, later attachments): one file per request, 20 MB at most.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10, parts: 12 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'KTGS API', description: 'API của nền tảng KTGS (kiểm tra, giám sát, kỷ luật đảng)', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ktgs_sid' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  const auth = new SecondFactorService(ctx);
  registerAuthHook(app, auth);

  app.withTypeProvider().get('/api/health', {
    schema: { tags: ['Hệ thống'], summary: 'Tình trạng', response: { 200: z.object({ status: z.literal('ok') }), 503: z.unknown() } },
    config: { auth: 'public' },
    handler: async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(ctx.database.db);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send(body('unavailable', 'Cơ sở dữ liệu không phản hồi.'));
      }
    },
  });

  authRoutes(app, { auth, tokens: new TokenService(ctx), config: ctx.config });
  orgRoutes(app, new OrgService(ctx));
  orgLifecycleRoutes(app, ctx);
  qualityRoutes(app, ctx);
  userRoutes(app, new UserService(ctx));
  auditRoutes(app, new AuditService(ctx));
  memberRoutes(app, ctx);
  importRoutes(app, ctx);
  calendarRoutes(app, ctx);
  programmeRoutes(app, ctx);
  caseRoutes(app, ctx);
  documentRoutes(app, ctx);
  coverageRoutes(app, ctx);
  remediationRoutes(app, ctx);
  supervisionRoutes(app, ctx);
  disciplineRoutes(app, ctx);
  disciplineComplaintRoutes(app, ctx);
  disciplineDocumentRoutes(app, ctx);
  notificationRoutes(app, ctx);
  petitionRoutes(app, ctx);
  portalRoutes(app, ctx);

  const hasWeb = fs.existsSync(`${ctx.config.webDir}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: ctx.config.webDir, index: false });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing file (a script of an older build, say) is a 404, not the page.
    const isFile = /\.[A-Za-z0-9]+$/.test(request.url.split('?')[0] ?? '');
    if (request.url.startsWith('/api/') || request.method !== 'GET' || isFile) {
      return reply.status(404).send(body('not_found', 'Không tìm thấy địa chỉ này.'));
    }
    if (!hasWeb) {
      return reply.status(503).type('text/plain; charset=utf-8').send('Giao diện web chưa được dựng: chạy `npm run build`.');
    }
    // The single-page application handles its own routes.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}
