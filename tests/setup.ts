// Shared setup for unit and component tests. Component test files opt into jsdom
// with a `// @vitest-environment jsdom` docblock; this file only adds matchers there.
import '@testing-library/jest-dom/vitest';
import { LANGUAGES } from '../src/core/model/stack.ts';
import { languageProfiles } from '../src/store/languageProfiles.ts';
import { EXTRA_IDS } from '../src/core/extras/ExtraStages.ts';
import { extraStages } from '../src/store/extraStages.ts';

// The store loads a language's profile and a scenario's extra stages on demand (dynamic imports in the app);
// tests start players on any stack and scenario and switch synchronously, so every profile and every extra is
// loaded before they run (without importing the core's index, which a test may mock parts of).
await Promise.all([...LANGUAGES.map((lang) => languageProfiles.load(lang)), extraStages.load(EXTRA_IDS)]);
