import { DATABASES, LANGUAGE_PROFILES, LANGUAGES } from '../../core/index.ts';
import { DATABASE_INFO } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { ChoiceSelect } from '../ChoiceSelect.tsx';

const LANGUAGE_CHOICES = LANGUAGES.map(
  (l) => [l, `${LANGUAGE_PROFILES[l].label} · ${LANGUAGE_PROFILES[l].framework}`] as const,
);
const DATABASE_CHOICES = DATABASES.map((d) => [d, DATABASE_INFO[d].name] as const);

const selectLang = (s: PlayerState) => s.stack.lang;
const selectDb = (s: PlayerState) => s.stack.db;
const selectSetLanguage = (s: PlayerState) => s.setLanguage;
const selectSetDatabase = (s: PlayerState) => s.setDatabase;

/** The stack: the handler's language (with its framework) and the database. */
export function StackPicker() {
  const lang = usePlayer(selectLang);
  const db = usePlayer(selectDb);
  const setLanguage = usePlayer(selectSetLanguage);
  const setDatabase = usePlayer(selectSetDatabase);
  return (
    <>
      <ChoiceSelect label="Language" value={lang} choices={LANGUAGE_CHOICES} onChange={setLanguage} />
      <ChoiceSelect label="Database" value={db} choices={DATABASE_CHOICES} onChange={setDatabase} />
    </>
  );
}
