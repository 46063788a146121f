import { DATABASE_INFO, LANGUAGE_INFO } from '../../core/index.ts';
import type { Timeline } from '../../core/index.ts';

/** "Python · FastAPI + MySQL": the stack as the pickers name it. */
export function stackName(timeline: Timeline): string {
  const profile = LANGUAGE_INFO[timeline.stack.lang];
  return `${profile.label} · ${profile.framework} + ${DATABASE_INFO[timeline.stack.db].name}`;
}

/** "Roundtrip · First visit · Python · FastAPI + MySQL": what every picture says it shows. */
export function sceneCredit(timeline: Timeline): string {
  return `Roundtrip · ${timeline.title} · ${stackName(timeline)}`;
}
