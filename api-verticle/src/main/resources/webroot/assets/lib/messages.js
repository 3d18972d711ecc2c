// Every text the app shows, in English and German (the same keys in both; a browser test checks).
import { de } from './messages-de.js';
import { en } from './messages-en.js';

export const messages = { en, de };
