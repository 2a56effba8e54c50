import { AnySetting } from './setting';

/**
 * The README's settings tables, written from the declarations between `<!-- NAME -->` and
 * `<!-- /NAME -->` markers (`npm run build:schema` rewrites them; a test fails while they are stale).
 */

/** `|` and line breaks would end a table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** How a row shows a setting's default. */
export function defaultCell(setting: AnySetting): string {
  if (setting.required) return '(required)';
  if (!setting.default) return setting.fields ? '(by field)' : '(none)';
  return 'text' in setting.default ? `(${setting.default.text})` : `\`${cell(JSON.stringify(setting.default.value))}\``;
}

/** A row per setting, and a row per field of an object setting (`signInAliases.email`), in declaration order. */
export function settingRows(settings: Readonly<Record<string, AnySetting>>, prefix = ''): string[] {
  return Object.entries(settings).flatMap(([key, s]) => {
    const path = `${prefix}${key}`;
    const row = `| \`${path}\` | ${defaultCell(s)} | ${cell(s.description)} |`;
    return s.fields ? [row, ...settingRows(s.fields, `${path}.`)] : [row];
  });
}

/** A table of settings with their defaults. */
export function settingsTable(settings: Readonly<Record<string, AnySetting>>): string {
  return ['| Setting | Default | What it does |', '| --- | --- | --- |', ...settingRows(settings)].join('\n');
}

/** `text` with the part between the markers named `name` replaced by `content`. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const open = `<!-- ${name} -->\n`;
  const close = `<!-- /${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`the markers <!-- ${name} --> and <!-- /${name} --> are missing`);
  return `${text.slice(0, start + open.length)}${content}\n${text.slice(end)}`;
}

/** The root README with its generated settings tables. */
export function readmeWithTables(readme: string, tables: Readonly<Record<string, Readonly<Record<string, AnySetting>>>>): string {
  return Object.entries(tables).reduce((text, [name, settings]) => replaceBetweenMarkers(text, name, settingsTable(settings)), readme);
}
