import { DATABASES, LANGUAGE_PROFILES, LANGUAGES } from '../../core/index.ts';
import type { Database, Language } from '../../core/index.ts';
import { usePlayer } from '../../store/index.ts';
import type { PlayerState } from '../../store/index.ts';

const DATABASE_LABEL: Readonly<Record<Database, string>> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  mongodb: 'MongoDB',
};

const selectLang = (s: PlayerState) => s.stack.lang;
const selectDb = (s: PlayerState) => s.stack.db;
const selectSetLanguage = (s: PlayerState) => s.setLanguage;
const selectSetDatabase = (s: PlayerState) => s.setDatabase;

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);
const isDatabase = (value: string): value is Database => (DATABASES as readonly string[]).includes(value);

/** The stack: the handler's language (with its framework) and the database. */
export function StackPicker() {
  const lang = usePlayer(selectLang);
  const db = usePlayer(selectDb);
  const setLanguage = usePlayer(selectSetLanguage);
  const setDatabase = usePlayer(selectSetDatabase);
  return (
    <>
      <label className="rt-field">
        <span>Language</span>
        <select
          value={lang}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isLanguage(value)) setLanguage(value);
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_PROFILES[l].label} · {LANGUAGE_PROFILES[l].framework}
            </option>
          ))}
        </select>
      </label>
      <label className="rt-field">
        <span>Database</span>
        <select
          value={db}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isDatabase(value)) setDatabase(value);
          }}
        >
          {DATABASES.map((d) => (
            <option key={d} value={d}>
              {DATABASE_LABEL[d]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
