/**
 * What the browser tests check for accessibility, read from the test sources themselves
 * (test/browser/*.test.ts, bundled as text), so the Accessibility page lists the tests that exist.
 * A test counts as an axe check when its body calls `.accessible(`, as a keyboard test when it presses
 * keys, and as a screen-reader test when it reads the live region or an accessible name.
 */
const sources = import.meta.glob<string>('../../test/browser/*.test.ts', { query: '?raw', import: 'default', eager: true });

export interface TestEntry {
  title: string;
  axe: boolean;
  keyboard: boolean;
  screenReader: boolean;
}

export interface TestFile {
  file: string;
  tests: TestEntry[];
}

const TEST_START = /^\s*it\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gm;

function testsOf(source: string): TestEntry[] {
  const starts = [...source.matchAll(TEST_START)];
  return starts.map((match, i) => {
    const body = source.slice(match.index, starts[i + 1]?.index ?? source.length);
    return {
      title: match[2]!.replace(/\\(.)/g, '$1'),
      axe: body.includes('.accessible('),
      keyboard: /\bkey\(|\bpress\(|new KeyboardEvent|userEvent\.(keyboard|tab)/.test(body),
      screenReader: /aria-live|\blive\(|aria-label|aria-describedby|role=|getAttribute\('aria-/.test(body),
    };
  });
}

export const BROWSER_TESTS: TestFile[] = Object.entries(sources)
  .map(([path, source]) => ({ file: path.replace('../../', ''), tests: testsOf(source) }))
  .sort((a, b) => a.file.localeCompare(b.file));

/** The tests that check accessibility in one of the three ways. */
export const accessibilityTests = (file: TestFile) => file.tests.filter((t) => t.axe || t.keyboard || t.screenReader);
