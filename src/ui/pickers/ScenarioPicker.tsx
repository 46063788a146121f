import { SCENARIOS, unavailableReason } from '../../core/index.ts';
import { stackLabel, usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';

const selectScenarioId = (s: PlayerState) => s.scenarioId;
const selectSetScenario = (s: PlayerState) => s.setScenario;
const selectStack = (s: PlayerState) => s.stack;

/** The id of the line on what the chosen scenario teaches (ScenarioSetup), which describes the picker. */
export const TEACHES_ID = 'rt-teaches';

/** The scenario combobox; a scenario not shown on the current stack says so (choosing it moves the stack). */
export function ScenarioPicker() {
  const scenarioId = usePlayer(selectScenarioId);
  const setScenario = usePlayer(selectSetScenario);
  const stack = usePlayer(selectStack);
  return (
    <label className="rt-field rt-scenario">
      <span>Scenario</span>
      <select
        value={scenarioId}
        aria-describedby={TEACHES_ID}
        onChange={(e) => setScenario(e.currentTarget.value)}
      >
        {SCENARIOS.map((s) => (
          <option key={s.id} value={s.id}>
            {unavailableReason(s, stack) === null ? s.title : `${s.title} (not on ${stackLabel(stack)})`}
          </option>
        ))}
      </select>
    </label>
  );
}
