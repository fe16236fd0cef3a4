/**
 * Media emulation for browser tests (forced colours, reduced motion, colour scheme), through the Chrome
 * DevTools Protocol of the playwright + chromium provider. Call `emulateMedia([])` in an afterEach.
 */
import { cdp } from 'vitest/browser';

export type MediaFeature = { name: 'forced-colors' | 'prefers-reduced-motion' | 'prefers-color-scheme'; value: string };

export const emulateMedia = (features: MediaFeature[]) => cdp().send('Emulation.setEmulatedMedia', { features });
