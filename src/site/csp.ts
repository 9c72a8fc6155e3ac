/**
 * The Content-Security-Policy every page sends in a meta tag. No inline script or style at all;
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly, worker-src lets it use its worker.
 * (frame-ancestors cannot be set from a meta tag; set it as a header where the host allows.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
