// The thread with the sender and the letter's files (issue #6, points 1, 2): an officer writes to a sender
// who follows the letter on the portal (anonymously: nothing about them is shown here), attaches files to
// the letter or to a message (a message's files are what the sender can download), and downloads them.
import type { z } from 'zod';
import type { PetitionDetail, petitionMessageListSchema } from '../../../../common/petition-api.ts';
import type { Tx } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertWritable, requireScope } from '../../platform/access/scope.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { type LoadedFile, loadFile, storeFile } from '../../platform/files/files.ts';
import type { Upload } from '../../platform/files/http.ts';
import { inScopeOf, PetitionBase } from './petitions.base.ts';
import type { PetitionRow } from './petitions.repository.ts';
import * as repo from './petitions.repository.ts';

type MessageList = z.infer<typeof petitionMessageListSchema>;

/**
 * Only a letter whose sender holds its receipt can be written to: a letter that came by post has no one on
 * the portal, nor has the part split from a portal letter (the receipt opens the letter it was issued for).
 */
function assertFollowed(p: PetitionRow, field = 'body'): void {
  if (p.receipt_code_hash !== null) return;
  throw invalid(
    field,
    p.parent_id && p.channel === 'portal'
      ? 'Đơn tách ra từ đơn gửi qua cổng trực tuyến: người gửi chỉ theo dõi được đơn gốc, hãy nhắn tin trên đơn gốc.'
      : 'Chỉ nhắn tin với người gửi đơn qua cổng tiếp nhận trực tuyến (người gửi theo dõi bằng mã tiếp nhận).',
  );
}

export class PetitionMessageService extends PetitionBase {
  private async items(tx: Tx, p: PetitionRow): Promise<MessageList> {
    return { items: (await this.thread(tx, p.id)).messages };
  }

  /** The thread; the letter's handler has now read what the sender wrote. */
  async list(actor: Actor, id: string): Promise<MessageList> {
    const scope = requireScope(actor, 'petition.read');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      const writer = actor.kind === 'system' || inScopeOf(actor, p.scope_path);
      if (writer) await repo.markSenderMessagesRead(tx, p.id);
      // The thread of a marked letter is part of it: reading it is logged like reading the letter.
      await auditMarkedReads(tx, actor, 'petition', [{ id: p.id, path: p.scope_path, secrecy: p.secrecy }]);
      return this.items(tx, p);
    });
  }

  async post(actor: Actor, id: string, body: string): Promise<MessageList> {
    const scope = requireScope(actor, 'petition.write');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      assertWritable(scope, p.scope_path);
      assertFollowed(p);
      const messageId = await repo.insertMessage(tx, { petitionId: p.id, scopePath: p.scope_path, userId: actor.userId, body });
      // The officer answers: what the sender wrote before is read.
      await repo.markSenderMessagesRead(tx, p.id);
      await appendAudit(tx, actor, {
        action: 'petition.message',
        entityType: 'petition',
        entityId: p.id,
        scopePath: p.scope_path,
        after: { messageId, body },
        detail: { code: p.code, messageId },
      });
      return this.items(tx, p);
    });
  }

  /** A file for the letter's record, or (field messageId) for an officer's message the sender will see. */
  async attach(actor: Actor, id: string, upload: Upload): Promise<PetitionDetail> {
    const scope = requireScope(actor, 'petition.write');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      assertWritable(scope, p.scope_path);
      const messageId = upload.fields.messageId?.trim() || null;
      if (messageId) {
        assertFollowed(p, 'messageId');
        const m = /^[0-9a-f-]{36}$/i.test(messageId) ? await repo.findMessage(tx, p.id, messageId) : undefined;
        if (m?.author !== 'officer') throw invalid('messageId', 'Tin nhắn không tồn tại hoặc không phải tin nhắn của cán bộ.');
      }
      const stored = await storeFile(tx, {
        scopePath: p.scope_path,
        secrecy: p.secrecy,
        fileName: upload.fileName,
        mime: upload.mime,
        data: upload.data,
        createdBy: actor.userId,
      });
      await tx
        .insertInto('petition_file')
        .values({
          petition_id: p.id,
          scope_path: p.scope_path,
          file_id: stored.id,
          message_id: messageId,
          source: 'officer',
          created_by: actor.userId,
        })
        .execute();
      await appendAudit(tx, actor, {
        action: 'petition.file_add',
        entityType: 'petition',
        entityId: p.id,
        scopePath: p.scope_path,
        after: { fileId: stored.id, sha256: stored.sha256 },
        detail: { code: p.code, fileId: stored.id, fileName: stored.fileName, size: stored.size, messageId },
      });
      return this.detail(tx, p);
    });
  }

  async download(actor: Actor, id: string, fileId: string): Promise<LoadedFile> {
    const scope = requireScope(actor, 'petition.read');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      if (!(await repo.fileOf(tx, p.id, fileId))) throw notFound('Tệp');
      const f = await loadFile(tx, fileId);
      await auditMarkedReads(tx, actor, 'stored_file', [{ id: f.id, path: f.scopePath, secrecy: f.secrecy }]);
      return f;
    });
  }
}
