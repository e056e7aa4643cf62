// HTTP routes of the remediation module (issue #4). Placeholder until the module lands: registers nothing.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';

export function remediationRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
