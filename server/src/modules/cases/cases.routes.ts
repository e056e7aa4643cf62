// HTTP routes of the cases module (issue #4). Placeholder until the module lands: registers nothing.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';

export function caseRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
