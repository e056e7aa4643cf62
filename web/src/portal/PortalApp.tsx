// The public portal (/cong-khai): submit a petition and follow it with the receipt code and secret.
export function PortalApp() {
  return null;
}
