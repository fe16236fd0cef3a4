import { afterEach } from 'vitest';
import { fixtureCleanup } from '@open-wc/testing';

// open-wc only cleans fixtures when it finds a global afterEach; under vitest, do it here.
afterEach(() => fixtureCleanup());
