import { DATABASES, LANGUAGE_INFO, LANGUAGES, scenarioById, unavailableReason } from '../../core/index.ts';
import { DATABASE_INFO } from '../../core/index.ts';
import type { Scenario, Stack } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { ChoiceSelect } from '../ChoiceSelect.tsx';

/** A choice the scenario is not shown on is greyed out and says so; ScenarioSetup says why. */
const choice = <T extends string>(value: T, text: string, scenario: Scenario | undefined, stack: Stack) => {
  const refused = scenario !== undefined && unavailableReason(scenario, stack) !== null;
  return [value, refused ? `${text} (not in this scenario)` : text, refused] as const;
};

const selectScenarioId = (s: PlayerState) => s.scenarioId;
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
  const scenario = scenarioById(usePlayer(selectScenarioId));
  const languages = LANGUAGES.map((l) =>
    choice(l, `${LANGUAGE_INFO[l].label} · ${LANGUAGE_INFO[l].framework}`, scenario, { lang: l, db }),
  );
  const databases = DATABASES.map((d) => choice(d, DATABASE_INFO[d].name, scenario, { lang, db: d }));
  return (
    <>
      <ChoiceSelect label="Language" value={lang} choices={languages} onChange={setLanguage} />
      <ChoiceSelect label="Database" value={db} choices={databases} onChange={setDatabase} />
    </>
  );
}
