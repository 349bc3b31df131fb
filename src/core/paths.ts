// Internal URLs that respect the deployment base path.
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** url('counting/') → '/counting/' (or '/sub/path/counting/'). */
export function url(path = ''): string {
  return base + path.replace(/^\//, '');
}
