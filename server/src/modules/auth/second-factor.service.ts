// The second factor: TOTP enrolment (QR code and secret shown once, ten hashed recovery codes) and
// the code or recovery code asked at sign-in, with back-off and replay protection.
import { appendAudit } from '../../platform/audit/audit.ts';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, qrDataUrl, totpUri } from '../../platform/auth/totp.ts';
import { decrypt, encrypt } from '../../platform/crypto.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import * as repo from './auth.repository.ts';
import { ACCOUNT_FREE_FAILURES, type Authenticated, AuthService, type Rotated, type SessionInfo, TOTP_AAD } from './auth.service.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

export class SecondFactorService extends AuthService {
  async enrolStart(auth: Authenticated): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
    const userId = auth.actor.userId as string;
    const secret = newTotpSecret();
    const url = totpUri(secret, auth.actor.username as string);
    await this.tx(async (tx) => {
      const user = (await repo.findUserById(tx, userId)) as UserRow;
      if (user.totp_enabled)
        throw new AppError('conflict', 'Xác thực hai lớp đã được bật. Quản trị viên có thể đặt lại nếu bạn mất thiết bị.');
      await tx
        .updateTable('app_user')
        .set({ totp_pending_secret_enc: encrypt(this.ctx.keyring, secret, `${TOTP_AAD}:${userId}`) })
        .where('id', '=', userId)
        .execute();
      await appendAudit(tx, auth.actor, { action: 'auth.totp_enrol_start', entityType: 'user', entityId: userId });
    });
    return { secret, otpauthUrl: url, qrDataUrl: await qrDataUrl(url) };
  }

  async enrolConfirm(auth: Authenticated, code: string): Promise<{ rotated: Rotated | null; recoveryCodes: string[] }> {
    const userId = auth.actor.userId as string;
    return this.tx(async (tx) => {
      const user = (await repo.findUserById(tx, userId)) as UserRow;
      if (!user.totp_pending_secret_enc) throw invalid('code', 'Hãy bắt đầu đăng ký lại để lấy mã QR mới.');
      const secret = decrypt(this.ctx.keyring, user.totp_pending_secret_enc, `${TOTP_AAD}:${userId}`);
      const step = await checkTotp(secret, code, null);
      if (step === null) throw invalid('code', 'Mã xác thực không đúng. Kiểm tra giờ trên điện thoại rồi thử lại.');
      const codes = newRecoveryCodes();
      await tx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
      await tx
        .insertInto('recovery_code')
        .values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c) })))
        .execute();
      await tx
        .updateTable('app_user')
        .set({
          totp_secret_enc: user.totp_pending_secret_enc,
          totp_pending_secret_enc: null,
          totp_enabled: true,
          totp_last_step: step,
          updated_at: new Date(),
        })
        .where('id', '=', userId)
        .execute();
      await appendAudit(tx, auth.actor, { action: 'auth.totp_enrol', entityType: 'user', entityId: userId });
      const rotated = auth.session ? await this.advance(tx, auth.session, 'full') : null;
      return { rotated, recoveryCodes: codes };
    });
  }

  async verifySecondFactor(auth: Authenticated, input: { code?: string; recoveryCode?: string }): Promise<Rotated> {
    const userId = auth.actor.userId as string;
    const session = auth.session as SessionInfo;
    const key = `totp:${userId}`;
    const blocked = await this.tx((tx) => repo.throttleState(tx, [key]));
    const until = blocked[0]?.blocked_until ? new Date(blocked[0].blocked_until).getTime() : 0;
    if (until > Date.now()) {
      const seconds = Math.ceil((until - Date.now()) / 1000);
      throw new AppError('rate_limited', `Nhập sai nhiều lần. Vui lòng thử lại sau ${seconds} giây.`, {
        retryAfterSeconds: String(seconds),
      });
    }
    const passed = await this.tx(async (tx) => {
      const user = (await repo.findUserById(tx, userId)) as UserRow;
      if (!user.totp_enabled || !user.totp_secret_enc) return false;
      if (input.code) {
        const secret = decrypt(this.ctx.keyring, user.totp_secret_enc, `${TOTP_AAD}:${userId}`);
        const step = await checkTotp(secret, input.code, user.totp_last_step === null ? null : Number(user.totp_last_step));
        if (step === null) return false;
        await tx.updateTable('app_user').set({ totp_last_step: step }).where('id', '=', userId).execute();
        await appendAudit(tx, auth.actor, { action: 'auth.totp_verify', entityType: 'user', entityId: userId });
        return true;
      }
      const used = await tx
        .updateTable('recovery_code')
        .set({ used_at: new Date() })
        .where('user_id', '=', userId)
        .where('code_hash', '=', hashRecoveryCode(input.recoveryCode ?? ''))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      await appendAudit(tx, auth.actor, { action: 'auth.recovery_code_used', entityType: 'user', entityId: userId });
      return true;
    });
    if (!passed) {
      await this.tx((tx) => repo.recordFailure(tx, key, ACCOUNT_FREE_FAILURES));
      throw invalid(input.code ? 'code' : 'recoveryCode', 'Mã không đúng hoặc đã được dùng.');
    }
    return this.tx(async (tx) => {
      await repo.clearThrottle(tx, key);
      return this.advance(tx, session, 'full');
    });
  }
}
