// The signed-in session for pages inside the shell, and the guards that keep others out.
import { Button, Result, Spin } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Me } from '../../../common/auth.ts';
import type { Permission } from '../../../common/roles.ts';
import { stagePath, useMe } from '../api/auth.ts';
import { ApiError, errorMessage, SIGN_IN_PATH } from '../api/client.ts';

const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside RequireFullSession');
  return me;
}

export function hasPermission(me: Me, permission: Permission): boolean {
  return me.user.permissions.includes(permission);
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" description="Đang tải…" />
    </div>
  );
}

/** Lets through only a session that has passed every sign-in step. */
export function RequireFullSession() {
  const { data, error, isPending, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) {
    if (error instanceof ApiError && error.status === 401) {
      return <Navigate to={SIGN_IN_PATH} replace state={{ from: location.pathname + location.search }} />;
    }
    return (
      <Result
        status="error"
        title="Không tải được phiên làm việc"
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => refetch()}>Thử lại</Button>}
      />
    );
  }
  if (data.stage !== 'full') return <Navigate to={stagePath(data.stage)} replace />;
  return (
    <SessionContext value={data}>
      <Outlet />
    </SessionContext>
  );
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useSession();
  if (!hasPermission(me, permission)) {
    return <Result status="403" title="Không có quyền truy cập" subTitle="Tài khoản của bạn không được giao chức năng này." />;
  }
  return children;
}
