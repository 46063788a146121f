/** Every user-facing notice and error text, in one place. */
export const NOTICES = {
  badParam: (name: string, value: string, fallback: string): string =>
    `Ignored ${name}=${value.length > 40 ? `${value.slice(0, 40)}…` : value}: not a valid value, using ${fallback}.`,
  unknownParam: (name: string): string =>
    `Ignored the unknown link parameter "${name.length > 40 ? `${name.slice(0, 40)}…` : name}".`,
  badBuild: (code: string, problem: string): string =>
    `Ignored build=${code.length > 60 ? `${code.slice(0, 60)}…` : code}: ${problem}; playing the scenario instead.`,
  stepOutOfRange: (step: number, count: number): string =>
    `This scenario has ${count} steps; showing step ${Math.min(Math.max(step, 1), count)} instead of ${step}.`,
  panelFailed: (panel: string): string =>
    `The ${panel} could not be shown. Reset goes back to step 1; the rest of the player keeps working.`,
  notOnStack: (scenario: string, stack: string, reason: string, instead: string): string =>
    `${scenario} is not shown on ${stack}: ${reason} Showing it on ${instead}.`,
  profileUnavailable: (language: string): string =>
    `The ${language} handler code could not be loaded (is the network down?); the stack did not change.`,
  databaseUnavailable: (database: string): string =>
    `The ${database} stages could not be loaded (is the network down?); the stack did not change.`,
  extrasUnavailable: (scenario: string): string =>
    `The stages of “${scenario}” could not be loaded (is the network down?); the scenario did not change.`,
  copyFailed: 'Select the text and copy it with Ctrl+C (⌘C).',
  copied: 'Copied.',
  moreNotices: (count: number): string => `…and ${count} more like these.`,
} as const;
