import { defineElement } from '../../internal/define.js';
import { KamScorecard } from './kam-scorecard.js';

defineElement('kam-scorecard', KamScorecard);

export { KamScorecard };

declare global {
  interface HTMLElementTagNameMap {
    'kam-scorecard': KamScorecard;
  }
}
