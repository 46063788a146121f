import { SCENARIOS } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { TEACHES_ID } from './ScenarioPicker.tsx';
import { StackPicker } from './StackPicker.tsx';

const selectScenarioId = (s: PlayerState) => s.scenarioId;

/**
 * At the head of the details column: what the chosen scenario teaches, and the stack it runs on
 * (language and database). Out of the top bar, so the diagram gets the height.
 */
export function ScenarioSetup() {
  const scenarioId = usePlayer(selectScenarioId);
  const scenario = SCENARIOS.find((s) => s.id === scenarioId);
  return (
    <section className="rt-setup" aria-label="Scenario and stack">
      <p id={TEACHES_ID} className="rt-teaches">
        {scenario?.teaches}
      </p>
      <div className="rt-stack">
        <StackPicker />
      </div>
    </section>
  );
}
