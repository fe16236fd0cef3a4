import '../src/index.js';
import { startEmbed } from '../src/embed/embed.js';

void startEmbed();
