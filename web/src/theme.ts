import type { ThemeConfig } from 'antd';

// Party red as the primary colour, with a larger base font for readability by every officer.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#b71c1c',
    fontSize: 15,
    borderRadius: 6,
  },
  components: {
    Layout: { siderBg: '#ffffff', headerBg: '#ffffff' },
  },
};
