/** The script embed.html loads after kam-widgets.js: builds the frame from its URL. */
import { startEmbed } from './embed.js';

startEmbed();
