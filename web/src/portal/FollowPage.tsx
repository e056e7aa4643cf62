// /cong-khai/theo-doi: the receipt code and the secret open the letter's status. Both stay in this
// component's memory only (never storage, URL or history), "Thoát" forgets them, and so does a quarter
// of an hour without any touch, for a phone left on a table or a shared computer.
import { Alert, App, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PortalStatus } from '../../../common/portal-api.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { type PortalCredentials, portalApi } from '../api/portal.ts';
import { useBackoff } from '../components/useBackoff.ts';
import { LookupForm } from './LookupForm.tsx';
import { PowProgress } from './PowProgress.tsx';
import { StatusView } from './StatusView.tsx';
import { isAborted, useProofOfWork } from './useProofOfWork.ts';

const IDLE_MS = 15 * 60_000;

export function FollowPage() {
  const [creds, setCreds] = useState<PortalCredentials | null>(null);
  const [status, setStatus] = useState<PortalStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { message } = App.useApp();
  const pow = useProofOfWork();
  const { waitSeconds, noteError } = useBackoff();

  // Bumped by "Thoát": an answer still on its way for the codes just forgotten must not bring them back.
  const generation = useRef(0);
  const { cancel } = pow;

  const exit = useCallback(
    (why: string | null = null) => {
      generation.current++;
      cancel();
      setCreds(null);
      setStatus(null);
      setError(null);
      setNotice(why);
      window.scrollTo({ top: 0 });
    },
    [cancel],
  );

  const lookup = async (c: PortalCredentials) => {
    const gen = generation.current;
    setError(null);
    setNotice(null);
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const solution = await pow.solve('status');
        setLoading(true);
        const s = await portalApi.status(c, solution);
        if (gen !== generation.current) return;
        setCreds(c);
        setStatus(s);
        return;
      } catch (e) {
        if (isAborted(e) || gen !== generation.current) return;
        if (attempt === 1 && e instanceof ApiError && e.status === 400 && e.fields.pow) continue;
        noteError(e);
        // While following, a passing refusal (too many look-ups, no network) leaves the view in place;
        // only codes that no longer open the letter end it.
        if (status && !(e instanceof ApiError && e.status === 404)) {
          message.error(errorMessage(e));
          return;
        }
        if (status) exit(null);
        setError(errorMessage(e));
        return;
      } finally {
        setLoading(false);
      }
    }
  };

  useEffect(() => {
    if (!status) return;
    let timer = setTimeout(() => exit('Đã tự thoát sau 15 phút không thao tác. Nhập lại mã để xem tiếp.'), IDLE_MS);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => exit('Đã tự thoát sau 15 phút không thao tác. Nhập lại mã để xem tiếp.'), IDLE_MS);
    };
    const events = ['pointerdown', 'keydown', 'scroll'] as const;
    for (const ev of events) window.addEventListener(ev, touch, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const ev of events) window.removeEventListener(ev, touch);
    };
  }, [status, exit]);

  if (status && creds) {
    const gen = generation.current;
    return (
      <>
        {pow.solving && (
          <div style={{ marginBottom: 12 }}>
            <PowProgress seconds={pow.seconds} onCancel={pow.cancel} />
          </div>
        )}
        <StatusView
          status={status}
          creds={creds}
          refreshing={pow.solving || loading}
          onRefresh={() => lookup(creds)}
          onExit={() => exit(null)}
          onUpdated={(s) => {
            if (gen === generation.current) setStatus(s);
          }}
        />
      </>
    );
  }

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 4 }}>
        Theo dõi đơn
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Nhập mã tiếp nhận và mã bí mật bạn nhận được khi gửi đơn. Trang không lưu hai mã này: khi bạn bấm «Thoát» hoặc đóng trang, chúng
        được xóa khỏi máy.
      </Typography.Paragraph>
      {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="follow-notice" />}
      <LookupForm busy={pow.solving || loading} waitSeconds={waitSeconds} error={error} onLookup={lookup} />
      {pow.solving && (
        <div style={{ marginTop: 16 }}>
          <PowProgress seconds={pow.seconds} onCancel={pow.cancel} />
        </div>
      )}
    </>
  );
}
