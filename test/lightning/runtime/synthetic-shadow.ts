// Synthetic shadow patches the DOM, so the page loads it before the engine, as Lightning does where it is on.
import '@lwc/synthetic-shadow';
