// HTTP routes of discipline decision documents (issue #5). Placeholder until the module lands: registers nothing.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';

export function disciplineDocumentRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
