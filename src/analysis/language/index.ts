/** Language identification: ISO 639-1 codes from writing system and function words. */
export { detectLanguage, UNDETERMINED } from './detect.js';
export { LATIN_LANGUAGES } from './latin.js';
