/**
 * The renderer's Content-Security-Policy (ARCHITECTURE §3): nothing but the app's own files.
 * `frame-ancestors` is omitted because browsers ignore it in a meta tag; main sets the header.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
