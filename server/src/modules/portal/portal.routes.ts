// HTTP routes of the public portal (/api/v1/portal, no account; issue #6, point 2).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';

export function portalRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
