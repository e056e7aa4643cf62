// The public portal (/cong-khai): submit a petition and follow it with the receipt code and secret.
// Outside the officers' shell and without any account; nothing a citizen types is kept beyond the page.
import { ConfigProvider } from 'antd';
import { useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { FollowPage } from './FollowPage.tsx';
import { PortalHome } from './PortalHome.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { SubmitPage } from './SubmitPage.tsx';

/** Merged into the application's theme: larger text and tighter cards for a phone's narrow screen. */
// A field being typed in is outlined in blue: in the Party red it would read as an error to a citizen.
const FOCUS = { activeBorderColor: '#1d39c4', hoverBorderColor: '#597ef7', activeShadow: '0 0 0 2px rgba(29, 57, 196, 0.15)' };
const PORTAL_THEME = {
  token: { fontSize: 16 },
  components: { Card: { bodyPadding: 16, headerPadding: 16 }, Input: FOCUS, Select: FOCUS },
};

export function PortalApp() {
  useEffect(() => {
    const before = document.title;
    document.title = 'Cổng tiếp nhận đơn thư';
    return () => {
      document.title = before;
    };
  }, []);
  return (
    <ConfigProvider theme={PORTAL_THEME}>
      <PortalLayout>
        <Routes>
          <Route index element={<PortalHome />} />
          <Route path="gui-don" element={<SubmitPage />} />
          <Route path="theo-doi" element={<FollowPage />} />
          <Route path="*" element={<Navigate to="/cong-khai" replace />} />
        </Routes>
      </PortalLayout>
    </ConfigProvider>
  );
}
