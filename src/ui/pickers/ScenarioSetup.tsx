import { DATABASE_INFO, LANGUAGE_INFO, SCENARIOS } from '../../core/index.ts';
import type { StackExclusion } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { TEACHES_ID } from './ScenarioPicker.tsx';
import { StackPicker } from './StackPicker.tsx';

const selectTeaches = (s: PlayerState) => s.timeline.teaches;
const selectScenarioId = (s: PlayerState) => (s.build ? null : s.scenarioId);

/** "Go", "MongoDB", "Go with MySQL": the stacks an exclusion covers. */
const excluded = ({ lang, db }: StackExclusion): string =>
  [lang && LANGUAGE_INFO[lang].label, db && DATABASE_INFO[db].name].filter(Boolean).join(' with ');

/**
 * At the head of the details column: what the chosen scenario teaches, the stacks it is not shown on and
 * why, and the stack it runs on (language and database). Out of the top bar, so the diagram gets the height.
 */
export function ScenarioSetup() {
  const teaches = usePlayer(selectTeaches);
  const scenarioId = usePlayer(selectScenarioId);
  const scenario = SCENARIOS.find((s) => s.id === scenarioId);
  return (
    <section className="rt-setup" aria-label="Scenario and stack">
      <p id={TEACHES_ID} className="rt-teaches">
        {teaches}
      </p>
      {scenario?.notFor?.map((e) => (
        <p key={excluded(e)} className="rt-not-for">
          Not shown on {excluded(e)}: {e.reason}
        </p>
      ))}
      <div className="rt-stack">
        <StackPicker />
      </div>
    </section>
  );
}
