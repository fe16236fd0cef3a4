/**
 * What the deployer of embed.html allows, never the URL: which pages may embed it (`parentOrigins`),
 * where `src` may point (`srcOrigins`), and the credentials mode of the feed request. It comes from
 * embed.config.json next to embed.html (read from the page's own origin) or, when embed.js was built
 * with KAM_EMBED_CONFIG, from the build:
 *
 *   { "parentOrigins": ["https://crm.example.com"], "srcOrigins": ["https://crm.example.com"], "credentials": "include" }
 *
 * Pure: the page and the build both read it with `parseEmbedConfig`.
 */

export class EmbedError extends Error {}

export interface EmbedConfig {
  /** Origins of the pages that may embed the frame; it posts to and listens to its parent only on one of them. */
  parentOrigins: readonly string[];
  /** Origins `src` may load from. */
  srcOrigins: readonly string[];
  /** Credentials mode of the feed request; default same-origin. */
  credentials: RequestCredentials;
}

export const CONFIG_FILE = 'embed.config.json';

const CREDENTIALS: readonly RequestCredentials[] = ['omit', 'same-origin', 'include'];
const SETTINGS = ['parentOrigins', 'srcOrigins', 'credentials'];

/** A plain origin such as "https://crm.example.com" or "http://localhost:8080" (no path, no wildcard); `what` names it in the error. */
export function parseOrigin(text: string, what: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  // The URL parser takes "*" in a host name; as an origin it would read as a wildcard, which this is not.
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== text.replace(/\/$/, '') || text.includes('*')) {
    throw new EmbedError(`${what} "${text}" is not an origin; write it like https://crm.example.com (scheme, host and port only).`);
  }
  return url.origin;
}

function origins(config: object, name: 'parentOrigins' | 'srcOrigins', example: string): string[] {
  const list: unknown = Object.hasOwn(config, name) ? (config as Record<string, unknown>)[name] : undefined;
  if (!Array.isArray(list) || list.length === 0 || !list.every((entry) => typeof entry === 'string')) {
    throw new EmbedError(`${CONFIG_FILE}: ${name} must list ${example}, like ["https://crm.example.com"].`);
  }
  return list.map((entry: string) => parseOrigin(entry, `${CONFIG_FILE}: ${name} entry`));
}

/** Validates a parsed embed.config.json; throws an EmbedError naming the first problem. */
export function parseEmbedConfig(value: unknown): EmbedConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmbedError(`${CONFIG_FILE} must be a JSON object with parentOrigins and srcOrigins.`);
  }
  const unknown = Object.keys(value).find((key) => !SETTINGS.includes(key));
  if (unknown !== undefined) throw new EmbedError(`${CONFIG_FILE}: unknown setting "${unknown}"; the settings are ${SETTINGS.join(', ')}.`);
  const credentials: unknown = Object.hasOwn(value, 'credentials') ? (value as Record<string, unknown>).credentials : 'same-origin';
  if (!CREDENTIALS.includes(credentials as RequestCredentials)) {
    throw new EmbedError(`${CONFIG_FILE}: credentials must be ${CREDENTIALS.join(', ')}, not ${JSON.stringify(credentials)}.`);
  }
  return {
    parentOrigins: origins(value, 'parentOrigins', 'the origins of the pages that may embed this one'),
    srcOrigins: origins(value, 'srcOrigins', 'the origins feeds may be loaded from'),
    credentials: credentials as RequestCredentials,
  };
}

/**
 * The origin of the page that embeds the frame, as the browser tells it: `location.ancestorOrigins`
 * (Chromium, Safari), else the referrer (Firefox; absent under Referrer-Policy: no-referrer). Never the
 * URL's own parameters, which any page can write. Undefined when it cannot be told.
 */
export function embedderOrigin(ancestorOrigins: { readonly length: number; item(index: number): string | null } | undefined, referrer: string): string | undefined {
  if (ancestorOrigins && ancestorOrigins.length > 0) {
    const origin = ancestorOrigins.item(0);
    return origin && origin !== 'null' ? origin : undefined;
  }
  if (!referrer) return undefined;
  try {
    const { origin } = new URL(referrer);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
