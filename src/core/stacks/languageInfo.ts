import type { Language } from '../model/stack.ts';

/** How a handler language is named in pickers and credits: its name and its framework. */
export interface LanguageInfo {
  /** The language as people name it: "Node.js", "Python", "Java". */
  readonly label: string;
  /** "Express 5" */
  readonly framework: string;
}

/**
 * Every handler language's name and framework, without its profile (handler code, framework rules): the
 * pickers need the names on the first view, a profile is loaded only when a stack uses it. The profiles
 * say the same (a test checks).
 */
export const LANGUAGE_INFO: Readonly<Record<Language, LanguageInfo>> = {
  node: { label: 'Node.js', framework: 'Express 5' },
  python: { label: 'Python', framework: 'FastAPI' },
  java: { label: 'Java', framework: 'Spring Boot 4' },
  ruby: { label: 'Ruby', framework: 'Rails 8' },
  go: { label: 'Go', framework: 'net/http' },
  php: { label: 'PHP', framework: 'Laravel 13' },
  cpp: { label: 'C++', framework: 'Drogon 1.9' },
};
