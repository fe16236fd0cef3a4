import { LightningElement } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import KAM_WIDGETS from '@salesforce/resourceUrl/kamWidgets';
import getAccounts from '@salesforce/apex/KamFeedController.getAccounts';

const WIDGETS = ['scorecard', 'pareto', 'tierMatrix', 'quadrant'];

export default class KamTab extends LightningElement {
  ready = false;
  error;
  accounts;
  heard = [];
  listening = false;

  async connectedCallback() {
    try {
      // The kit first: the elements below must be defined before they render, so `data` is set as a property.
      await loadScript(this, KAM_WIDGETS);
      this.accounts = await getAccounts();
      this.ready = true;
    } catch (error) {
      this.error = error?.message ?? String(error);
    }
  }

  renderedCallback() {
    if (!this.ready || this.listening) return;
    this.listening = true;
    // LWC templates cannot bind hyphenated event names (onkam-select): listen on each element.
    for (const name of WIDGETS) {
      const widget = this.refs[name];
      widget.addEventListener('kam-select', (event) => this.hear('element', event));
      widget.addEventListener('kam-kpi-select', (event) => this.hear('element', event));
    }
    // The other way an LWC could listen: on its own template. Recorded to show where it works.
    this.template.addEventListener('kam-select', (event) => this.hear('template', event));
    this.template.addEventListener('kam-kpi-select', (event) => this.hear('template', event));
  }

  hear(where, event) {
    const detail = event.detail;
    const what = event.type === 'kam-kpi-select' ? detail.id : detail.ids.join(',');
    const from = event.type === 'kam-kpi-select' ? 'kam-scorecard' : detail.source;
    const text = `${where} ${event.type} ${from} ${what}`;
    this.heard = [...this.heard, { key: this.heard.length, text }];
  }
}
