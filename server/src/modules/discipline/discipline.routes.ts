// HTTP routes of the discipline module (issue #5). Placeholder until the module lands: registers nothing.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';

export function disciplineRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
