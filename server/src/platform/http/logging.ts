// JSON logs (pino) that never carry credentials: headers with secrets and sensitive body fields are
// redacted, and request bodies are not logged at all.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.oneTimePassword',
  '*.token',
  '*.secret',
  '*.recoveryCode',
  '*.recoveryCodes',
];

export function loggerOptions(level: string) {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[ẩn]' },
    serializers: {
      req(req: { method: string; url: string; id: string; ip?: string }) {
        // Query strings are dropped: nothing secret belongs there, but nothing is gained by logging them.
        return { method: req.method, url: req.url.split('?')[0], id: req.id };
      },
    },
  };
}
