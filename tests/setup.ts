// Shared setup for unit and component tests. Component test files opt into jsdom
// with a `// @vitest-environment jsdom` docblock; this file only adds matchers there.
import '@testing-library/jest-dom/vitest';
