// antd's Vietnamese locale. TypeScript (NodeNext) reads antd's files as CommonJS and types the default
// import as the module object, while the bundler hands over the ESM default: accept either shape.
import type { Locale } from 'antd/es/locale/index.js';
import viVNModule from 'antd/es/locale/vi_VN.js';

const mod = viVNModule as unknown as Locale & { default?: Locale };
export const viVN: Locale = mod.default ?? mod;
