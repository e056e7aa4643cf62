// HTTP routes of the petitions module (issue #6): the officers' register, inbox, screening and answers.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';

export function petitionRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
