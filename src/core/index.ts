/** The core's public surface: model types, scenarios, the engine, and pure helpers. No React, DOM or clock. */
export * from './model/nodes.ts';
export * from './model/messages.ts';
export * from './model/scenario.ts';
export * from './model/stack.ts';
export * from './model/timeline.ts';
export { SCENARIOS, DEFAULT_SCENARIO_ID, scenarioById } from './scenarios/index.ts';
export { stackFit, unavailableReason } from './model/stackFit.ts';
export { buildTimeline } from './engine/buildTimeline.ts';
export { simulateTimeline } from './engine/simulateTimeline.ts';
export { extrasFor, EXTRA_IDS } from './extras/ExtraStages.ts';
export type { ExtraId, Extras, ExtraStages } from './extras/ExtraStages.ts';
export { nodeStateAt } from './engine/nodeStateAt.ts';
export { nodeBadges } from './engine/nodeBadges.ts';
export type { NodeBadge } from './engine/nodeBadges.ts';
export { languageProfile, LANGUAGE_PROFILES } from './stacks/languages.ts';
export { LANGUAGE_INFO } from './stacks/languageInfo.ts';
export type { LanguageInfo } from './stacks/languageInfo.ts';
export type { LanguageProfile, HandlerSource, CodeMark, HandlerOp } from './stacks/types.ts';
export { DATABASE_INFO } from './world/world.ts';
export * from './playback/index.ts';
/** The playback moves as one namespace, for the store whose actions call them (`playback.play`, `playback.tick`). */
export * as playback from './playback/index.ts';
export * from './link/index.ts';
export { parseCommand } from './api/parseCommand.ts';
export type { EmbedCommand } from './api/parseCommand.ts';
export { NOTICES } from './notices.ts';
export { groupDigits } from './format/groupDigits.ts';
export { formatDuration } from './format/formatDuration.ts';
