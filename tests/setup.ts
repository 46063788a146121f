// Shared setup for unit and component tests. Component test files opt into jsdom
// with a `// @vitest-environment jsdom` docblock; this file only adds matchers there.
import '@testing-library/jest-dom/vitest';
import { LANGUAGES } from '../src/core/model/stack.ts';
import { languageProfiles } from '../src/store/languageProfiles.ts';

// The store loads a language's profile on demand (a dynamic import in the app); tests start players on
// any stack and switch synchronously, so every profile is loaded before they run
// (without importing the core's index, which a test may mock parts of).
await Promise.all(LANGUAGES.map((lang) => languageProfiles.load(lang)));
