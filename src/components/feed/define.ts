import { defineElement } from '../../internal/define.js';
import { KamFeed } from './kam-feed.js';

defineElement('kam-feed', KamFeed);

export { KamFeed };
