import { describe, expect, it } from 'vitest';
import { EmbedError, embedderOrigin, parseEmbedConfig } from '../../src/embed/embed-config.js';
import { parseEmbedQuery } from '../../src/embed/embed.js';

const CRM = 'https://crm.example.com';

/** A DOMStringList as location.ancestorOrigins gives it, nearest ancestor first. */
const ancestors = (...origins: string[]) => ({ length: origins.length, item: (i: number) => origins[i] ?? null });

describe('embed.config.json', () => {
  it('reads the allowed parent and src origins, and the credentials mode (default same-origin)', () => {
    expect(parseEmbedConfig({ parentOrigins: [CRM, 'http://localhost:8080/'], srcOrigins: [CRM] })).toEqual({
      parentOrigins: [CRM, 'http://localhost:8080'],
      srcOrigins: [CRM],
      credentials: 'same-origin',
    });
    expect(parseEmbedConfig({ parentOrigins: [CRM], srcOrigins: [CRM], credentials: 'include' }).credentials).toBe('include');
  });

  it('names the first problem of a config it cannot use', () => {
    const cases: [unknown, string][] = [
      [[CRM], 'embed.config.json must be a JSON object with parentOrigins and srcOrigins.'],
      [{ srcOrigins: [CRM] }, 'embed.config.json: parentOrigins must list the origins of the pages that may embed this one, like ["https://crm.example.com"].'],
      [{ parentOrigins: [], srcOrigins: [CRM] }, 'embed.config.json: parentOrigins must list the origins of the pages that may embed this one, like ["https://crm.example.com"].'],
      [{ parentOrigins: [CRM] }, 'embed.config.json: srcOrigins must list the origins feeds may be loaded from, like ["https://crm.example.com"].'],
      [{ parentOrigins: ['https://*.example.com'], srcOrigins: [CRM] }, 'embed.config.json: parentOrigins entry "https://*.example.com" is not an origin; write it like https://crm.example.com (scheme, host and port only).'],
      [{ parentOrigins: [CRM], srcOrigins: [`${CRM}/api`] }, 'embed.config.json: srcOrigins entry "https://crm.example.com/api" is not an origin; write it like https://crm.example.com (scheme, host and port only).'],
      [{ parentOrigin: [CRM], srcOrigins: [CRM] }, 'embed.config.json: unknown setting "parentOrigin"; the settings are parentOrigins, srcOrigins, credentials.'],
      [{ parentOrigins: [CRM], srcOrigins: [CRM], credentials: 'always' }, 'embed.config.json: credentials must be omit, same-origin, include, not "always".'],
    ];
    for (const [config, message] of cases) expect(() => parseEmbedConfig(config)).toThrow(new EmbedError(message));
  });

  it('does not take settings from Object.prototype', () => {
    expect(() => parseEmbedConfig(JSON.parse('{ "__proto__": { "parentOrigins": ["https://crm.example.com"] }, "srcOrigins": ["https://crm.example.com"] }'))).toThrow(
      'embed.config.json: unknown setting "__proto__"',
    );
  });
});

describe('the embedding page', () => {
  it('is the nearest of location.ancestorOrigins, where the browser has them', () => {
    expect(embedderOrigin(ancestors(CRM, 'https://top.example.com'), 'https://elsewhere.example.com/page')).toBe(CRM);
  });

  it('is the referrer\'s origin where there are no ancestorOrigins (Firefox)', () => {
    expect(embedderOrigin(undefined, `${CRM}/main.aspx?pagetype=dashboard`)).toBe(CRM);
    expect(embedderOrigin(ancestors(), `${CRM}/x`)).toBe(CRM);
  });

  it('is unknown without either, or for an opaque origin (a sandboxed parent)', () => {
    expect(embedderOrigin(undefined, '')).toBeUndefined();
    expect(embedderOrigin(ancestors('null'), `${CRM}/x`)).toBeUndefined();
    expect(embedderOrigin(undefined, 'not a url')).toBeUndefined();
  });
});

describe('the query', () => {
  const observed = () => ['src', 'theme', 'locale', 'credentials', 'feed', 'timeout'];
  const config = { srcOrigins: [CRM, 'https://widgets.example.com'] };
  const base = 'https://widgets.example.com/kam/embed.html?widget=pareto';

  it('becomes the widget\'s attributes, src resolved against the page', () => {
    expect(parseEmbedQuery('widget=pareto&src=/api/accounts.json&theme=dark', base, observed, config)).toEqual({
      tag: 'kam-pareto',
      widget: 'pareto',
      attributes: [
        ['src', 'https://widgets.example.com/api/accounts.json'],
        ['theme', 'dark'],
      ],
    });
  });

  it('finds widgets in a Map: names Object.prototype has are no widget', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => parseEmbedQuery(`widget=${name}`, base, observed, config)).toThrow(`widget "${name}" is not one of the kit's widgets`);
    }
  });

  it('loads src only from the config\'s origins, and never takes credentials or a parent origin from the URL', () => {
    expect(() => parseEmbedQuery('widget=pareto&src=https://evil.example.com/a.json', base, observed, config)).toThrow(
      'src on https://evil.example.com is not loaded: embed.config.json allows feeds from https://crm.example.com, https://widgets.example.com (srcOrigins).',
    );
    expect(() => parseEmbedQuery('widget=pareto&src=/a.json&credentials=include', base, observed, config)).toThrow(
      'credentials cannot be set in the URL: whoever deploys embed.html sets it in embed.config.json.',
    );
    expect(() => parseEmbedQuery(`widget=pareto&parent-origin=${CRM}`, base, observed, config)).toThrow(
      'parent-origin cannot be set in the URL: the pages that may embed this one are listed in embed.config.json (parentOrigins).',
    );
  });
});
