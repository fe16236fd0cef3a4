import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { kitArgTypes } from './arg-types.js';
import { publicSurface } from './public-surface.js';
import './preview.css';

// Autodocs and the Controls panel read the manifest that `npm run analyze` writes from the class comments.
setCustomElementsManifest(publicSurface(manifest));

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [kitArgTypes],
  parameters: {
    // Any accessibility violation fails the story (in Storybook and in `npm test`).
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
    options: {
      storySort: {
        order: [
          'Docs',
          ['Introduction', 'The feed', 'Try your data', 'Theming', 'Embedding', 'Accessibility', 'Tiers and KPIs'],
          'Widgets',
          ['kam-feed', '*'],
        ],
      },
    },
  },
};

export default preview;
