/** The script embed.html loads after kam-widgets.js: builds the frame from the deployer's config and its URL. */
import { startEmbed } from './embed.js';

void startEmbed();
