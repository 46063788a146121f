import { useId } from 'react';
import { SCENARIOS } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';

const selectScenarioId = (s: PlayerState) => s.scenarioId;
const selectSetScenario = (s: PlayerState) => s.setScenario;

/** The scenario combobox, with the one line on what the chosen scenario teaches. */
export function ScenarioPicker() {
  const scenarioId = usePlayer(selectScenarioId);
  const setScenario = usePlayer(selectSetScenario);
  const teachesId = useId();
  const scenario = SCENARIOS.find((s) => s.id === scenarioId);
  return (
    <div className="rt-scenario">
      <label className="rt-field">
        <span>Scenario</span>
        <select
          value={scenarioId}
          aria-describedby={teachesId}
          onChange={(e) => setScenario(e.currentTarget.value)}
        >
          {SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <p id={teachesId} className="rt-teaches">
        {scenario?.teaches}
      </p>
    </div>
  );
}
