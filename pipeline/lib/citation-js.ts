/**
 * The only module that touches citation-js's process-wide plugin and config
 * registry. Everything else imports `Cite` and `plugins` from here, so the
 * plugins are loaded and configured exactly once.
 */
import { Cite, plugins, logger } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';

// citation-js keeps every log message in an ever-growing array; Kildebank reports
// problems itself, so its logger is silenced and keeps nothing.
logger.level = 'silent';
logger._output = () => undefined;

/** LaTeX commands for Norwegian letters that plugin-bibtex does not decode by itself. */
const NORWEGIAN_LETTER_COMMANDS: Record<string, string> = { aa: 'å', AA: 'Å' };
const bibtexConstants = plugins.config.get('@bibtex').constants;
Object.assign(bibtexConstants.commands, NORWEGIAN_LETTER_COMMANDS);
// Exports keep our keys and write UTF-8 rather than LaTeX escapes.
Object.assign(plugins.config.get('@bibtex').format, { useIdAsLabel: true, checkLabel: false, asciiOnly: false });

/** Register a CSL style (XML) under a name, once. */
export function registerStyle(name: string, xml: string): void {
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(name)) styles.add(name, xml);
}

/** Register a CSL locale (XML) under its tag, once. */
export function registerLocale(tag: string, xml: string): void {
  const locales = plugins.config.get('@csl').locales;
  if (!locales.has(tag)) locales.add(tag, xml);
}

export { Cite, plugins };
