// HTTP routes of the programmes module (issue #4). Placeholder until the module lands: registers nothing.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';

export function programmeRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
