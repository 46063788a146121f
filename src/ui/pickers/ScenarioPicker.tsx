import { SCENARIOS, unavailableReason } from '../../core/index.ts';
import { stackLabel, usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';

const selectScenarioId = (s: PlayerState) => s.scenarioId;
const selectBuild = (s: PlayerState) => s.build;
const selectTitle = (s: PlayerState) => s.timeline.title;
/** The picker's value while a built scenario plays. */
const BUILT = '(built)';
const selectSetScenario = (s: PlayerState) => s.setScenario;
const selectStack = (s: PlayerState) => s.stack;

/** The id of the line on what the chosen scenario teaches (ScenarioSetup), which describes the picker. */
export const TEACHES_ID = 'rt-teaches';

/**
 * The scenario combobox; a scenario not shown on the current stack says so (choosing it moves the stack),
 * and a built scenario shows as its own first entry while it plays.
 */
export function ScenarioPicker() {
  const scenarioId = usePlayer(selectScenarioId);
  const setScenario = usePlayer(selectSetScenario);
  const stack = usePlayer(selectStack);
  const build = usePlayer(selectBuild);
  const title = usePlayer(selectTitle);
  return (
    <label className="rt-field rt-scenario">
      <span>Scenario</span>
      <select
        value={build ? BUILT : scenarioId}
        title={build ? title : (SCENARIOS.find((s) => s.id === scenarioId)?.title ?? title)}
        aria-describedby={TEACHES_ID}
        onChange={(e) => setScenario(e.currentTarget.value)}
      >
        {build && <option value={BUILT}>{title}</option>}
        {SCENARIOS.map((s) => (
          <option key={s.id} value={s.id}>
            {unavailableReason(s, stack) === null ? s.title : `${s.title} (not on ${stackLabel(stack)})`}
          </option>
        ))}
      </select>
    </label>
  );
}
