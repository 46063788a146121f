import { SCENARIOS } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';

const selectScenarioId = (s: PlayerState) => s.scenarioId;
const selectSetScenario = (s: PlayerState) => s.setScenario;

/** The id of the line on what the chosen scenario teaches (ScenarioSetup), which describes the picker. */
export const TEACHES_ID = 'rt-teaches';

/** The scenario combobox. */
export function ScenarioPicker() {
  const scenarioId = usePlayer(selectScenarioId);
  const setScenario = usePlayer(selectSetScenario);
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
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}
