#!/usr/bin/env node
// Entry point of the `ktgs` command. The project runs on Node 24 (the `node` package it depends on);
// npm scripts and npx put that Node first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`KTGS cần Node.js 24 (đang chạy ${process.version}). Dùng "npx ktgs …" hoặc "npm start" trong thư mục dự án.\n`);
  process.exit(1);
}
await import('../server/src/cli.ts');
